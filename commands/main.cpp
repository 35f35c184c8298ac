// aa-nats: parse, dispatch once, and map every error to its exit code here.

#include <unistd.h>

#include <iostream>
#include <optional>
#include <vector>

#include "commands/cli.hpp"
#include "commands/error_report.hpp"
#include "src/command_context.hpp"
#include "src/command_line.hpp"
#include "src/environment.hpp"
#include "src/errors.hpp"
#include "src/nats_connection.hpp"
#include "src/output.hpp"
#include "src/signals.hpp"
#include "src/topology.hpp"

namespace {

// The secrets known so far, for scrubbing error messages; filled once the
// settings are resolved, and from the raw arguments before that.
std::vector<std::string> g_secrets;

int report_error(const std::exception_ptr& error, bool json) {
    return static_cast<int>(aa::print_error_report(aa::error_report(error, g_secrets), std::cout, std::cerr, json));
}

}  // namespace

int main(int argc, char** argv) {
    // First, before any thread exists: every thread inherits the blocked signals.
    aa::start_signal_handling();

    aa::Cli cli;
    const std::vector<std::string> args(argv, argv + argc);
    const bool json_requested = aa::json_in_arguments(args);
    // Before parsing, note the values of secret-bearing flags, in either spelling.
    g_secrets = aa::secrets_in_arguments(args);

    try {
        if (cli.parse(args) == aa::Cli::Parsed::help_shown) return 0;
    } catch (...) {
        return report_error(std::current_exception(), json_requested);
    }

    const aa::GlobalFlags& flags = cli.flags();
    int code = 0;
    try {
        aa::Settings settings = aa::resolve_settings(flags, aa::Environment::from_process());
        const auto secrets = settings.connection.secrets();
        g_secrets.insert(g_secrets.end(), secrets.begin(), secrets.end());
        const bool terminal = ::isatty(STDOUT_FILENO) == 1;
        const bool color = aa::should_color(terminal, flags.no_color, settings.env.get("NO_COLOR").has_value());
        aa::Output output{std::cout, std::cerr, flags.json, aa::Style(color), terminal};
        aa::CommandContext context(std::move(settings), output);
        // The topology variables set in this process's environment are part
        // of the command: without them a pasted command could target other
        // stream names or replicas. (Connection variables such as NATS_URL are
        // left out: they may hold credentials.)
        std::vector<std::pair<std::string, std::string>> topology_environment;
        const aa::Environment process_environment = aa::Environment::from_process();
        for (const std::string_view name : aa::kTopologyVariables) {
            if (const auto value = process_environment.get(name)) topology_environment.emplace_back(name, *value);
        }
        context.set_command_line(aa::shell_command_line(topology_environment, args, g_secrets));

        code = static_cast<int>(cli.run(context));
    } catch (...) {
        code = report_error(std::current_exception(), flags.json);
    }
    std::cout.flush();
    std::cerr.flush();
    aa::shutdown_nats_library();
    // A signal held during a subject move, and the command chose to end by it
    // (not when a torn move's exit code matters more): die by it, so that a
    // shell script stops on Ctrl-C as it would for any other program.
    if (const std::optional<int> held = aa::held_signal();
        held && code == static_cast<int>(aa::exit_code_for_signal(*held))) {
        aa::die_by_signal(*held);
    }
    return code;
}
