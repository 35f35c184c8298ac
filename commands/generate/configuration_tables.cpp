// docs/configuration.md's tables, in GitHub Markdown, made from the rows.

#include <fmt/format.h>

#include "commands/generate/generate.hpp"
#include "src/cli_text.hpp"

namespace aa::generate {
namespace {

// TEXT in a table cell: Markdown's active characters escaped, so that
// "$JS.<domain>.API" or "sleep.*" show as written.
std::string cell(std::string_view text) {
    std::string out;
    for (const char c : text) {
        if (std::string_view("\\`*_[]<>|").find(c) != std::string_view::npos) out += '\\';
        out += c;
    }
    return out;
}

// TEXT as code in a table cell; a '|' must be escaped even there.
std::string code(std::string_view text) {
    if (text.empty()) return "";
    std::string out = "`";
    for (const char c : text) out += c == '|' ? std::string("\\|") : std::string(1, c);
    return out + "`";
}

// A default as code when it is a value, as text when it describes one.
std::string default_cell(std::string_view value) {
    return value.find(' ') == std::string_view::npos ? code(value) : cell(value);
}

std::string block(std::string_view title, const std::string& table) {
    return fmt::format("<!-- BEGIN generated: {0} -->\n{1}<!-- END generated: {0} -->\n", title, table);
}

std::string options_table(const CliDefinition& cli) {
    std::string table = "| Option | Environment | Default | Meaning |\n|--------|-------------|---------|---------|\n";
    for (const BoundOption& option : cli.global_options) {
        const OptionRow& row = option.row;
        std::string names = row.short_flag.empty() ? std::string(row.flag) : fmt::format("{}, {}", row.short_flag, row.flag);
        if (row.takes_value()) names += " " + value_name_of(row);
        table += fmt::format("| {} | {} | {} | {} |\n", code(names), code(row.env), default_cell(row.default_value),
                             cell(row.help));
    }
    return table;
}

std::string variables_table(const CliDefinition& cli, const VariableGroup& group) {
    const bool used_by = !group.read_by_every_command;
    std::string table = used_by ? "| Variable | Default | Meaning | Used by |\n|----------|---------|---------|---------|\n"
                                : "| Variable | Default | Meaning |\n|----------|---------|---------|\n";
    for (const OptionRow* row : group.rows) {
        table += fmt::format("| {} | {} | {} |", code(row->env), default_cell(row->default_value), cell(row->help));
        if (used_by) {
            std::vector<std::string> commands;
            for (const std::string_view name : commands_reading(cli, *row)) commands.push_back(code(name));
            table += " " + join(commands, ", ") + " |";
        }
        table += "\n";
    }
    return table;
}

}  // namespace

std::string configuration_tables(const CliDefinition& cli) {
    std::string out = block("Global options", options_table(cli));
    for (const VariableGroup& group : cli.variable_groups) out += block(group.title, variables_table(cli, group));
    return out;
}

}  // namespace aa::generate
