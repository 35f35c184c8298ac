#include "src/clustering.hpp"


namespace aa {

namespace {

// Whether VERSION is known to be older than 2.9.15, the first release whose
// standalone servers put a cluster object in stream infos.
bool before_standalone_cluster_info(const std::optional<std::string>& version) {
    return version && version_at_least(*version, 2, 9, 15) == false;
}

}  // namespace

Clustering clustering_of_stream(const Json& stream_info, const std::optional<std::string>& server_version,
                                std::string_view answering_server) {
    if (stream_info.contains("error") || object_at(stream_info, "config").empty()) return Clustering::unknown;
    return clustering_of_cluster_member(object_at(stream_info, "cluster"), server_version, answering_server);
}

Clustering clustering_of_cluster_member(const Json& cluster, const std::optional<std::string>& server_version,
                                        std::string_view answering_server) {
    if (!cluster.is_object() || cluster.empty()) return Clustering::standalone;
    if (!array_at(cluster, "replicas").empty() || has_key(cluster, "raft_group")) return Clustering::clustered;
    if (!has_key(cluster, "name")) return Clustering::standalone;
    if (before_standalone_cluster_info(server_version)) return Clustering::clustered;
    const std::string leader = string_or(cluster, "leader");
    if (!answering_server.empty() && !leader.empty() && leader != answering_server) return Clustering::clustered;
    return Clustering::unknown;
}

Clustering clustering_of_greeting(const ServerInfo& greeting) {
    if (greeting.cluster.empty() || greeting.cluster == greeting.server_name) return Clustering::standalone;
    if (greeting.advertised_servers >= 2) return Clustering::clustered;
    return Clustering::unknown;
}

Clustering combine(Clustering a, Clustering b) {
    if (a == Clustering::clustered || b == Clustering::clustered) return Clustering::clustered;
    if (a == Clustering::standalone || b == Clustering::standalone) return Clustering::standalone;
    return Clustering::unknown;
}

namespace {

void note(ServerFacts& server, Clustering shown, const Json& cluster) {
    server.clustering = combine(server.clustering, shown);
    if (shown == Clustering::clustered && server.cluster_name.empty()) server.cluster_name = string_or(cluster, "name");
}

}  // namespace

void note_stream_cluster(ServerFacts& server, const Json& stream_info) {
    note(server, clustering_of_stream(stream_info, server.version, server.answering_server_name),
         object_at(stream_info, "cluster"));
}

void note_cluster_member(ServerFacts& server, const Json& cluster) {
    note(server, clustering_of_cluster_member(cluster, server.version, server.answering_server_name), cluster);
}

}  // namespace aa
