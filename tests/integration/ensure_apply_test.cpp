// ensure-streams' apply step driven directly against a real nats-server, for
// the races the binary cannot be paused in: the plan was made, then another
// run changed the server before our write arrived.

#include <doctest/doctest.h>

#include "commands/ensure_streams.hpp"
#include "tests/support/harness.hpp"

namespace es = aa::ensure_streams;
using aa::test::NatsServer;
using aa::test::TestClient;

namespace {

constexpr long long kHour = 3'600'000'000'000LL;

struct Client {
    std::unique_ptr<aa::NatsConnection> connection;
    std::unique_ptr<aa::JetStreamClient> js;
};

Client connect(const std::string& url, std::chrono::milliseconds timeout = std::chrono::seconds(5)) {
    aa::ConnectionSettings settings;
    settings.servers = {url};
    settings.timeout = timeout;
    Client client;
    client.connection = aa::NatsConnection::connect(settings);
    client.js = std::make_unique<aa::JetStreamClient>(*client.connection, settings.api_prefix, settings.timeout);
    return client;
}

// The plan of a fresh server in multi mode (nothing exists yet).
es::Plan fresh_plan() {
    es::Facts facts;
    facts.server.version = "2.9.10";
    return es::make_plan(aa::target_topology(aa::TopologySettings{}, std::nullopt), facts, {});
}

}  // namespace

TEST_CASE("a create that loses the race to a different config re-reads, updates, and keeps hand-set fields") {
    NatsServer server;
    TestClient other(server.url());
    es::Plan plan = fresh_plan();
    REQUIRE(plan.actions.size() == 3);

    // Another run (older settings) creates the DLQ between our plan and our write.
    other.create_stream(aa::Json{{"name", "AA_DLQ"}, {"subjects", {"dlq.>"}}, {"max_age", 24 * kHour},
                                 {"storage", "file"}, {"max_msgs", 500}, {"num_replicas", 1}});
    // And another one creates the core stream exactly as we would.
    other.create_stream(plan.actions[0].config);

    Client client = connect(server.url());
    CHECK(es::apply(plan, *client.js) == es::ApplyOutcome::done);
    for (const auto& a : plan.actions) {
        INFO(a.stream, " ", a.error);
        CHECK(a.applied);
        CHECK(a.error.empty());
    }
    CHECK(plan.actions[2].note == "created concurrently by another run; updated to match");
    const aa::Json dlq = other.stream_info("AA_DLQ").at("config");
    CHECK(dlq.at("max_age") == 14 * 24 * kHour);
    CHECK(dlq.at("max_msgs") == 500);
    CHECK(other.stream_info("AA_CORE_HOT").at("config").at("max_age") == 48 * kHour);
}

TEST_CASE("a failed write stops the apply and is reported with the server's err_code") {
    NatsServer server;
    TestClient other(server.url());
    es::Plan plan = fresh_plan();
    // A stream nobody planned for takes the vendor subjects after our plan.
    other.create_stream(aa::Json{{"name", "INTRUDER"}, {"subjects", {"vendor.x"}}, {"storage", "memory"}});

    Client client = connect(server.url());
    CHECK(es::apply(plan, *client.js) == es::ApplyOutcome::rejected);
    CHECK(plan.actions[0].applied);  // core went first
    CHECK_FALSE(plan.actions[1].applied);
    CHECK(plan.actions[1].error.find("err_code 10065") != std::string::npos);
    CHECK_FALSE(plan.actions[2].applied);  // nothing after the failure
    es::Result result;
    result.plan = plan;
    result.outcome = es::ApplyOutcome::rejected;
    CHECK(es::exit_code(result) == aa::ExitCode::check_failed);
    result.outcome = es::ApplyOutcome::unavailable;
    CHECK(es::exit_code(result) == aa::ExitCode::unavailable);
}

TEST_CASE("a write that gets no reply leaves the outcome unknown: unavailable, exit 3") {
    NatsServer server;
    es::Plan plan = fresh_plan();
    Client client = connect(server.url(), std::chrono::milliseconds(500));
    server.stop();
    CHECK(es::apply(plan, *client.js) == es::ApplyOutcome::unavailable);
    CHECK_FALSE(plan.actions[0].applied);
    CHECK_FALSE(plan.actions[0].error.empty());
}
