#pragma once
// The command-line interface as one value: CLI11's tree (global options, the
// four subcommands, their footers) and the option values parsing fills in.
// Built here rather than in main so that unit tests, and later the generators
// of completions and the man page, can reach the same tree the binary parses.

#include <iostream>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "src/errors.hpp"
#include "src/settings.hpp"

namespace aa {

class CommandContext;

// The values of the secret-bearing flags among ARGS (argv, program name
// first), in either spelling ("--password x", "--token=x"). Read before
// parsing, so that not even a parse error quoting an argument can echo them.
std::vector<std::string> secrets_in_arguments(const std::vector<std::string>& args);

// Whether "--json" is among ARGS. Known before parsing, so that a parse error
// is reported as a JSON document too when --json was asked for.
bool json_in_arguments(const std::vector<std::string>& args);

class Cli {
public:
    // What parse() found: a subcommand to run, or a request that printing
    // help or the version has already answered.
    enum class Parsed { command, help_shown };

    Cli();
    ~Cli();
    // Not copyable or movable: CLI11 holds pointers into the option values.
    Cli(const Cli&) = delete;
    Cli& operator=(const Cli&) = delete;

    // Parses ARGS (argv, program name first). Help and --version are printed
    // on OUT. Throws UsageError on anything CLI11 refuses; for unknown options
    // it names the flags only, never their values (a mistyped
    // "--pasword s3cret" must not echo the secret).
    Parsed parse(const std::vector<std::string>& args, std::ostream& out = std::cout);

    // The global options as parsed.
    const GlobalFlags& flags() const { return flags_; }

    // The whole tree, for tests and generators.
    CLI::App& app() { return app_; }

    // Runs the subcommand that parse() found.
    ExitCode run(CommandContext& context) const;

private:
    struct Subcommands;  // each subcommand's option values and how it runs

    CLI::App app_;
    GlobalFlags flags_;
    std::unique_ptr<Subcommands> subcommands_;
};

}  // namespace aa
