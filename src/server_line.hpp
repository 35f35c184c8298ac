#pragma once
// The one-line description of the server that human reports start with.

#include <string>

#include "src/command_context.hpp"

namespace aa {

// "nats://127.0.0.1:4222 (nats-server 2.9.10, standalone)" or
// "... (nats-server 2.9.10, cluster aa-test)".
std::string describe_server(const ServerFacts& server);

}  // namespace aa
