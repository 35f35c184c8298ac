// aa-nats as a list of passes: read the invocation, parse, resolve the
// settings, run the command, report what stopped it, end. What each pass
// decides lives in the core library (commands/cli.hpp, commands/error_report.hpp),
// where unit tests reach it; this file only strings the passes together.

#include <unistd.h>

#include <iostream>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "commands/cli.hpp"
#include "commands/error_report.hpp"
#include "src/command_context.hpp"
#include "src/command_line.hpp"
#include "src/environment.hpp"
#include "src/errors.hpp"
#include "src/global_option_rows.hpp"
#include "src/nats_connection.hpp"
#include "src/output.hpp"
#include "src/settings.hpp"
#include "src/signals.hpp"
#include "src/topology.hpp"

namespace {

using Secrets = std::vector<std::string>;

// What the operator typed, and what must be known of it before CLI11 parses it.
struct Invocation {
    std::vector<std::string> args;  // argv, program name first
    Secrets secrets;                // values of --password and --token
    // --format or --json anywhere, and the command: how an error is reported,
    // also one that stops the parse, or a --json that contradicts --format.
    aa::OutputFormat format_asked = aa::OutputFormat::text;
    std::string command;
};

Invocation read_invocation(int argc, char** argv, const aa::Cli& cli) {
    std::vector<std::string> args(argv, argv + argc);
    Secrets secrets = aa::secrets_in_arguments(args);
    const aa::OutputFormat format_asked = aa::format_in_arguments(args);
    std::string command = cli.command_in(args);
    return {std::move(args), std::move(secrets), format_asked, std::move(command)};
}

// Prints what ERROR means for the operator and returns its exit code.
aa::ExitCode report(const std::exception_ptr& error, const Secrets& secrets, const Invocation& invocation) {
    return aa::print_error_report(aa::error_report(error, secrets), std::cout, std::cerr, invocation.format_asked,
                                  invocation.command);
}

// nullopt when a subcommand is to run; else the exit code of a run that ends
// here: help, the version or a document printed (0), or a usage error reported (2).
std::optional<int> parse(aa::Cli& cli, const Invocation& invocation) {
    try {
        if (cli.parse(invocation.args) == aa::Cli::Parsed::answered) return 0;
        return std::nullopt;
    } catch (...) {
        return static_cast<int>(report(std::current_exception(), invocation.secrets, invocation));
    }
}

// The settings every command shares. Their secrets (passwords, tokens, URL
// user info) join SECRETS, so that nothing reported from here on shows them.
aa::Settings resolve(const aa::GlobalFlags& flags, const aa::Environment& environment, Secrets& secrets) {
    aa::Settings settings = aa::resolve_settings(flags, environment);
    const Secrets configured = settings.connection.secrets();
    secrets.insert(secrets.end(), configured.begin(), configured.end());
    return settings;
}

// The command line to run again (e.g. to complete a torn subject move). The
// topology variables set in this process's environment are part of it:
// without them a pasted command could target other stream names or replicas.
// (Connection variables such as NATS_URL are left out: they may hold credentials.)
std::string command_line_to_repeat(const std::vector<std::string>& args, const aa::Environment& environment,
                                   const Secrets& secrets) {
    std::vector<std::pair<std::string, std::string>> topology_environment;
    for (const aa::OptionRow* variable : aa::kTopologyVariables) {
        if (const auto value = environment.get(variable->env)) topology_environment.emplace_back(variable->env, *value);
    }
    return aa::shell_command_line(topology_environment, args, secrets);
}

aa::ExitCode run(const aa::Cli& cli, aa::Settings settings, const Invocation& invocation,
                 const aa::Environment& environment, const Secrets& secrets) {
    const bool terminal = ::isatty(STDOUT_FILENO) == 1;
    const bool color = aa::should_color(terminal, cli.flags().no_color, settings.env.get(aa::kNoColorOption.env).has_value());
    aa::Output output{std::cout, std::cerr, cli.output_format(), aa::Style(color), terminal};
    aa::CommandContext context(std::move(settings), output);
    // Built only if asked for; everything it reads outlives the context.
    context.set_command_line(
        [&invocation, &environment, &secrets] { return command_line_to_repeat(invocation.args, environment, secrets); });
    return cli.run(context);
}

// Resolves the settings and runs the parsed command; whatever stops either is
// reported, scrubbed of every secret known by then.
aa::ExitCode resolve_and_run(const aa::Cli& cli, const Invocation& invocation) {
    Secrets secrets = invocation.secrets;
    try {
        // Read once: the settings and the command line to repeat see the same environment.
        const aa::Environment environment = aa::Environment::from_process();
        aa::Settings settings = resolve(cli.flags(), environment, secrets);
        return run(cli, std::move(settings), invocation, environment, secrets);
    } catch (...) {
        return report(std::current_exception(), secrets, invocation);
    }
}

// Ends the process with CODE once everything is printed. A code that stands
// for a signal (ensure-streams held it during a subject move, and chose to end
// by it) ends the process by that signal instead, so that a shell script stops
// on Ctrl-C as it would for any other program (docs/exit-codes.md, "Signals").
int end(aa::ExitCode code) {
    std::cout.flush();
    std::cerr.flush();
    aa::shutdown_nats_library();
    if (const std::optional<int> signal = aa::signal_of(code)) aa::die_by_signal(*signal);
    return static_cast<int>(code);
}

}  // namespace

int main(int argc, char** argv) {
    // First, before any thread exists: every thread inherits the blocked signals.
    aa::start_signal_handling();
    aa::Cli cli;
    const Invocation invocation = read_invocation(argc, argv, cli);
    if (const std::optional<int> done = parse(cli, invocation)) return *done;
    return end(resolve_and_run(cli, invocation));
}
