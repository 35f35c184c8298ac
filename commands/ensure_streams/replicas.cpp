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
                               : "a server not known to be clustered (no stream info shows replicas, and the INFO "
                                 "greeting advertises no other server of a cluster)";
    const char* assume = clustering == Clustering::standalone ? "" : ", pass --assume-clustered if it is one";
    return fmt::format("{} replicas on {}: run against a cluster{}, or without NODE_ENV=production for 1 replica",
                       replicas, evidence, assume);
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

Clustering clustering_for_replicas(Clustering shown, const Flags& flags) {
    return shown == Clustering::unknown && flags.assume_clustered ? Clustering::clustered : shown;
}

std::vector<std::string> replica_refusals(const ReplicaChange& change, Clustering clustering, const Flags& flags) {
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
    if (change.to < *change.from && clustering != Clustering::standalone && !flags.allow_fewer_replicas) {
        reasons.push_back(fewer_replicas_reason(*change.from, change.to));
    }
    return reasons;
}

std::vector<std::string> replica_warnings(const Plan& plan, const Facts& facts, const Flags& flags) {
    std::vector<std::string> warnings;
    const Clustering clustering = facts.server.clustering;
    std::vector<std::string> replicated;
    for (const auto& a : plan.actions) {
        const bool sends = a.intended == Action::create || a.intended == Action::update;
        if (sends && int_or(a.config, "num_replicas", 1) > 1) replicated.push_back(a.stream);
    }
    if (clustering == Clustering::unknown && !replicated.empty()) {
        if (flags.assume_clustered) {
            warnings.push_back(fmt::format(
                "--assume-clustered: {} sent with more than one replica on your word; JetStream's replies do not "
                "show a cluster (a server that is not clustered accepts that on update and loses the stream at "
                "its next restart)",
                join(replicated)));
        } else {
            warnings.push_back(fmt::format(
                "JetStream's replies do not show whether it is clustered (no stream info shows replicas, and the "
                "INFO greeting advertises no other server): creating {} with more than one replica is left to the "
                "server, which refuses it unless clustered; updates are refused (--assume-clustered if it is a "
                "cluster)",
                join(replicated)));
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
