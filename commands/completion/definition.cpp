// `aa-nats completion SHELL`: its row, and the script it prints.

#include <array>

#include <fmt/format.h>

#include "commands/completion/completion.hpp"
#include "commands/completion/shells.hpp"

namespace aa::completion {
namespace {

inline constexpr std::array<std::string_view, 3> kShells{"bash", "zsh", "fish"};

}  // namespace

std::string script(std::string_view shell, const CliDefinition& cli) {
    if (shell == kShells[0]) return bash_script(cli);
    if (shell == kShells[1]) return zsh_script(cli);
    if (shell == kShells[2]) return fish_script(cli);
    throw UsageError(fmt::format("completion: no completion for shell \"{}\": expected bash, zsh or fish", shell));
}

CommandDefinition definition(Options& options) {
    return {
        .name = "completion",
        .summary = "print the shell completion script for bash, zsh or fish",
        .description = "Prints the completion script for SHELL, made from the same definition as --help: every "
                       "command and option, the migration phases, natscli context names (read from "
                       "~/.config/nats/context at completion time), files where a file is expected, and the "
                       "topology's stream names. Packages install it; from a checkout, load it as the examples show.",
        .arguments = {{{.name = "SHELL",
                        .help = "the shell to complete for",
                        .allowed = kShells,
                        .completion = Completion::choice,
                        .required = true},
                       &options.shell}},
        .examples = {{"source <(aa-nats completion bash)", "Tab completion in this bash session"},
                     {"aa-nats completion zsh > \"${fpath[1]}/_aa-nats\"", "zsh, for every new shell (after compinit)"},
                     {"aa-nats completion fish > ~/.config/fish/completions/aa-nats.fish", "fish, for every new shell"}},
        .document = [&options](const CliDefinition& cli) { return script(options.shell, cli); },
    };
}

}  // namespace aa::completion
