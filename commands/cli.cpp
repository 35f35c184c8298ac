#include "commands/cli.hpp"

#include <stdexcept>

#include "commands/cli_definition.hpp"
#include "src/cli_tree.hpp"

namespace aa {
namespace {

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

Cli::Cli()
    : values_(std::make_unique<CommandValues>()),
      definition_(cli_definition(*values_)),
      app_(std::string(definition_.name) + ": " + std::string(definition_.summary), std::string(definition_.name)),
      command_nodes_(build_cli_tree(app_, definition_)) {}

Cli::~Cli() = default;

const GlobalFlags& Cli::flags() const { return values_->global; }

OutputFormat Cli::output_format() const { return choose_output_format(flags().json, format_given(*values_)); }

std::string Cli::command_in(const std::vector<std::string>& args) const {
    for (std::size_t i = 1; i < args.size(); ++i) {
        for (const CommandDefinition& command : definition_.commands) {
            if (command.name == args[i]) return args[i];
        }
    }
    return "";
}

Cli::Parsed Cli::parse(const std::vector<std::string>& args, std::ostream& out) {
    // CLI11 takes the arguments after the program name, last first.
    std::vector<std::string> reversed(args.rbegin(), args.rend());
    if (!reversed.empty()) reversed.pop_back();
    try {
        app_.parse(std::move(reversed));
    } catch (const CLI::CallForHelp& e) {
        app_.exit(e, out);
        return Parsed::answered;
    } catch (const CLI::CallForAllHelp& e) {
        app_.exit(e, out);
        return Parsed::answered;
    } catch (const CLI::CallForVersion& e) {
        app_.exit(e, out);
        return Parsed::answered;
    } catch (const CLI::ExtrasError&) {
        throw UsageError(unexpected_arguments_message(app_.remaining()));
    } catch (const CLI::ParseError& e) {
        // CLI11 uses its own exit codes (100-127) for parse errors; ours is 2.
        const std::string message = e.what();
        throw UsageError((message.empty() ? "invalid command line" : message) + " (see aa-nats --help)");
    }
    const CommandDefinition* command = parsed_command();
    if (command != nullptr && command->document) {
        out << command->document(definition_);
        return Parsed::answered;
    }
    return Parsed::command;
}

const CommandDefinition* Cli::parsed_command() const {
    for (std::size_t i = 0; i < command_nodes_.size(); ++i) {
        if (command_nodes_[i]->parsed()) return &definition_.commands[i];
    }
    return nullptr;
}

ExitCode Cli::run(CommandContext& context) const {
    const CommandDefinition* command = parsed_command();
    // require_subcommand(1) makes parse() refuse a command line without one.
    if (command == nullptr || !command->run) throw std::logic_error("no command to run was parsed");
    return command->run(context);
}

}  // namespace aa
