// GreetingProbe (src/greeting_probe.hpp) against peers on loopback: it picks
// the greeting of the server asked for among several, takes no other, and
// neither a silent peer nor a dead one holds it up. Links the core library:
// the binary cannot be asked for one greeting among several.

#include <doctest/doctest.h>

#include "src/greeting_probe.hpp"
#include "tests/support/fakes.hpp"
#include "tests/support/harness.hpp"

using aa::GreetingProbe;
using aa::test::FakeTcpServer;
using namespace std::chrono_literals;

namespace {

using Clock = std::chrono::steady_clock;

std::string greeting(const std::string& id, const std::string& name) {
    return R"(INFO {"server_id":")" + id + R"(","server_name":")" + name + R"(","version":"2.9.10"})" + "\r\n";
}

std::string dead_url() { return "nats://127.0.0.1:" + std::to_string(aa::test::free_port()); }

}  // namespace

TEST_CASE("the greeting of the server asked for, among several URLs") {
    FakeTcpServer first(greeting("ID-A", "alpha"));
    FakeTcpServer second(greeting("ID-B", "beta"));
    GreetingProbe probe({dead_url(), first.url(), second.url()}, 30s);
    const auto found = probe.greeting_of("ID-B");
    REQUIRE(found.has_value());
    CHECK(found->server_name == "beta");
    CHECK(found->version == "2.9.10");
}

TEST_CASE("no greeting from another server: nullopt once every probe has ended, not at the timeout") {
    FakeTcpServer other(greeting("ID-OTHER", "other"));
    const auto started = Clock::now();
    GreetingProbe probe({other.url(), dead_url()}, 30s);
    CHECK_FALSE(probe.greeting_of("ID-CONNECTED").has_value());
    CHECK_FALSE(probe.greeting_of("").has_value());  // no server id known: nothing matches
    CHECK(Clock::now() - started < 10s);
}

TEST_CASE("a silent peer holds up neither the greeting found elsewhere nor the probe's end") {
    FakeTcpServer silent("");  // accepts and never greets
    FakeTcpServer live(greeting("ID-LIVE", "live"));
    const auto started = Clock::now();
    {
        GreetingProbe probe({silent.url(), live.url()}, 30s);
        const auto found = probe.greeting_of("ID-LIVE");
        REQUIRE(found.has_value());
        CHECK(found->server_name == "live");
    }  // stops the silent one's probe
    CHECK(Clock::now() - started < 10s);
}

TEST_CASE("not a NATS greeting: nothing, and no failure") {
    FakeTcpServer web("HTTP/1.1 400 Bad Request\r\n\r\n");
    GreetingProbe probe({web.url(), "ws://127.0.0.1:1"}, 5s);  // a websocket URL greets with no INFO
    CHECK_FALSE(probe.greeting_of("ANY").has_value());
}
