#include "src/cli_text.hpp"

#include <map>
#include <stdexcept>

#include <fmt/format.h>

namespace aa {
namespace {

constexpr std::size_t kFooterWidth = 100;

// LEAD, ITEMS joined by ", " and a final '.', broken into lines of at most
// WIDTH columns between items, never inside one ("4 internal error").
std::string wrapped(const std::string& lead, const std::vector<std::string>& items, std::size_t width = kFooterWidth) {
    std::string out = lead;
    std::size_t line_length = lead.size();
    for (std::size_t i = 0; i < items.size(); ++i) {
        const std::string item = items[i] + (i + 1 == items.size() ? "." : ",");
        if (line_length > 0 && line_length + 1 + item.size() > width) {
            out += '\n';
            line_length = 0;
        } else if (line_length > 0) {
            out += ' ';
            ++line_length;
        }
        out += item;
        line_length += item.size();
    }
    return out;
}

std::string with_default_and_env(std::string help, std::string_view default_value, std::string_view env) {
    if (!default_value.empty()) help += fmt::format(" (default: {})", default_value);
    if (!env.empty()) help += fmt::format(" [env: {}]", env);
    return help;
}

// "Exit codes: ...", "Settings: ..." and one line per variable group, each
// group's rows as CHOOSE picks them.
template <typename Choose>
std::string common_footer(const CliDefinition& cli, Choose choose) {
    std::vector<std::string> statuses;
    for (const ExitStatus& status : cli.exit_statuses) statuses.push_back(fmt::format("{} {}", status.code, status.meaning));
    statuses.push_back("128+N " + std::string(cli.signal_status));
    std::string footer = wrapped("Exit codes:", statuses);
    footer += "\n" + wrapped("Settings:", {std::string(cli.precedence)});
    for (const VariableGroup& group : cli.variable_groups) {
        std::vector<std::string> names;
        for (const OptionRow* row : choose(group)) names.emplace_back(row->env);
        if (!names.empty()) footer += "\n" + wrapped(fmt::format("{}:", group.title), names);
    }
    return footer;
}

std::string examples_block(const std::vector<Example>& examples) {
    if (examples.empty()) return "";
    std::string block = "Examples:\n";
    for (const Example& example : examples) block += fmt::format("  {}\n      {}\n", example.command_line, example.what);
    return block + "\n";
}

}  // namespace

std::string join(std::span<const std::string_view> words, std::string_view separator) {
    return join(std::vector<std::string>(words.begin(), words.end()), separator);
}

std::string flag_names(const OptionRow& row) {
    return row.short_flag.empty() ? std::string(row.flag) : fmt::format("{},{}", row.short_flag, row.flag);
}

std::string value_name_of(const OptionRow& row) {
    return row.value_name.empty() ? join(row.allowed, "|") : std::string(row.value_name);
}

std::string value_name_of(const ArgumentRow& row) { return join(row.allowed, "|"); }

std::string help_line(const OptionRow& row) {
    return with_default_and_env(std::string(row.help), row.default_value, row.env);
}

std::string help_line(const ArgumentRow& row) { return with_default_and_env(std::string(row.help), row.default_value, ""); }

std::string synopsis_of(const ArgumentRow& row) {
    const std::string name = fmt::format("{}{}", row.name, row.many ? "..." : "");
    return row.required ? name : "[" + name + "]";
}

std::string root_footer(const CliDefinition& cli) {
    return common_footer(cli, [](const VariableGroup& group) { return group.rows; });
}

std::string command_footer(const CliDefinition& cli, const CommandDefinition& command) {
    return examples_block(command.examples) + "Global options (see " + std::string(cli.name) +
           " --help) may also follow the subcommand.\n" +
           common_footer(cli, [&command](const VariableGroup& group) { return variables_read(group, command); });
}

std::vector<std::string> flags_taking_values(const CliDefinition& cli) {
    std::map<std::string, bool> takes_value;  // flag -> whether it takes one
    auto note = [&takes_value](const OptionRow& row) {
        for (const std::string_view flag : {row.flag, row.short_flag}) {
            if (flag.empty()) continue;
            const auto [it, added] = takes_value.emplace(std::string(flag), row.takes_value());
            if (!added && it->second != row.takes_value()) {
                throw std::logic_error(fmt::format("{} takes a value in one place and none in another", flag));
            }
        }
    };
    for (const BoundOption& option : cli.global_options) note(option.row);
    for (const CommandDefinition& command : cli.commands) {
        for (const BoundOption& option : command.options) note(option.row);
    }
    std::vector<std::string> flags;
    for (const auto& [flag, value] : takes_value) {
        if (value) flags.push_back(flag);
    }
    return flags;
}

}  // namespace aa
