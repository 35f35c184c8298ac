#pragma once
// `aa-nats generate man|configuration` (hidden): the man page, and the tables
// of docs/configuration.md, made from the command-line definition. The
// committed docs/aa-nats.1 and those tables are its output (scripts/generate.sh).

#include <string>
#include <string_view>

#include "src/cli_definition.hpp"

namespace aa::generate {

struct Options {
    std::string document;
};

// Its argument, bound to OPTIONS, and the document it prints for OPTIONS.document.
CommandDefinition definition(Options& options);

// The man page, in roff (man(7)): NAME, SYNOPSIS, DESCRIPTION, OPTIONS,
// COMMANDS, ENVIRONMENT, FILES, EXIT STATUS, EXAMPLES, SEE ALSO.
std::string man_page(const CliDefinition& cli);

// The Markdown tables of the global options and of each variable group, each
// between "<!-- BEGIN generated: TITLE -->" and "<!-- END generated: TITLE -->"
// lines, which scripts/generate.sh puts in place in docs/configuration.md.
std::string configuration_tables(const CliDefinition& cli);

}  // namespace aa::generate
