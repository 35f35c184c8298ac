#include "src/cluster_view.hpp"

#include <fmt/format.h>

#include "src/duration.hpp"
#include "src/text.hpp"

namespace aa {

ClusterState parse_cluster_state(const Json& info) {
    const Json& cluster = object_at(info, "cluster");
    ClusterState state;
    state.name = string_or(cluster, "name");
    state.leader = string_or(cluster, "leader");
    for (const auto& replica : array_at(cluster, "replicas")) {
        ReplicaState r;
        r.name = string_or(replica, "name", "?");
        r.current = bool_or(replica, "current");
        r.offline = bool_or(replica, "offline");
        r.lag = uint_or(replica, "lag");
        r.active_ns = int_or(replica, "active");
        state.replicas.push_back(std::move(r));
    }
    return state;
}

void render_cluster_state(const ClusterState& cluster, const Style& style, std::ostream& out,
                          const char* label_format) {
    if (cluster.name.empty() && cluster.leader.empty()) return;
    // Cluster and server names are the servers' text: escaped for the terminal.
    std::string summary = cluster.name.empty() ? std::string() : printable(cluster.name) + ", ";
    summary += "leader " + (cluster.leader.empty() ? style.bad("none") : printable(cluster.leader));
    out << fmt::format(fmt::runtime(label_format), "Cluster:") << summary << '\n';
    for (const auto& replica : cluster.replicas) {
        std::string state = replica.offline   ? style.bad("OFFLINE")
                            : replica.current ? style.good("current")
                                              : style.warn("behind");
        out << fmt::format(fmt::runtime(label_format), "") << "  " << printable(replica.name) << ": " << state;
        if (replica.lag > 0) out << ", lag " << replica.lag;
        // Milliseconds are as precise as "last seen" needs to be.
        const auto seen = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::nanoseconds(replica.active_ns));
        out << ", seen " << format_duration(seen) << " ago\n";
    }
}

}  // namespace aa
