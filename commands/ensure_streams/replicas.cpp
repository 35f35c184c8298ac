#include "commands/ensure_streams/replicas.hpp"

#include <fmt/format.h>

#include "src/text.hpp"

namespace aa::ensure_streams {
namespace {

// The replicas NODE_ENV=production targets; any other NODE_ENV targets 1.
int production_replicas() {
    TopologySettings settings;
    settings.production = true;
    return settings.replicas();
}

std::string not_clustered_reason(int replicas, Clustering clustering) {
    const char* evidence = clustering == Clustering::standalone
                               ? "a server that is not clustered (JetStream shows no cluster: a standalone server or "
                                 "a leaf node accepts that on update and loses the stream at its next restart)"
                               : "a server not known to be clustered (no stream info showed a cluster)";
    return fmt::format("{} replicas on {}: run against a cluster, or without NODE_ENV=production for 1 replica",
                       replicas, evidence);
}

std::string fewer_replicas_reason(int from, int to) {
    const std::string why = to == production_replicas()
                                ? std::string("NODE_ENV=production")
                                : fmt::format("NODE_ENV is not production (NODE_ENV=production targets {})",
                                              production_replicas());
    const std::string keep = from == production_replicas()
                                 ? fmt::format(", or set NODE_ENV=production to keep {}", from)
                                 : std::string();
    return fmt::format(
        "lowering num_replicas from {} to {} removes copies that keep the stream available when a server fails: "
        "{} is the target because {}; pass --allow-fewer-replicas to lower it{}",
        from, to, to, why, keep);
}

}  // namespace

std::vector<std::string> replica_refusals(const ReplicaChange& change, Clustering clustering, bool allow_fewer) {
    std::vector<std::string> reasons;
    if (!change.from) {
        if (change.to > 1 && clustering == Clustering::standalone) {
            reasons.push_back(not_clustered_reason(change.to, clustering));
        }
        return reasons;
    }
    if (*change.from == change.to) return reasons;
    // An update is the trap: it needs a cluster that JetStream has shown.
    if (change.to > 1 && clustering != Clustering::clustered) {
        reasons.push_back(not_clustered_reason(change.to, clustering));
    }
    // On a standalone server there are no copies to lose: lowering repairs the trap.
    if (change.to < *change.from && clustering != Clustering::standalone && !allow_fewer) {
        reasons.push_back(fewer_replicas_reason(*change.from, change.to));
    }
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
                "the server has no stream yet to show whether JetStream is clustered, and its INFO greeting cannot "
                "tell (a leaf node's names a cluster too): creating {} with more than one replica is left to the "
                "server, which refuses it unless clustered",
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
