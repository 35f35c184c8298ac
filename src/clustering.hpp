#pragma once
// Whether JetStream runs clustered, decided from JetStream's own replies and
// never from the INFO greeting's "cluster" alone: a standalone leaf node names
// a cluster there too. Getting it wrong loses streams: nats-server 2.9.10
// accepts num_replicas 3 on the *update* of a stream on a server that is not
// clustered, and at its next restart cannot recreate the stream (10074).
// Verified on a 3-node cluster, a standalone server and a leaf node
// (tests/fixtures/README.md, "Clustered or not").

#include <optional>
#include <string>
#include <string_view>

#include "src/json_access.hpp"
#include "src/server_info.hpp"

namespace aa {

// What one stream info (a STREAM.INFO reply or a STREAM.LIST item) says.
// A "cluster" object with replicas (or a raft_group, 2.10.14+) proves a
// cluster. One with a leader alone is an R1 stream's on a cluster, or, from
// nats-server 2.9.15 on, any stream's on a standalone server (which then
// answers clusterInfo(nil) with its greeting's cluster name): so it proves a
// cluster only on a SERVER_VERSION known to be older than 2.9.15, and is
// unknown otherwise. No "cluster" object: standalone. Unknown for anything
// that is not a stream info (null, an error reply, an account info).
Clustering clustering_of_stream(const Json& stream_info, const std::optional<std::string>& server_version);

// The same, from a stream info's "cluster" member alone (null: the info has
// none), for infos read as text: the rest of the info is not needed.
Clustering clustering_of_cluster_member(const Json& cluster, const std::optional<std::string>& server_version);

// What the INFO greeting can say on its own: standalone when it names no
// cluster (every node of a cluster names it); unknown when it names one, since
// a standalone leaf node names one too.
Clustering clustering_of_greeting(const ServerInfo& greeting);

// Two verdicts together: a known one over unknown, clustered over standalone
// (a stream info that shows a cluster outweighs anything that did not).
Clustering combine(Clustering a, Clustering b);

// Settles SERVER's clustering with what STREAM_INFO shows (see clustering.hpp):
// clustered, naming the cluster, when it carries a cluster object; standalone
// when it does not, whatever the greeting named (a leaf node names a cluster).
void note_stream_cluster(ServerFacts& server, const Json& stream_info);

// The same, from a stream info's "cluster" member alone (null: none).
void note_cluster_member(ServerFacts& server, const Json& cluster);

}  // namespace aa
