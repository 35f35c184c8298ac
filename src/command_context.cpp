#include "src/command_context.hpp"

namespace aa {

Json to_json(const ServerFacts& facts) {
    Json doc{{"url", facts.url}, {"clustered", facts.clustered()}, {"clustering", to_string(facts.clustering)}};
    doc["version"] = facts.version ? Json(*facts.version) : Json(nullptr);
    if (!facts.server_name.empty()) doc["name"] = facts.server_name;
    if (!facts.cluster_name.empty()) doc["cluster"] = facts.cluster_name;
    return doc;
}

void note_stream_cluster(ServerFacts& server, const Json& stream_info) {
    const Clustering shown = clustering_of_stream(stream_info, server.version);
    server.clustering = combine(server.clustering, shown);
    if (shown == Clustering::clustered && server.cluster_name.empty()) {
        server.cluster_name = string_or(object_at(stream_info, "cluster"), "name");
    }
}

CommandContext::CommandContext(Settings settings, Output output)
    : settings_(std::move(settings)), output_(std::move(output)) {}

JetStreamClient& CommandContext::jetstream() {
    if (!client_) {
        connection_ = NatsConnection::connect(settings_.connection);
        client_ = std::make_unique<JetStreamClient>(*connection_, settings_.connection.api_prefix,
                                                    settings_.connection.timeout);
    }
    return *client_;
}

const ServerFacts& CommandContext::server() {
    if (!server_) {
        JetStreamClient& js = jetstream();
        ServerFacts facts;
        facts.url = js.connection().connected_url();
        if (const auto info = probe_server_info(facts.url, settings_.connection.timeout)) {
            if (!info->version.empty()) facts.version = info->version;
            facts.server_name = info->server_name;
            // The greeting is the connected server's own; with another JetStream
            // domain or API prefix, JetStream may answer from elsewhere (a leaf
            // node behind this hub), so only the stream infos can tell then.
            if (settings_.connection.api_prefix == ConnectionSettings{}.api_prefix) {
                facts.clustering = clustering_of_greeting(*info);
            }
        }
        server_ = std::move(facts);
    }
    return *server_;
}

}  // namespace aa
