// No command pays a round trip it does not need, seen on a slow link (the
// delaying proxy) in the order things crossed it, never in timings: the
// server's greeting is read while nats.c connects, and each command's reads
// leave together, before the first reply comes back.

#include <doctest/doctest.h>

#include "tests/support/delay_proxy.hpp"
#include "tests/support/harness.hpp"

using aa::test::DelayProxy;
using aa::test::DelayProxyOptions;
using aa::test::Json;
using aa::test::server_version;
using aa::test::NatsServer;
using aa::test::run_aa_nats;
using aa::test::TestClient;
using namespace std::chrono_literals;

namespace {

using Direction = DelayProxy::Direction;

std::size_t occurrences(const std::string& text, const std::string& needle) {
    std::size_t count = 0;
    for (auto at = text.find(needle); at != std::string::npos; at = text.find(needle, at + needle.size())) ++count;
    return count;
}

// The bytes that went DIRECTION before those going the other way first held
// NEEDLE. The transcript has a request where it reached the proxy and a reply
// where it reached aa-nats: so these are what aa-nats sent (to_server) or got
// (to_client) before it got (or sent) NEEDLE.
std::string sent_before(const DelayProxy& proxy, Direction direction, const std::string& needle) {
    std::string sent;
    std::string other;
    for (const auto& chunk : proxy.transcript()) {
        if (chunk.direction == direction) {
            sent += chunk.bytes;
            continue;
        }
        other += chunk.bytes;
        if (other.find(needle) != std::string::npos) break;
    }
    return sent;
}

std::string all_sent(const DelayProxy& proxy, Direction direction) {
    std::string sent;
    for (const auto& chunk : proxy.transcript()) {
        if (chunk.direction == direction) sent += chunk.bytes;
    }
    return sent;
}

// Migration phase 1, with the services' durables: something for every command to read.
void phase_one_with_durables(const std::string& url) {
    REQUIRE(run_aa_nats({"ensure-streams", "--phase", "1", "-s", url}).exit_code == 0);
    TestClient client(url);
    const auto durable = [](const std::string& name) {
        return Json{{"durable_name", name}, {"ack_policy", "explicit"}, {"max_deliver", 5}, {"ack_wait", 60'000'000'000LL}};
    };
    client.create_durable("ATHLETE_ALLY_EVENTS", durable("normalize-hrv-durable"));
    client.create_durable("AA_VENDOR_HOT", durable("normalize-oura"));
}

}  // namespace

TEST_CASE("the server's greeting is read while nats.c connects, not after the requests") {
    NatsServer server;
    DelayProxy proxy(DelayProxyOptions{.target_port = server.port(), .one_way = 50ms});
    const auto r = run_aa_nats({"stream-info", "-s", proxy.url()});
    INFO(r.out, r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(r.out.find("(" + aa::test::shown_server() + ", standalone)") != std::string::npos);
    // Two greetings, nats.c's and the probe's, reached aa-nats before its
    // first API request left it: the probe's connection ran beside the connect.
    // (2.15.1 also answers nats.c's CONNECT with an INFO of its own: a third.)
    const std::size_t infos = occurrences(sent_before(proxy, Direction::to_client, "$JS.API."), "INFO {");
    CHECK(infos == (aa::test::server_at_least(2, 15) ? 3U : 2U));
    CHECK(occurrences(all_sent(proxy, Direction::to_server), "CONNECT {") == 1);  // the probe never logs in
}

TEST_CASE("every command's reads leave in one batch, before the first reply comes back") {
    NatsServer server;
    phase_one_with_durables(server.url());
    const std::vector<std::vector<std::string>> commands{
        {"stream-info"},      {"stream-info", "--all"}, {"migrate-verify", "1"}, {"migrate-verify", "--detect"},
        {"consumer-diag"},    {"consumer-diag", "--all"}, {"consumer-diag", "AA_VENDOR_HOT", "normalize-oura"},
    };
    for (auto args : commands) {
        DelayProxy proxy(DelayProxyOptions{.target_port = server.port(), .one_way = 10ms});
        args.insert(args.end(), {"-s", proxy.url()});
        const auto r = run_aa_nats(args);
        INFO(args.at(0), " ", args.at(1), "\n", r.out, r.err);
        CHECK(r.exit_code <= 1);  // a verdict, whichever
        const std::size_t requests = occurrences(all_sent(proxy, Direction::to_server), "PUB $JS.API.");
        CHECK(requests > 0);
        CHECK(occurrences(sent_before(proxy, Direction::to_server, "MSG "), "PUB $JS.API.") == requests);
    }
}
