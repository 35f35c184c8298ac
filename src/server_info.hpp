#pragma once
// What the server says about itself in its INFO greeting (nats.c 3.4.1 has no
// getter for it: src/greeting_probe.hpp reads it), and what a report says
// about the server: its ServerFacts.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "src/json_access.hpp"

namespace aa {

struct ServerInfo {
    std::string version;      // "2.9.10"
    std::string server_id;
    std::string server_name;
    std::string cluster;      // cluster name, empty on a standalone server
    // How many servers' client URLs it advertises (connect_urls, itself
    // included): a node of a cluster gossips its route peers' unless the
    // cluster is set to no_advertise; a leaf node's remotes are not among them.
    std::size_t advertised_servers = 0;
    bool jetstream = false;
};

enum class Clustering {
    unknown,     // nothing has told: no stream to ask, and the greeting names a cluster
    standalone,  // JetStream runs on this one server (a leaf node's included)
    clustered,   // JetStream runs as a cluster
};

std::string_view to_string(Clustering clustering);  // "unknown", "standalone", "clustered"

// What the tool knows about the server it talks to, as shown in every report.
struct ServerFacts {
    std::string url;                     // redacted
    std::optional<std::string> version;  // from the server's INFO greeting, informational
    std::optional<int> api_level;        // JetStream's API level ($JS.API.INFO, 2.11+), informational
    std::string server_name;
    // The connected server's name when JetStream answers from that server
    // itself (it runs JetStream and no other domain or API prefix is asked):
    // then a stream led by another server is on a cluster. Empty otherwise.
    std::string answering_server_name;
    // Whether JetStream runs clustered: from the stream infos a command read
    // (note_stream_cluster), else what the greeting alone can tell.
    Clustering clustering = Clustering::unknown;
    std::string cluster_name;  // the JetStream cluster's name; empty unless clustered

    bool clustered() const { return clustering == Clustering::clustered; }
};

Json to_json(const ServerFacts& facts);

// Whether VERSION ("2.10.27", as a greeting gives it) is at least
// MAJOR.MINOR.PATCH; nullopt when it is not a version at all.
std::optional<bool> version_at_least(std::string_view version, int major, int minor, int patch = 0);

// Parses the greeting line "INFO {json}\r\n". Throws ParseError otherwise.
ServerInfo parse_info_line(std::string_view line);

}  // namespace aa
