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

// Why the change may not be made (empty when it may). A create left unknown is
// allowed: nats-server refuses more than one replica on create itself (10074)
// unless clustered, and there is nothing to lose yet.
std::vector<std::string> replica_refusals(const ReplicaChange& change, Clustering clustering, bool allow_fewer);

// What the operator should know: creates whose replicas only the server can
// judge, and streams set above one replica on a server that is not clustered.
std::vector<std::string> replica_warnings(const Plan& plan, const Facts& facts);

}  // namespace aa::ensure_streams
