#pragma once
// What the server says about itself in its INFO greeting. nats.c 3.4.1 has no
// getter for it, so it is read from a short-lived plain TCP connection.

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace aa {

struct ServerInfo {
    std::string version;      // "2.9.10"
    std::string server_id;
    std::string server_name;
    std::string cluster;      // cluster name, empty on a standalone server
    bool jetstream = false;
};

// Parses the greeting line "INFO {json}\r\n". Throws ParseError otherwise.
ServerInfo parse_info_line(std::string_view line);

// Reads the INFO greeting of the server at URL (host and port only are used;
// credentials are neither needed nor sent). nullopt when it cannot, in time.
std::optional<ServerInfo> probe_server_info(std::string_view url, std::chrono::milliseconds timeout);

}  // namespace aa
