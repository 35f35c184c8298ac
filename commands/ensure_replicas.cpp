#include "commands/ensure_replicas.hpp"

#include <fmt/format.h>

#include "src/text.hpp"

namespace aa::ensure_streams {
namespace {

std::string not_clustered_reason(int replicas, Clustering clustering) {
    const char* evidence = clustering == Clustering::standalone
                               ? "a server that is not clustered (JetStream shows no cluster: a standalone server or "
                                 "a leaf node accepts that on update and loses the stream at its next restart)"
                               : "a server not known to be clustered (no stream info showed a cluster)";
    return fmt::format("{} replicas on {}: run against a cluster, or without NODE_ENV=production for 1 replica",
                       replicas, evidence);
}

}  // namespace

std::vector<std::string> replica_refusals(const ReplicaChange& change, Clustering clustering) {
    std::vector<std::string> reasons;
    if (!change.from) {
        if (change.to > 1 && clustering == Clustering::standalone) {
            reasons.push_back(not_clustered_reason(change.to, clustering));
        }
        return reasons;
    }
    if (*change.from == change.to) return reasons;
    // An update is the trap: it needs a cluster that JetStream has shown.
    if (change.to > 1 && clustering != Clustering::clustered) reasons.push_back(not_clustered_reason(change.to, clustering));
    return reasons;
}

std::vector<std::string> replica_warnings(const Plan& plan, const Facts& facts) {
    std::vector<std::string> warnings;
    const Clustering clustering = facts.server.clustering;
    if (clustering == Clustering::unknown) {
        std::vector<std::string> creates;
        for (const auto& a : plan.actions) {
            if (a.intended == Action::create && int_or(a.config, "num_replicas", 1) > 1) creates.push_back(a.stream);
        }
        if (!creates.empty()) {
            warnings.push_back(fmt::format(
                "the server has no stream yet to show whether it is clustered (its greeting names a cluster, which a "
                "leaf node's does too): creating {} with more than one replica is left to the server, which refuses "
                "it unless clustered",
                join(creates)));
        }
    }
    if (clustering != Clustering::standalone) return warnings;
    for (const auto& [name, info] : facts.streams) {
        const std::int64_t replicas = int_or(object_at(info, "config"), "num_replicas", 1);
        if (replicas <= 1) continue;
        warnings.push_back(fmt::format(
            "{} is set to num_replicas {} on a server that is not clustered: nats-server cannot recreate it at its "
            "next restart (10074); set it to 1 first (ensure-streams without NODE_ENV=production does)",
            name, replicas));
    }
    return warnings;
}

}  // namespace aa::ensure_streams
