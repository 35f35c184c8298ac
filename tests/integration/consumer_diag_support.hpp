#pragma once
// What the consumer-diag integration tests share: a server with AA_CORE_HOT
// and a backlog, the durable as the service configures it, and text checks.

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "tests/support/harness.hpp"

namespace aa::test::consumer_diag {

inline constexpr const char* kDurable = "normalize-hrv-durable";

inline Json stream_config(const std::string& name, std::vector<std::string> subjects, int replicas = 1) {
    return Json{{"name", name}, {"subjects", subjects}, {"storage", "file"}, {"num_replicas", replicas}};
}

// The durable as the service expects it (max_deliver 5, ack_wait 60s), plus EXTRA.
inline Json durable_config(const std::string& name, const Json& extra = Json::object()) {
    Json config{{"durable_name", name}, {"ack_policy", "explicit"}, {"max_deliver", 5},
                {"ack_wait", 60000000000LL}, {"filter_subject", "athlete-ally.>"}};
    config.update(extra);
    return config;
}

// A server with AA_CORE_HOT holding N messages on athlete-ally.hrv.
struct CoreServer {
    NatsServer server;
    TestClient client{server.url()};
    explicit CoreServer(int messages) {
        client.create_stream(stream_config("AA_CORE_HOT", {"athlete-ally.>", "sleep.*"}));
        for (int i = 0; i < messages; ++i) client.js_publish("athlete-ally.hrv", fmt::format("{{\"i\":{}}}", i));
    }
    aa::test::RunResult diag(std::vector<std::string> args, const std::map<std::string, std::string>& env = {}) {
        args.insert(args.begin(), "consumer-diag");
        args.insert(args.end(), {"-s", server.url()});
        return run_aa_nats(args, env);
    }
};

inline bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// The lines every report starts with: the server as the other commands show it, a rule, a blank line.
inline std::string header(const std::string& url, const std::string& clustering = "standalone") {
    return "NATS JetStream @ " + url + " (" + aa::test::shown_server() + ", " + clustering + ")\n" + std::string(60, '=') + "\n\n";
}

inline bool any_contains(const Json& lines, const std::string& part) {
    return std::any_of(lines.begin(), lines.end(), [&](const Json& l) { return contains(l.get<std::string>(), part); });
}

}  // namespace aa::test::consumer_diag
