#include "src/cli_tree.hpp"

#include <charconv>

#include <fmt/format.h>

#include "src/cli_text.hpp"

namespace aa {
namespace {

// A whole-number value's check. CLI11's NonNegativeNumber/PositiveNumber accept
// doubles and answer "Value x not in range 0.000000 to 1797693...(300 digits)".
CLI::Validator whole_number_at_least(std::int64_t minimum) {
    return CLI::Validator(
        [minimum](std::string& input) -> std::string {
            std::int64_t value = 0;
            const char* end = input.data() + input.size();
            const auto [stop, error] = std::from_chars(input.data(), end, value);
            if (error != std::errc() || stop != end || value < minimum) {
                return fmt::format("expected a whole number of at least {}, got \"{}\"", minimum, input);
            }
            return std::string();
        },
        "");
}

// NAMES on APP, storing into TARGET; MINIMUM checks a whole number.
CLI::Option* add_target(CLI::App& app, const std::string& names, const ValueTarget& target, const std::string& help,
                        std::int64_t minimum) {
    struct Adder {
        CLI::App& app;
        const std::string& names;
        const std::string& help;
        std::int64_t minimum;
        CLI::Option* operator()(bool* flag) const { return app.add_flag(names, *flag, help); }
        CLI::Option* operator()(std::string* value) const { return app.add_option(names, *value, help); }
        CLI::Option* operator()(std::vector<std::string>* values) const { return app.add_option(names, *values, help); }
        CLI::Option* operator()(std::optional<std::string>* value) const {
            // Through a function: CLI11 2.1 has no optional<T> target. A value left
            // out ("--watch" alone) arrives as "".
            return app.add_option_function<std::string>(names, [value](const std::string& v) { *value = v; }, help);
        }
        CLI::Option* operator()(std::int64_t* value) const {
            return app.add_option(names, *value, help)->check(whole_number_at_least(minimum));
        }
    };
    return std::visit(Adder{app, names, help, minimum}, target);
}

void add_option(CLI::App& app, const BoundOption& option, const std::string& group) {
    const OptionRow& row = option.row;
    CLI::Option* added = add_target(app, flag_names(row), option.target, help_line(row), row.minimum);
    if (row.takes_value()) added->type_name(value_name_of(row));
    if (row.value_optional) added->expected(0, 1)->type_name("[" + value_name_of(row) + "]");
    added->group(group);
}

void add_argument(CLI::App& app, const BoundArgument& argument) {
    const ArgumentRow& row = argument.row;
    CLI::Option* added = add_target(app, std::string(row.name), argument.target, help_line(row), 0);
    added->type_name(value_name_of(row));
    if (row.required) added->required();
}

CLI::App* add_command(CLI::App& app, const CliDefinition& cli, const CommandDefinition& command) {
    CLI::App* sub = app.add_subcommand(std::string(command.name), std::string(command.summary));
    for (const BoundArgument& argument : command.arguments) add_argument(*sub, argument);
    for (const BoundOption& option : command.options) add_option(*sub, option, "Options");
    // Set, not added to: CLI11 copies the parent's footer into a new subcommand.
    sub->footer(command_footer(cli, command));
    if (command.hidden) sub->group("");
    return sub;
}

}  // namespace

std::vector<CLI::App*> build_cli_tree(CLI::App& app, const CliDefinition& cli) {
    // Before the subcommands, which copy the help flag from their parent.
    app.set_help_flag(flag_names(kHelpOption), std::string(kHelpOption.help));
    app.set_version_flag(std::string(kVersionOption.flag), cli.version_line, std::string(kVersionOption.help));
    app.require_subcommand(1);
    app.fallthrough();  // global options are accepted after the subcommand too
    for (const BoundOption& option : cli.global_options) add_option(app, option, "Global options");
    std::vector<CLI::App*> nodes;
    for (const CommandDefinition& command : cli.commands) nodes.push_back(add_command(app, cli, command));
    app.footer(root_footer(cli));
    return nodes;
}

}  // namespace aa
