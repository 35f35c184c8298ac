#include "src/server_info.hpp"

#include <netdb.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <fcntl.h>

#include "src/errors.hpp"
#include "src/json_access.hpp"
#include "src/server_url.hpp"
#include "src/text.hpp"

namespace aa {
namespace {

// Closes a file descriptor when it goes out of scope.
struct Fd {
    int fd = -1;
    ~Fd() {
        if (fd >= 0) ::close(fd);
    }
};

bool wait_for(int fd, short events, std::chrono::steady_clock::time_point deadline) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) return false;
    pollfd pfd{fd, events, 0};
    return ::poll(&pfd, 1, static_cast<int>(left.count())) == 1 && (pfd.revents & events) != 0;
}

}  // namespace

ServerInfo parse_info_line(std::string_view line) {
    if (!line.starts_with("INFO ")) throw ParseError("the server greeting is not an INFO line");
    line.remove_prefix(5);
    line = trim_end(line, "\r\n");
    const Json doc = Json::parse(line, nullptr, false);
    if (doc.is_discarded() || !doc.is_object()) throw ParseError("the server INFO is not a JSON object");
    ServerInfo info;
    info.version = string_or(doc, "version");
    info.server_id = string_or(doc, "server_id");
    info.server_name = string_or(doc, "server_name");
    info.cluster = string_or(doc, "cluster");
    info.jetstream = bool_or(doc, "jetstream");
    return info;
}

std::optional<ServerInfo> probe_server_info(std::string_view url, std::chrono::milliseconds timeout) {
    const auto hp = host_port_of(url);
    if (!hp) return std::nullopt;
    const auto deadline = std::chrono::steady_clock::now() + timeout;

    addrinfo hints{};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    addrinfo* found = nullptr;
    if (::getaddrinfo(hp->host.c_str(), hp->port.c_str(), &hints, &found) != 0) return std::nullopt;
    std::optional<ServerInfo> result;
    for (addrinfo* ai = found; ai != nullptr && !result; ai = ai->ai_next) {
        Fd sock{::socket(ai->ai_family, ai->ai_socktype | SOCK_NONBLOCK | SOCK_CLOEXEC, ai->ai_protocol)};
        if (sock.fd < 0) continue;
        if (::connect(sock.fd, ai->ai_addr, ai->ai_addrlen) != 0 && errno != EINPROGRESS) continue;
        if (!wait_for(sock.fd, POLLOUT, deadline)) continue;
        std::string line;
        char buffer[4096];
        while (line.find('\n') == std::string::npos && line.size() < 64 * 1024) {
            if (!wait_for(sock.fd, POLLIN, deadline)) break;
            const ssize_t n = ::recv(sock.fd, buffer, sizeof buffer, 0);
            if (n <= 0) break;
            line.append(buffer, static_cast<std::size_t>(n));
        }
        try {
            result = parse_info_line(line.substr(0, line.find('\n')));
        } catch (const ParseError&) {
            // Not a NATS server greeting: the version stays unknown.
        }
    }
    ::freeaddrinfo(found);
    return result;
}

std::string_view to_string(Clustering clustering) {
    switch (clustering) {
        case Clustering::unknown: return "unknown";
        case Clustering::standalone: return "standalone";
        case Clustering::clustered: return "clustered";
    }
    return "unknown";
}

Json to_json(const ServerFacts& facts) {
    Json doc{{"url", facts.url}, {"clustered", facts.clustered()}, {"clustering", to_string(facts.clustering)}};
    doc["version"] = facts.version ? Json(*facts.version) : Json(nullptr);
    if (!facts.server_name.empty()) doc["name"] = facts.server_name;
    if (!facts.cluster_name.empty()) doc["cluster"] = facts.cluster_name;
    return doc;
}

}  // namespace aa
