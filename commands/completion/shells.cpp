#include "commands/completion/shells.hpp"

namespace aa::completion {

std::vector<const OptionRow*> value_sources(const CliDefinition& cli, Completion kind) {
    std::vector<const OptionRow*> sources;
    for (const VariableGroup& group : cli.variable_groups) {
        for (const OptionRow* row : group.rows) {
            if (row->completion == kind && !row->default_value.empty()) sources.push_back(row);
        }
    }
    return sources;
}

std::vector<OptionRow> options_of(const CliDefinition& cli, const CommandDefinition& command) {
    std::vector<OptionRow> rows;
    for (const BoundOption& option : command.options) rows.push_back(option.row);
    for (const BoundOption& option : cli.global_options) rows.push_back(option.row);
    rows.push_back(kHelpOption);
    return rows;
}

std::vector<OptionRow> root_options(const CliDefinition& cli) {
    std::vector<OptionRow> rows;
    for (const BoundOption& option : cli.global_options) rows.push_back(option.row);
    rows.push_back(kHelpOption);
    rows.push_back(kVersionOption);
    return rows;
}

std::string without_dashes(std::string_view flag) {
    while (flag.starts_with('-')) flag.remove_prefix(1);
    return std::string(flag);
}

std::string single_quoted(std::string_view text, bool backslash_escapes) {
    std::string out = "'";
    for (const char c : text) {
        if (c == '\'') {
            out += backslash_escapes ? "\\'" : "'\\''";
        } else if (c == '\\' && backslash_escapes) {
            out += "\\\\";
        } else {
            out += c;
        }
    }
    return out + "'";
}

}  // namespace aa::completion
