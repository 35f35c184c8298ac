#pragma once
// The whole command line as one value: the global options, every subcommand
// with its arguments, options, examples and the variables it reads, and what
// aa-nats says about its environment, files and exit statuses. Help
// (src/cli_tree.hpp), the shell completions and the man page are all made from
// it, so they cannot drift apart. commands/cli_definition.cpp assembles it.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "src/errors.hpp"
#include "src/option_row.hpp"

namespace aa {

class CommandContext;
struct CliDefinition;

inline constexpr OptionRow kHelpOption{.flag = "--help", .short_flag = "-h", .help = "print this help and exit"};
inline constexpr OptionRow kVersionOption{
    .flag = "--version", .help = "print the version, the build's git revision when known, and nats.c's version"};

// Where a parsed value lands: a field of a command's Options (or of GlobalFlags).
using ValueTarget = std::variant<bool*, std::string*, std::optional<std::string>*, std::vector<std::string>*,
                                 std::int64_t*>;

struct BoundOption {
    OptionRow row{};
    ValueTarget target{};
};

struct BoundArgument {
    ArgumentRow row{};
    ValueTarget target{};
};

// A command line shown as an example, and what it does.
struct Example {
    std::string_view command_line{};  // "aa-nats stream-info --all"
    std::string_view what{};
};

struct CommandDefinition {
    std::string_view name{};         // "stream-info"
    std::string_view summary{};      // one line, for the list of commands
    std::string_view description{};  // a paragraph, for the man page
    std::vector<BoundArgument> arguments{};
    std::vector<BoundOption> options{};
    std::vector<const OptionRow*> variables{};  // environment-only rows it reads beyond the topology's
    std::vector<Example> examples{};
    bool hidden = false;  // left out of --help, the completions and the man page
    // What it does once parsed: runs against NATS with the resolved settings...
    std::function<ExitCode(CommandContext&)> run{};
    // ...or prints a document made from the definition (no settings, no NATS).
    std::function<std::string(const CliDefinition&)> document{};
};

struct ExitStatus {
    int code{};
    std::string_view meaning{};  // "check failed"
    std::string_view detail{};   // examples, for the man page
};

struct FileRow {
    std::string_view path{};  // "~/.config/nats/context/NAME.json"
    std::string_view what{};
};

// A titled group of environment-only rows ("Topology variables").
struct VariableGroup {
    std::string_view title{};
    std::vector<const OptionRow*> rows{};
    bool read_by_every_command = false;  // else each command lists the rows it reads (its variables)
};

struct CliDefinition {
    std::string_view name{};         // "aa-nats"
    std::string version{};           // "0.1.0": the project's, as the man page shows it
    std::string version_line{};      // what --version prints
    std::string_view summary{};      // one line: NAME in the man page, the first line of --help
    std::string_view description{};  // paragraphs separated by blank lines
    std::vector<BoundOption> global_options{};
    std::vector<CommandDefinition> commands{};
    std::vector<VariableGroup> variable_groups{};  // environment-only rows (topology, services)
    std::string_view precedence{};                 // how a setting is chosen among flag, environment, ...
    std::vector<FileRow> files{};
    std::vector<ExitStatus> exit_statuses{};
    std::string_view signal_status{};  // what exit status 128+N means
    std::vector<Example> examples{};
    std::string_view see_also{};
};

// The non-hidden commands, in help order.
std::vector<const CommandDefinition*> visible_commands(const CliDefinition& cli);

// The rows of GROUP that COMMAND reads: all of them, or those it lists.
std::vector<const OptionRow*> variables_read(const VariableGroup& group, const CommandDefinition& command);

// The visible commands that read ROW, by name ("consumer-diag, migrate-verify").
std::vector<std::string_view> commands_reading(const CliDefinition& cli, const OptionRow& row);

}  // namespace aa
