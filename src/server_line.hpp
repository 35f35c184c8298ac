#pragma once
// The one-line description of the server that human reports start with.

#include <string>

#include "src/server_info.hpp"

namespace aa {

// "nats://127.0.0.1:4222 (nats-server 2.9.10, standalone)",
// "... (nats-server 2.9.10, cluster aa-test)" or, when no stream has told yet
// and the greeting names a cluster, "... (nats-server 2.9.10, clustering unknown)".
// For human output: what the server said is shown through printable().
std::string describe_server(const ServerFacts& server);

}  // namespace aa
