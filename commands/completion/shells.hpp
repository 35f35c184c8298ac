#pragma once
// One completion script per shell, and what they share: which values each
// kind of completion offers, read from the definition's rows.

#include <string>
#include <vector>

#include "src/cli_definition.hpp"

namespace aa::completion {

std::string bash_script(const CliDefinition& cli);
std::string zsh_script(const CliDefinition& cli);
std::string fish_script(const CliDefinition& cli);

// The environment-only rows whose values complete KIND (the STREAM_*_NAME rows
// for Completion::stream): each offered as the variable's value when it is
// set at completion time, else the row's default.
std::vector<const OptionRow*> value_sources(const CliDefinition& cli, Completion kind);

// Every option a command accepts: its own, the global ones, and --help.
std::vector<OptionRow> options_of(const CliDefinition& cli, const CommandDefinition& command);

// The root's options: the global ones, --help and --version.
std::vector<OptionRow> root_options(const CliDefinition& cli);

// "--server" -> "server", "-s" -> "s": a flag without its dashes.
std::string without_dashes(std::string_view flag);

// TEXT in single quotes for a POSIX shell (and zsh, and fish, whose only escapes inside them are \' and \\).
std::string single_quoted(std::string_view text, bool backslash_escapes = false);

}  // namespace aa::completion
