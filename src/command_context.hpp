#pragma once
// What every command gets: the resolved settings, where to print, and a
// JetStream client that connects on first use (so --help and usage errors
// never touch the network).

#include <memory>
#include <optional>

#include "src/jetstream_client.hpp"
#include "src/nats_connection.hpp"
#include "src/output.hpp"
#include "src/server_info.hpp"
#include "src/settings.hpp"

namespace aa {

// What the tool knows about the server it talks to, as shown in every report.
struct ServerFacts {
    std::string url;                     // redacted
    std::optional<std::string> version;  // from the server's INFO greeting, informational
    std::string server_name;
    std::string cluster_name;            // empty when the server is not clustered
    bool clustered = false;
};

Json to_json(const ServerFacts& facts);

// A stream info naming a cluster proves the server is clustered, even when its
// INFO greeting did not say so (or could not be read): marks SERVER clustered, naming the cluster.
void note_stream_cluster(ServerFacts& server, const Json& stream_info);

class CommandContext {
public:
    CommandContext(Settings settings, Output output);

    const Settings& settings() const { return settings_; }
    const Output& output() const { return output_; }

    // Connects on first call; throws ConnectionError when it cannot.
    JetStreamClient& jetstream();

    // The server's identity, read once from its INFO greeting after connecting.
    const ServerFacts& server();

private:
    Settings settings_;
    Output output_;
    std::unique_ptr<NatsConnection> connection_;
    std::unique_ptr<JetStreamClient> client_;
    std::optional<ServerFacts> server_;
};

}  // namespace aa
