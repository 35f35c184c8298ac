#include "src/command_context.hpp"

#include "src/clustering.hpp"
#include "src/greeting_probe.hpp"

namespace aa {

CommandContext::CommandContext(Settings settings, Output output)
    : settings_(std::move(settings)), output_(std::move(output)) {}

CommandContext::~CommandContext() = default;

JetStreamClient& CommandContext::jetstream() {
    if (!client_) {
        // Started first, so that the greetings arrive while nats.c connects
        // (and stopped at once, on the way out, when it cannot).
        auto greetings = std::make_unique<GreetingProbe>(settings_.connection.servers, settings_.connection.timeout);
        connection_ = NatsConnection::connect(settings_.connection);
        server_id_ = connection_->connected_server_id();
        greetings_ = std::move(greetings);
        client_ = std::make_unique<JetStreamClient>(*connection_, settings_.connection.api_prefix,
                                                    settings_.connection.timeout);
        // Servers before 2.11 have no API level, and one without JetStream of
        // its own may have a responder that knows nothing of it: neither is asked.
        const auto info = greetings_->greeting_of(server_id_);
        if (info && info->jetstream && version_at_least(info->version, 2, 11).value_or(false)) {
            client_->ask_api_level_along();
        }
    }
    return *client_;
}

const ServerFacts& CommandContext::server() {
    if (!server_) {
        JetStreamClient& js = jetstream();
        ServerFacts facts;
        facts.url = js.connected_url();
        if (const auto info = greetings_->greeting_of(server_id_)) {
            if (!info->version.empty()) facts.version = info->version;
            facts.server_name = info->server_name;
            // The greeting is the connected server's own; with another JetStream
            // domain or API prefix, JetStream may answer from elsewhere (a leaf
            // node behind this hub), so only the stream infos can tell then.
            if (settings_.connection.api_prefix == ConnectionSettings{}.api_prefix) {
                facts.clustering = clustering_of_greeting(*info);
                if (facts.clustered()) facts.cluster_name = info->cluster;
                if (info->jetstream) facts.answering_server_name = info->server_name;
            }
        }
        facts.api_level = js.api_level();
        greetings_.reset();  // the other servers' probes are not wanted any more
        server_ = std::move(facts);
    }
    return *server_;
}

}  // namespace aa
