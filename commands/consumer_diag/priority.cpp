#include "commands/consumer_diag/priority.hpp"

#include "src/errors.hpp"

namespace aa::consumer_diag {
namespace {

// TEXT read, or nullopt when unreadable.
std::optional<TimePoint> time_of(const std::string& text) {
    try {
        return parse_timestamp(text);
    } catch (const ParseError&) {
        return std::nullopt;
    }
}

// Group NAME with its pin, from the state the server reports: {"group", "pinned_client_id", "pinned_ts"}.
PriorityGroup group_state(const Json& info, const std::string& name) {
    PriorityGroup group{name, {}, {}, std::nullopt};
    for (const Json& state : array_at(info, "priority_groups")) {
        if (!state.is_object() || string_or(state, "group") != name) continue;
        const std::string client = string_or(state, "pinned_client_id");
        const std::string pinned_ts = string_or(state, "pinned_ts");
        const std::optional<TimePoint> pinned_at = time_of(pinned_ts);
        // Go's zero time is "nobody pinned"; an unreadable time leaves the client id to say who is.
        if (client.empty() || (pinned_at && is_zero_time(*pinned_at))) continue;
        group.pinned_client_id = client;
        group.pinned_ts = pinned_ts;
        group.pinned_at = pinned_at;
    }
    return group;
}

}  // namespace

std::optional<Priority> priority_of(const Json& info) {
    const Json& config = object_at(info, "config");
    const std::vector<std::string> names = strings_at(config, "priority_groups");
    if (names.empty()) return std::nullopt;
    Priority priority{string_or(config, "priority_policy", "none"), {}};
    for (const std::string& name : names) priority.groups.push_back(group_state(info, name));
    return priority;
}

}  // namespace aa::consumer_diag
