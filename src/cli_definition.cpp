#include "src/cli_definition.hpp"

#include <algorithm>

namespace aa {
namespace {

bool lists(const CommandDefinition& command, const OptionRow& row) {
    return std::find(command.variables.begin(), command.variables.end(), &row) != command.variables.end();
}

}  // namespace

std::vector<const CommandDefinition*> visible_commands(const CliDefinition& cli) {
    std::vector<const CommandDefinition*> visible;
    for (const CommandDefinition& command : cli.commands) {
        if (!command.hidden) visible.push_back(&command);
    }
    return visible;
}

std::vector<const OptionRow*> variables_read(const VariableGroup& group, const CommandDefinition& command) {
    if (group.read_by_every_command) return group.rows;
    std::vector<const OptionRow*> read;
    for (const OptionRow* row : group.rows) {
        if (lists(command, *row)) read.push_back(row);
    }
    return read;
}

std::vector<std::string_view> commands_reading(const CliDefinition& cli, const OptionRow& row) {
    std::vector<std::string_view> names;
    for (const CommandDefinition* command : visible_commands(cli)) {
        if (lists(*command, row)) names.push_back(command->name);
    }
    return names;
}

}  // namespace aa
