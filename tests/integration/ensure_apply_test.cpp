// ensure-streams' apply step driven directly against a real nats-server, for
// the races the binary cannot be paused in: the plan was made, then another
// run changed the server before our write arrived.

#include <doctest/doctest.h>

#include <algorithm>
#include <sstream>

#include "commands/ensure_streams/ensure_streams.hpp"
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

TEST_CASE("a batch of moves where the server refuses one claim and applies the next: every reply is recorded") {
    // Phase 0 straight to phase 2: one batch of three writes, the legacy
    // stream's release, then the core and vendor streams' claims. The core
    // stream's create asks for 3 replicas, which a standalone server refuses
    // (err_code 10074: what a run that wrongly believes the server clustered
    // sends, issue 8 part 3); the vendor create after it is applied. The
    // server handled all three: the vendor claim must be reported applied and
    // its move complete, and only the core move torn, by a refusal.
    NatsServer server;
    TestClient other(server.url());
    other.create_stream(aa::test::legacy_stream_config());
    const aa::TopologySettings settings;
    es::Facts facts;
    facts.server.version = "2.9.10";
    facts.streams["ATHLETE_ALLY_EVENTS"] = other.stream_info("ATHLETE_ALLY_EVENTS");
    const aa::TargetTopology target = aa::target_topology(settings, 2);
    REQUIRE(es::fact_needs(target, facts.streams).subject_counts.empty());  // an empty stream: nothing to count
    es::Plan plan = es::make_plan(target, facts, {});
    REQUIRE_FALSE(es::has_refusals(plan));
    REQUIRE(plan.moves.size() == 2);

    const auto action = [&](const std::string& name) -> es::StreamAction& {
        const auto found = std::find_if(plan.actions.begin(), plan.actions.end(),
                                        [&](const es::StreamAction& a) { return a.stream == name; });
        REQUIRE(found != plan.actions.end());
        return *found;
    };
    // The core claim leaves before the vendor one.
    std::vector<std::string> order;
    for (const std::size_t i : es::apply_order(plan)) order.push_back(plan.actions[i].stream);
    REQUIRE(order == std::vector<std::string>{"AA_DLQ", "ATHLETE_ALLY_EVENTS", "AA_CORE_HOT", "AA_VENDOR_HOT"});
    action("AA_CORE_HOT").config["num_replicas"] = 3;

    Client client = connect(server.url());
    CHECK(es::apply(plan, *client.js) == es::ApplyOutcome::rejected);
    CHECK(action("ATHLETE_ALLY_EVENTS").applied);
    CHECK_FALSE(action("AA_CORE_HOT").applied);
    CHECK(action("AA_CORE_HOT").error.find("err_code 10074") != std::string::npos);
    // Applied by the server after the refusal: said so.
    CHECK(action("AA_VENDOR_HOT").applied);
    CHECK(action("AA_VENDOR_HOT").error.empty());
    CHECK(other.stream_info("AA_VENDOR_HOT").contains("config"));

    for (const es::SubjectMove& move : plan.moves) {
        INFO(move.to);
        if (move.to == "AA_VENDOR_HOT") {
            CHECK_FALSE(move.torn);
            CHECK(move.window_ms.has_value());
        } else {
            CHECK(move.torn);
            CHECK(move.claim_refused.find("err_code 10074") != std::string::npos);
        }
    }
    es::Result result;
    result.plan = plan;
    result.outcome = es::ApplyOutcome::rejected;
    result.command_line = "aa-nats ensure-streams --phase 2";
    CHECK(es::exit_code(result) == aa::ExitCode::check_failed);
    std::ostringstream human;
    es::render_human(result, aa::Style(false), human);
    INFO(human.str());
    CHECK(human.str().find("Failed after 2 created, 1 updated, 0 deleted.") != std::string::npos);
    CHECK(human.str().find("the server refused the claim on AA_CORE_HOT") != std::string::npos);
}
