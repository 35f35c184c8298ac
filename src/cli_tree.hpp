#pragma once
// CLI11's tree, built from the definition: what the binary parses and what
// --help prints. Nothing here names an option; the rows do.

#include <vector>

#include <CLI/CLI.hpp>

#include "src/cli_definition.hpp"

namespace aa {

// Adds to APP (made with CLI's summary and name) the help and version flags,
// the global options (accepted before or after a subcommand), every command
// with its arguments, options and footer, and the root's footer. Returns each
// command's node, in the order of CLI.commands. Parsed values land where the
// rows' targets point, which must outlive APP.
std::vector<CLI::App*> build_cli_tree(CLI::App& app, const CliDefinition& cli);

}  // namespace aa
