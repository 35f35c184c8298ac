#include "src/server_line.hpp"

#include <fmt/format.h>

namespace aa {

std::string describe_server(const ServerFacts& server) {
    std::string line = server.url;
    if (server.version) line += fmt::format(" (nats-server {}", *server.version);
    else line += " (nats-server version unknown";
    line += server.clustered ? fmt::format(", cluster {})", server.cluster_name) : ", standalone)";
    return line;
}

}  // namespace aa
