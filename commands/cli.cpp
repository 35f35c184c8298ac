#include "commands/cli.hpp"

#include <functional>
#include <string_view>

#include <fmt/format.h>

#include "commands/consumer_diag/consumer_diag.hpp"
#include "commands/ensure_streams/ensure_streams.hpp"
#include "commands/migrate_verify/migrate_verify.hpp"
#include "commands/stream_info/stream_info.hpp"
#include "src/command_context.hpp"
#include "src/global_options.hpp"
#include "src/nats_connection.hpp"

namespace aa {
namespace {

// A subcommand: its CLI11 node and the function that runs it once parsed.
struct Command {
    CLI::App* app;
    std::function<ExitCode(CommandContext&)> run;
};

template <typename Options>
void add_command(CLI::App& app, std::vector<Command>& table, const char* name, const char* description,
                 Options& options, void (*add_options)(CLI::App&, Options&),
                 ExitCode (*run)(const Options&, CommandContext&)) {
    CLI::App* sub = app.add_subcommand(name, description);
    add_options(*sub, options);
    // A command's own footer (its service variables) comes first.
    const std::string own = sub->get_footer();
    sub->footer((own.empty() ? std::string() : own + "\n") +
                "Global options (see aa-nats --help) may also follow the subcommand.\n" + exit_codes_help());
    table.push_back({sub, [&options, run](CommandContext& context) { return run(options, context); }});
}

// The message for arguments CLI11 did not expect. CLI11 would list every one,
// values included: name the flags only.
std::string unexpected_arguments_message(const std::vector<std::string>& remaining) {
    std::string flags_seen;
    for (const std::string& extra : remaining) {
        if (!extra.starts_with("-")) continue;
        if (!flags_seen.empty()) flags_seen += ", ";
        flags_seen += extra.substr(0, extra.find('='));
    }
    return flags_seen.empty() ? "unexpected arguments (see aa-nats --help)"
                              : "unknown option " + flags_seen + " (see aa-nats --help)";
}

}  // namespace

struct Cli::Subcommands {
    stream_info::Options stream_info;
    consumer_diag::Options consumer_diag;
    migrate_verify::Options migrate_verify;
    ensure_streams::Options ensure_streams;
    std::vector<Command> table;  // in help order
};

std::vector<std::string> secrets_in_arguments(const std::vector<std::string>& args) {
    std::vector<std::string> secrets;
    for (std::size_t i = 1; i < args.size(); ++i) {
        const std::string_view arg = args[i];
        for (const std::string_view flag : {"--password", "--token"}) {
            if (arg == flag && i + 1 < args.size()) secrets.push_back(args[i + 1]);
            if (arg.starts_with(flag) && arg.size() > flag.size() && arg[flag.size()] == '=') {
                secrets.emplace_back(arg.substr(flag.size() + 1));
            }
        }
    }
    return secrets;
}

bool json_in_arguments(const std::vector<std::string>& args) {
    for (std::size_t i = 1; i < args.size(); ++i) {
        if (args[i] == "--json") return true;
    }
    return false;
}

Cli::Cli()
    : app_("aa-nats: inspect, verify and converge the AA JetStream stream topology", "aa-nats"),
      subcommands_(std::make_unique<Subcommands>()) {
    app_.set_version_flag("--version", fmt::format("aa-nats {} (nats.c {})", AA_NATS_VERSION, nats_library_version()));
    app_.require_subcommand(1);
    app_.fallthrough();  // global options are accepted after the subcommand too
    app_.footer(exit_codes_help());
    add_global_options(app_, flags_);

    Subcommands& s = *subcommands_;
    add_command(app_, s.table, "stream-info", "what the streams look like now, and how they differ from the topology",
                s.stream_info, stream_info::add_options, stream_info::run);
    add_command(app_, s.table, "consumer-diag", "is a durable consumer healthy, where is it bound, when will it catch up",
                s.consumer_diag, consumer_diag::add_options, consumer_diag::run);
    add_command(app_, s.table, "migrate-verify",
                "is the server in the target state of migration phase 0-3? (--detect: which phase)", s.migrate_verify,
                migrate_verify::add_options, migrate_verify::run);
    add_command(app_, s.table, "ensure-streams", "make the server match the topology (or a migration phase), safely",
                s.ensure_streams, ensure_streams::add_options, ensure_streams::run);
}

Cli::~Cli() = default;

Cli::Parsed Cli::parse(const std::vector<std::string>& args, std::ostream& out) {
    // CLI11 takes the arguments after the program name, last first.
    std::vector<std::string> reversed(args.rbegin(), args.rend());
    if (!reversed.empty()) reversed.pop_back();
    try {
        app_.parse(std::move(reversed));
    } catch (const CLI::CallForHelp& e) {
        app_.exit(e, out);
        return Parsed::help_shown;
    } catch (const CLI::CallForAllHelp& e) {
        app_.exit(e, out);
        return Parsed::help_shown;
    } catch (const CLI::CallForVersion& e) {
        app_.exit(e, out);
        return Parsed::help_shown;
    } catch (const CLI::ExtrasError&) {
        throw UsageError(unexpected_arguments_message(app_.remaining()));
    } catch (const CLI::ParseError& e) {
        // CLI11 uses its own exit codes (100-127) for parse errors; ours is 2.
        const std::string message = e.what();
        throw UsageError((message.empty() ? "invalid command line" : message) + " (see aa-nats --help)");
    }
    return Parsed::command;
}

ExitCode Cli::run(CommandContext& context) const {
    for (const Command& command : subcommands_->table) {
        if (command.app->parsed()) return command.run(context);
    }
    // require_subcommand(1) makes parse() refuse a command line without one.
    throw std::logic_error("no subcommand was parsed");
}

}  // namespace aa
