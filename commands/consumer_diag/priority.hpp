#pragma once
// A consumer's priority groups (nats-server 2.11+): pull requests name a
// group, and the policy decides which of them get messages. Under
// "pinned_client" the server pins each group to one client and delivers to it
// alone, so the pinned client is the one to look at when a group stands still.

#include <optional>
#include <string>
#include <vector>

#include "src/json_access.hpp"
#include "src/timestamp.hpp"

namespace aa::consumer_diag {

struct PriorityGroup {
    std::string name;
    std::string pinned_client_id;        // empty when no client is pinned
    std::string pinned_ts;               // when it was pinned, as the server sent it (JSON carries it exact)
    std::optional<TimePoint> pinned_at;  // the same, read; nullopt when none or unreadable
};

struct Priority {
    std::string policy;  // config.priority_policy: "pinned_client", "overflow", ...
    std::vector<PriorityGroup> groups;
};

// The priority groups of the consumer INFO describes, in the order of its
// config, with each group's pin from the state the server reports; nullopt
// when it has none (every consumer on servers before 2.11). A pinned_ts of
// Go's zero time (0001-01-01T00:00:00Z) means no client is pinned.
std::optional<Priority> priority_of(const Json& info);

}  // namespace aa::consumer_diag
