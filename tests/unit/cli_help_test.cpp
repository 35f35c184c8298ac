// What --help prints, for the root and every command, read from the same
// definition the completions and the man page are made from.

#include <doctest/doctest.h>

#include <sstream>
#include <string>

#include "commands/cli.hpp"
#include "src/cli_text.hpp"

namespace {

std::size_t occurrences(const std::string& text, const std::string& needle) {
    std::size_t count = 0;
    for (auto at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) ++count;
    return count;
}

std::string help_of(const std::vector<std::string>& args) {
    aa::Cli cli;
    std::ostringstream out;
    CHECK(cli.parse(args, out) == aa::Cli::Parsed::answered);
    return out.str();
}

}  // namespace

TEST_CASE("each subcommand's help prints its footer exactly once") {
    // Fails on the hand-built tree this replaced: stream-info and ensure-streams
    // printed CLI11's copy of the root's footer, then their own.
    aa::Cli cli;
    for (const CLI::App* sub : cli.app().get_subcommands([](const CLI::App*) { return true; })) {
        const std::string help = help_of({"aa-nats", sub->get_name(), "--help"});
        INFO(sub->get_name() << " --help:\n" << help);
        CHECK(occurrences(help, "Exit codes: 0 ok") == 1);
        CHECK(occurrences(help, "Settings: flag > environment") == 1);
        CHECK(occurrences(help, "Topology variables:") == 1);
        CHECK(occurrences(help, "Global options (see aa-nats --help)") == 1);
    }
}

TEST_CASE("every row of the definition is in the help that shows it, with its default and variable") {
    aa::Cli cli;
    const aa::CliDefinition& definition = cli.definition();
    const std::string root = help_of({"aa-nats", "--help"});
    for (const aa::BoundOption& option : definition.global_options) {
        INFO(option.row.flag);
        CHECK(root.find(aa::flag_names(option.row)) != std::string::npos);
        CHECK(root.find(aa::help_line(option.row)) != std::string::npos);
    }
    for (const aa::VariableGroup& group : definition.variable_groups) {
        for (const aa::OptionRow* row : group.rows) CHECK(root.find(row->env) != std::string::npos);
    }
    for (const aa::CommandDefinition& command : definition.commands) {
        const std::string help = help_of({"aa-nats", std::string(command.name), "--help"});
        INFO(command.name << " --help:\n" << help);
        const bool listed = root.find(command.name) != std::string::npos;
        CHECK(listed != command.hidden);
        for (const aa::BoundOption& option : command.options) CHECK(help.find(aa::help_line(option.row)) != std::string::npos);
        for (const aa::BoundArgument& argument : command.arguments) CHECK(help.find(argument.row.name) != std::string::npos);
        for (const aa::Example& example : command.examples) CHECK(help.find(example.command_line) != std::string::npos);
        for (const aa::OptionRow* variable : command.variables) CHECK(help.find(variable->env) != std::string::npos);
    }
}

TEST_CASE("a default and a variable are printed from the row, once") {
    aa::Cli cli;
    const std::string root = help_of({"aa-nats", "--help"});
    CHECK(occurrences(root, "(default: nats://localhost:4223) [env: NATS_URL]") == 1);
    CHECK(occurrences(root, "(default: 5s) [env: NATS_TIMEOUT]") == 1);
    const std::string diag = help_of({"aa-nats", "consumer-diag", "--help"});
    CHECK(occurrences(diag, "--watch [INTERVAL]") == 1);
    CHECK(occurrences(diag, "(default: 2s)") == 1);
    const std::string ensure = help_of({"aa-nats", "ensure-streams", "--help"});
    CHECK(occurrences(ensure, "--phase 0|1|2|3") == 1);
}

TEST_CASE("the hidden generate command is parsed but not listed") {
    const std::string root = help_of({"aa-nats", "--help"});
    CHECK(root.find("completion") != std::string::npos);
    CHECK(root.find("generate") == std::string::npos);
}

TEST_CASE("--version names the version, and the git revision when the build knows it") {
    aa::Cli cli;
    const std::string version = help_of({"aa-nats", "--version"});
    CHECK(version.starts_with("aa-nats " AA_NATS_VERSION " ("));
    CHECK(version.find("nats.c ") != std::string::npos);
    CHECK(version == cli.definition().version_line + "\n");
}
