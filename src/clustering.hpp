#pragma once
// Whether JetStream runs clustered. Getting it wrong loses streams: nats-server
// 2.9.10 and 2.10.27 accept num_replicas 3 on the *update* of a stream on a
// server that is not clustered, and at its next restart cannot recreate the
// stream (10074). Verified on 3-node clusters, standalone servers and hub +
// leaf pairs of 2.9.10, 2.10.27 and 2.15.1 (tests/fixtures/README.md,
// "Clustered or not"): what each shows is below, and where they all look
// alike the answer is unknown, never a guess.

#include <optional>
#include <string>
#include <string_view>

#include "src/json_access.hpp"
#include "src/server_info.hpp"

namespace aa {

// What one stream info (a STREAM.INFO reply or a STREAM.LIST item) says.
// - A "cluster" object with replicas (or a raft_group, 2.10.14+): clustered.
// - No "cluster" object (a standalone server older than 2.9.15), or one with a
//   leader and no cluster name (a standalone server from 2.9.15 on): standalone.
// - A cluster name and a leader alone: an R1 stream on a cluster; from 2.9.15
//   on also any stream of a standalone server whose greeting names a cluster
//   (a leaf node's). So it proves a cluster on a SERVER_VERSION older than
//   2.9.15, or when the leader is another server than ANSWERING_SERVER (the
//   name of the server that answered, when known: a standalone server leads
//   all its streams itself), and is unknown otherwise.
// Unknown for anything that is not a stream info (null, an error reply, an account info).
Clustering clustering_of_stream(const Json& stream_info, const std::optional<std::string>& server_version,
                                std::string_view answering_server = {});

// The same, from a stream info's "cluster" member alone (null: the info has
// none), for infos read as text: the rest of the info is not needed.
Clustering clustering_of_cluster_member(const Json& cluster, const std::optional<std::string>& server_version,
                                        std::string_view answering_server = {});

// What the INFO greeting can say on its own: standalone when it names no
// cluster, or names one after the server itself (what a standalone server with
// a leafnode remote does); clustered when it advertises other servers' client
// URLs (route peers); unknown otherwise (a cluster set to no_advertise and a
// leaf node with a cluster block look alike).
Clustering clustering_of_greeting(const ServerInfo& greeting);

// Two verdicts together: a known one over unknown, clustered over standalone
// (a stream info that shows a cluster outweighs anything that did not).
Clustering combine(Clustering a, Clustering b);

// Settles SERVER's clustering with what STREAM_INFO shows (see above),
// naming the cluster once it is known to be one.
void note_stream_cluster(ServerFacts& server, const Json& stream_info);

// The same, from a stream info's "cluster" member alone (null: none).
void note_cluster_member(ServerFacts& server, const Json& cluster);

}  // namespace aa
