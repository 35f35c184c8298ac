#pragma once
// Registers the global options (declared once in settings.cpp) on the CLI.

#include <CLI/CLI.hpp>

#include "src/settings.hpp"

namespace aa {

// Adds every global option to APP, so they work before or after a subcommand.
void add_global_options(CLI::App& app, GlobalFlags& flags);

// The text of `--help` that explains exit codes and settings precedence.
const char* exit_codes_help();

}  // namespace aa
