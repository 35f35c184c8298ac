#include "src/server_line.hpp"

#include <fmt/format.h>

namespace aa {

std::string describe_server(const ServerFacts& server) {
    std::string line = server.url;
    if (server.version) line += fmt::format(" (nats-server {}", *server.version);
    else line += " (nats-server version unknown";
    switch (server.clustering) {
        case Clustering::clustered:
            line += server.cluster_name.empty() ? ", clustered)" : fmt::format(", cluster {})", server.cluster_name);
            break;
        case Clustering::standalone: line += ", standalone)"; break;
        case Clustering::unknown: line += ", clustering unknown)"; break;
    }
    return line;
}

}  // namespace aa
