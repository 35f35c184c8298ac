// aa-nats: parse, dispatch once, and map every error to its exit code here.

#include <unistd.h>

#include <cstdio>
#include <functional>
#include <iostream>
#include <optional>
#include <vector>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "commands/consumer_diag/consumer_diag.hpp"
#include "commands/ensure_streams/ensure_streams.hpp"
#include "commands/error_report.hpp"
#include "commands/migrate_verify/migrate_verify.hpp"
#include "commands/stream_info/stream_info.hpp"
#include "src/command_line.hpp"
#include "src/environment.hpp"
#include "src/errors.hpp"
#include "src/global_options.hpp"
#include "src/nats_connection.hpp"
#include "src/output.hpp"
#include "src/server_url.hpp"
#include "src/signals.hpp"
#include "src/topology.hpp"

namespace {

// The secrets known so far, for scrubbing error messages; filled once the
// settings are resolved, and from the raw arguments before that.
std::vector<std::string> g_secrets;

// A subcommand: its CLI11 node and the function that runs it once parsed.
struct Command {
    CLI::App* app;
    std::function<aa::ExitCode(aa::CommandContext&)> run;
};

template <typename Options>
void add_command(CLI::App& app, std::vector<Command>& table, const char* name, const char* description,
                 Options& options, void (*add_options)(CLI::App&, Options&),
                 aa::ExitCode (*run)(const Options&, aa::CommandContext&)) {
    CLI::App* sub = app.add_subcommand(name, description);
    add_options(*sub, options);
    // A command's own footer (its service variables) comes first.
    const std::string own = sub->get_footer();
    sub->footer((own.empty() ? std::string() : own + "\n") +
                "Global options (see aa-nats --help) may also follow the subcommand.\n" + aa::exit_codes_help());
    table.push_back({sub, [&options, run](aa::CommandContext& context) { return run(options, context); }});
}

int report_error(const aa::ErrorReport& report, bool json) {
    return static_cast<int>(aa::print_error_report(report, std::cout, std::cerr, json));
}

int report_error(const std::string& message, aa::ExitCode code, bool json) {
    return report_error(aa::ErrorReport{code, aa::scrub_secrets(message, g_secrets)}, json);
}

bool argv_has(int argc, char** argv, const char* flag) {
    for (int i = 1; i < argc; ++i) {
        if (std::string_view(argv[i]) == flag) return true;
    }
    return false;
}

}  // namespace

int main(int argc, char** argv) {
    // First, before any thread exists: every thread inherits the blocked signals.
    aa::start_signal_handling();

    CLI::App app{"aa-nats: inspect, verify and converge the AA JetStream stream topology", "aa-nats"};
    app.set_version_flag("--version", fmt::format("aa-nats {} (nats.c {})", AA_NATS_VERSION, aa::nats_library_version()));
    app.require_subcommand(1);
    app.fallthrough();  // global options are accepted after the subcommand too
    app.footer(aa::exit_codes_help());

    aa::GlobalFlags flags;
    aa::add_global_options(app, flags);

    std::vector<Command> commands;
    aa::stream_info::Options stream_info_options;
    add_command(app, commands, "stream-info", "what the streams look like now, and how they differ from the topology",
                stream_info_options, aa::stream_info::add_options, aa::stream_info::run);
    aa::consumer_diag::Options consumer_diag_options;
    add_command(app, commands, "consumer-diag", "is a durable consumer healthy, where is it bound, when will it catch up",
                consumer_diag_options, aa::consumer_diag::add_options, aa::consumer_diag::run);
    aa::migrate_verify::Options migrate_verify_options;
    add_command(app, commands, "migrate-verify", "is the server in the target state of migration phase 0-3? (--detect: which phase)",
                migrate_verify_options, aa::migrate_verify::add_options, aa::migrate_verify::run);
    aa::ensure_streams::Options ensure_streams_options;
    add_command(app, commands, "ensure-streams", "make the server match the topology (or a migration phase), safely",
                ensure_streams_options, aa::ensure_streams::add_options, aa::ensure_streams::run);

    const bool json_requested = argv_has(argc, argv, "--json");
    // Before parsing, note the values of secret-bearing flags, in either spelling.
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        for (const std::string_view flag : {"--password", "--token"}) {
            if (arg == flag && i + 1 < argc) g_secrets.emplace_back(argv[i + 1]);
            if (arg.starts_with(flag) && arg.size() > flag.size() && arg[flag.size()] == '=') {
                g_secrets.emplace_back(arg.substr(flag.size() + 1));
            }
        }
    }

    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForVersion& e) {
        return app.exit(e);
    } catch (const CLI::ExtrasError&) {
        // CLI11 would list every unexpected argument, values included, and a
        // mistyped "--pasword s3cret" must not echo the secret: name flags only.
        std::string flags_seen;
        for (const std::string& extra : app.remaining()) {
            if (!extra.starts_with("-")) continue;
            if (!flags_seen.empty()) flags_seen += ", ";
            flags_seen += extra.substr(0, extra.find('='));
        }
        return report_error(flags_seen.empty() ? "unexpected arguments (see aa-nats --help)"
                                               : "unknown option " + flags_seen + " (see aa-nats --help)",
                            aa::ExitCode::usage, json_requested);
    } catch (const CLI::ParseError& e) {
        // CLI11 uses its own codes (100-127) for parse errors; ours is 2.
        std::string message = e.what();
        if (message.empty()) message = "invalid command line";
        return report_error(message + " (see aa-nats --help)", aa::ExitCode::usage, json_requested);
    }

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
        context.set_command_line(aa::shell_command_line(
            topology_environment, std::vector<std::string>(argv, argv + argc), g_secrets));

        for (const Command& command : commands) {
            if (command.app->parsed()) code = static_cast<int>(command.run(context));
        }
    } catch (...) {
        code = report_error(aa::error_report(std::current_exception(), g_secrets), flags.json);
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
