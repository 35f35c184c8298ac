#pragma once
// How a row reads in help, man page and docs alike: its flags, its value's
// name, its help with the default and the variable, and the footers. One
// spelling, so --help and the generated files say the same.

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "src/cli_definition.hpp"
#include "src/text.hpp"

namespace aa {

// "-s,--server", or "--all": as CLI11 and the shells take them.
std::string flag_names(const OptionRow& row);

// "URL[,URL...]", or the allowed values "0|1|2|3"; empty for a flag without value.
std::string value_name_of(const OptionRow& row);
std::string value_name_of(const ArgumentRow& row);

// The help with what the fields add: "NATS server URLs (default: nats://localhost:4223) [env: NATS_URL]".
std::string help_line(const OptionRow& row);
std::string help_line(const ArgumentRow& row);

// "SHELL", "[PHASE]" or "[STREAM...]": how an argument shows in a synopsis.
std::string synopsis_of(const ArgumentRow& row);

// The footer of the root's --help: exit codes, the precedence of settings and the variable groups.
std::string root_footer(const CliDefinition& cli);

// The footer of a command's --help: the variables it reads, its examples, then the root's footer.
std::string command_footer(const CliDefinition& cli, const CommandDefinition& command);

// Every flag (long and short) that takes a value, anywhere in CLI: what a
// completion must skip with its value. Throws std::logic_error when one flag
// takes a value in one place and none in another (no completion could tell).
std::vector<std::string> flags_taking_values(const CliDefinition& cli);

// WORDS joined by SEPARATOR (src/text.hpp joins strings).
std::string join(std::span<const std::string_view> words, std::string_view separator);

}  // namespace aa
