#pragma once
// ensure-streams, replicas: what the plan refuses or warns about num_replicas.
// More than one replica only where JetStream shows a cluster (a standalone
// server accepts R3 on update and loses the stream at its next restart), and
// never fewer than a clustered stream runs at unless the operator says so.

#include <optional>
#include <string>
#include <vector>

#include "commands/ensure_streams/plan.hpp"

namespace aa::ensure_streams {

// A stream's num_replicas going FROM (nullopt: the stream is created) TO.
struct ReplicaChange {
    std::optional<int> from;
    int to = 1;
};

// The clustering the replica rules go by: what the server showed, or
// clustered where it showed nothing either way and the operator said
// --assume-clustered. Shown standalone stays standalone: that is evidence.
Clustering clustering_for_replicas(Clustering shown, const Flags& flags);

// Why the change may not be made (empty when it may), on a server of CLUSTERING
// (clustering_for_replicas). A create left unknown is allowed: nats-server
// refuses more than one replica on create itself (10074) unless clustered, and
// there is nothing to lose yet.
std::vector<std::string> replica_refusals(const ReplicaChange& change, Clustering clustering, const Flags& flags);

// What the operator should know: creates whose replicas only the server can
// judge, replicas sent on the operator's word alone, and streams set above one
// replica on a server that is not clustered.
std::vector<std::string> replica_warnings(const Plan& plan, const Facts& facts, const Flags& flags);

}  // namespace aa::ensure_streams
