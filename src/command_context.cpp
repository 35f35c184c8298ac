#include "src/command_context.hpp"

#include "src/clustering.hpp"

namespace aa {

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
        facts.url = js.connected_url();
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
