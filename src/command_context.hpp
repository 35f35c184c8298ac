#pragma once
// What every command gets: the resolved settings, where to print, and a
// JetStream client that connects on first use (so --help and usage errors
// never touch the network).

#include <memory>
#include <optional>

#include "src/clustering.hpp"
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
    // Whether JetStream runs clustered: from the stream infos a command read
    // (note_stream_cluster), else what the greeting alone can tell.
    Clustering clustering = Clustering::unknown;
    std::string cluster_name;  // the JetStream cluster's name; empty unless clustered

    bool clustered() const { return clustering == Clustering::clustered; }
};

Json to_json(const ServerFacts& facts);

// Settles SERVER's clustering with what STREAM_INFO shows (see clustering.hpp):
// clustered, naming the cluster, when it carries a cluster object; standalone
// when it does not, whatever the greeting named (a leaf node names a cluster).
void note_stream_cluster(ServerFacts& server, const Json& stream_info);

class CommandContext {
public:
    CommandContext(Settings settings, Output output);

    const Settings& settings() const { return settings_; }
    const Output& output() const { return output_; }

    // The command line as the operator typed it, secrets replaced, for
    // messages that name a command to run again (empty when not set).
    const std::string& command_line() const { return command_line_; }
    void set_command_line(std::string command_line) { command_line_ = std::move(command_line); }

    // Connects on first call; throws ConnectionError when it cannot.
    JetStreamClient& jetstream();

    // The server's identity, read once from its INFO greeting after connecting;
    // its clustering stays unknown unless the greeting names no cluster.
    const ServerFacts& server();

private:
    Settings settings_;
    Output output_;
    std::string command_line_;
    std::unique_ptr<NatsConnection> connection_;
    std::unique_ptr<JetStreamClient> client_;
    std::optional<ServerFacts> server_;
};

}  // namespace aa
