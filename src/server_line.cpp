#include "src/server_line.hpp"

#include <fmt/format.h>

#include "src/text.hpp"

namespace aa {

std::string describe_server(const ServerFacts& server) {
    // The version and cluster name come from the server's INFO: escaped like every server text.
    std::string line = printable(server.url);
    if (server.version) line += fmt::format(" (nats-server {}", printable(*server.version));
    else line += " (nats-server version unknown";
    if (server.api_level) line += fmt::format(", API level {}", *server.api_level);
    switch (server.clustering) {
        case Clustering::clustered:
            line += server.cluster_name.empty() ? ", clustered)"
                                                : fmt::format(", cluster {})", printable(server.cluster_name));
            break;
        case Clustering::standalone: line += ", standalone)"; break;
        case Clustering::unknown: line += ", clustering unknown)"; break;
    }
    return line;
}

}  // namespace aa
