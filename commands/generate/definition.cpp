// `aa-nats generate DOCUMENT`: its row, and the document it prints.

#include <array>

#include <fmt/format.h>

#include "commands/generate/generate.hpp"

namespace aa::generate {
namespace {

inline constexpr std::array<std::string_view, 2> kDocuments{"man", "configuration"};

std::string document_of(std::string_view document, const CliDefinition& cli) {
    if (document == kDocuments[0]) return man_page(cli);
    if (document == kDocuments[1]) return configuration_tables(cli);
    throw UsageError(fmt::format("generate: no document \"{}\": expected man or configuration", document));
}

}  // namespace

CommandDefinition definition(Options& options) {
    return {
        .name = "generate",
        .summary = "print the man page or docs/configuration.md's tables (for scripts/generate.sh)",
        .arguments = {{{.name = "DOCUMENT",
                        .help = "man: the man page; configuration: the tables of docs/configuration.md",
                        .allowed = kDocuments,
                        .completion = Completion::choice,
                        .required = true},
                       &options.document}},
        .hidden = true,
        .document = [&options](const CliDefinition& cli) { return document_of(options.document, cli); },
    };
}

}  // namespace aa::generate
