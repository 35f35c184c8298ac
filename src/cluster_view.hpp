#pragma once
// The "cluster" member of stream and consumer info: who leads, and how each
// replica is doing. Operators look for an offline or lagging replica first.

#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

#include "src/json_access.hpp"
#include "src/output.hpp"

namespace aa {

struct ReplicaState {
    std::string name;
    bool current = false;
    bool offline = false;
    std::uint64_t lag = 0;
    std::int64_t active_ns = 0;  // time since the replica was last seen
};

struct ClusterState {
    std::string name;
    std::string leader;
    std::vector<ReplicaState> replicas;  // the peers other than the leader
};

// nullopt-like: an empty name and leader when INFO has no "cluster" member.
ClusterState parse_cluster_state(const Json& info);

// Prints "  Cluster:  <name>, leader <leader>" and one line per replica, names escaped by printable().
void render_cluster_state(const ClusterState& cluster, const Style& style, std::ostream& out, const char* label_format);

}  // namespace aa
