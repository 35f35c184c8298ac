#pragma once
// The command-line interface as one value: its definition (every option,
// argument and command, commands/cli_definition.hpp), CLI11's tree built from
// it, and the option values parsing fills in. Unit tests and the generators
// of completions and the man page reach the same tree the binary parses.

#include <iostream>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "src/cli_definition.hpp"
#include "src/errors.hpp"
#include "src/global_options.hpp"
#include "src/output_format.hpp"
#include "src/settings.hpp"

namespace aa {

class CommandContext;
struct CommandValues;

class Cli {
public:
    // What parse() found: a subcommand to run, or a request already answered
    // by printing help, the version or a document (a completion script, the
    // man page).
    enum class Parsed { command, answered };

    Cli();
    ~Cli();
    // Not copyable or movable: CLI11 holds pointers into the option values.
    Cli(const Cli&) = delete;
    Cli& operator=(const Cli&) = delete;

    // Parses ARGS (argv, program name first). Help, --version and documents
    // are printed on OUT. Throws UsageError on anything CLI11 refuses; for
    // unknown options it names the flags only, never their values (a mistyped
    // "--pasword s3cret" must not echo the secret).
    Parsed parse(const std::vector<std::string>& args, std::ostream& out = std::cout);

    // The global options as parsed.
    const GlobalFlags& flags() const;

    // The format to print in, from --json and the parsed check's --format;
    // throws UsageError when they disagree or --format names no format.
    OutputFormat output_format() const;

    // The command named among ARGS (argv), or "" when none is.
    std::string command_in(const std::vector<std::string>& args) const;

    // The whole tree and its definition, for tests and generators.
    CLI::App& app() { return app_; }
    const CliDefinition& definition() const { return definition_; }

    // Runs the subcommand that parse() found.
    ExitCode run(CommandContext& context) const;

private:
    // The parsed command's definition; nullptr before a successful parse.
    const CommandDefinition* parsed_command() const;

    std::unique_ptr<CommandValues> values_;
    CliDefinition definition_;
    CLI::App app_;
    std::vector<CLI::App*> command_nodes_;  // in the order of definition_.commands
};

}  // namespace aa
