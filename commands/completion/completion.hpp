#pragma once
// `aa-nats completion bash|zsh|fish`: prints the shell's completion script,
// made from the command-line definition, as gh and kubectl do. The committed
// completions/ files are its output (scripts/generate.sh).

#include <string>
#include <string_view>

#include "src/cli_definition.hpp"

namespace aa::completion {

struct Options {
    std::string shell;
};

// Its argument, bound to OPTIONS, and the script it prints for OPTIONS.shell.
CommandDefinition definition(Options& options);

// SHELL's completion script for CLI. Throws UsageError for a shell it does not know.
std::string script(std::string_view shell, const CliDefinition& cli);

}  // namespace aa::completion
