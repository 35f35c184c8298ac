// ensure-streams' apply step driven directly against a real nats-server, for
// the races the binary cannot be paused in: the plan was made, then another
// run changed the server before our write arrived.

#include <doctest/doctest.h>

#include <algorithm>
#include <sstream>

#include "commands/ensure_streams/ensure_streams.hpp"
#include "tests/support/delay_proxy.hpp"
#include "tests/support/harness.hpp"

namespace es = aa::ensure_streams;
using aa::Json;
using aa::test::DelayProxy;
using aa::test::NatsServer;
using aa::test::TestClient;

using namespace std::chrono_literals;

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

// The plan from phase 0 (an empty legacy stream, created through OTHER) straight to phase 2.
es::Plan phase2_plan_from_phase0(TestClient& other) {
    other.create_stream(aa::test::legacy_stream_config());
    es::Facts facts;
    facts.server.version = "2.9.10";
    facts.streams["ATHLETE_ALLY_EVENTS"] = other.stream_info("ATHLETE_ALLY_EVENTS");
    const aa::TargetTopology target = aa::target_topology(aa::TopologySettings{}, 2);
    REQUIRE(es::fact_needs(target, facts.streams).subject_counts.empty());  // an empty stream: nothing to count
    es::Plan plan = es::make_plan(target, facts, {});
    REQUIRE_FALSE(es::has_refusals(plan));
    return plan;
}

// The index of STREAM's action in PLAN: the report's outcomes follow the plan's order.
std::size_t index_of(const es::Plan& plan, const std::string& stream) {
    const auto found = std::find_if(plan.actions.begin(), plan.actions.end(),
                                    [&](const es::StreamAction& a) { return a.stream == stream; });
    REQUIRE(found != plan.actions.end());
    return static_cast<std::size_t>(found - plan.actions.begin());
}

}  // namespace

TEST_CASE("a create that loses the race to a different config re-reads, updates, and keeps hand-set fields") {
    NatsServer server;
    TestClient other(server.url());
    const es::Plan plan = fresh_plan();
    REQUIRE(plan.actions.size() == 3);

    // Another run (older settings) creates the DLQ between our plan and our write.
    other.create_stream(aa::Json{{"name", "AA_DLQ"}, {"subjects", {"dlq.>"}}, {"max_age", 24 * kHour},
                                 {"storage", "file"}, {"max_msgs", 500}, {"num_replicas", 1}});
    // And another one creates the core stream exactly as we would.
    other.create_stream(plan.actions[0].config);

    Client client = connect(server.url());
    const es::ApplyReport report = es::apply(plan, *client.js);
    CHECK(report.outcome == es::ApplyOutcome::done);
    REQUIRE(report.actions.size() == plan.actions.size());
    for (std::size_t i = 0; i < plan.actions.size(); ++i) {
        INFO(plan.actions[i].stream, " ", report.actions[i].error);
        CHECK(report.actions[i].applied);
        CHECK(report.actions[i].error.empty());
    }
    CHECK(report.actions[2].note == "created concurrently by another run; updated to match");
    const aa::Json dlq = other.stream_info("AA_DLQ").at("config");
    CHECK(dlq.at("max_age") == 14 * 24 * kHour);
    CHECK(dlq.at("max_msgs") == 500);
    CHECK(other.stream_info("AA_CORE_HOT").at("config").at("max_age") == 48 * kHour);
}

TEST_CASE("writes that move no subject leave together: one refused, the others applied and said so") {
    NatsServer server;
    TestClient other(server.url());
    const es::Plan plan = fresh_plan();
    // A stream nobody planned for takes the vendor subjects after our plan.
    other.create_stream(aa::Json{{"name", "INTRUDER"}, {"subjects", {"vendor.x"}}, {"storage", "memory"}});

    // Through a slow link, so that "together" shows: every create leaves before the first reply comes back.
    DelayProxy proxy(aa::test::DelayProxyOptions{.target_port = server.port(), .one_way = 50ms});
    Client client = connect(proxy.url());
    const es::ApplyReport report = es::apply(plan, *client.js);
    std::size_t creates_before_reply = 0;
    for (const auto& chunk : proxy.transcript()) {
        if (chunk.direction == DelayProxy::Direction::to_client) {
            if (chunk.bytes.find("stream_create_response") != std::string::npos) break;
        } else if (chunk.bytes.find("$JS.API.STREAM.CREATE.") != std::string::npos) {
            for (const char* name : {"AA_CORE_HOT", "AA_VENDOR_HOT", "AA_DLQ"}) {
                if (chunk.bytes.find(std::string("$JS.API.STREAM.CREATE.") + name) != std::string::npos) ++creates_before_reply;
            }
        }
    }
    CHECK(creates_before_reply == 3);

    CHECK(report.outcome == es::ApplyOutcome::rejected);
    REQUIRE(report.actions.size() == 3);
    CHECK(report.actions[0].applied);
    CHECK_FALSE(report.actions[1].applied);
    CHECK(report.actions[1].error.find("err_code 10065") != std::string::npos);
    CHECK(report.actions[2].applied);  // the DLQ does not depend on the vendor stream
    CHECK(other.stream_info("AA_DLQ").contains("config"));
    es::Result result;
    result.plan = plan;
    result.report = report;
    CHECK(es::exit_code(result) == aa::ExitCode::check_failed);
    std::ostringstream human;
    es::render_human(result, aa::Style(false), human);
    INFO(human.str());
    CHECK(human.str().find("Failed after 2 created, 0 updated, 0 deleted.") != std::string::npos);
    result.report->outcome = es::ApplyOutcome::unavailable;
    CHECK(es::exit_code(result) == aa::ExitCode::unavailable);
}

TEST_CASE("a refused write stops the apply before the subject moves: the legacy stream is not deleted") {
    // Phase 3 from phase 1, and an intruder on dlq.> after the plan: the DLQ
    // create is refused, so neither the legacy delete (the release) nor the
    // core create (the claim) is sent.
    NatsServer server;
    TestClient other(server.url());
    Json legacy = aa::test::legacy_stream_config();
    legacy["subjects"] = {"athlete-ally.>", "sleep.*"};
    other.create_stream(legacy);
    other.create_stream(aa::Json{{"name", "AA_VENDOR_HOT"}, {"subjects", {"vendor.>"}}, {"storage", "file"}});
    es::Facts facts;
    facts.server.version = "2.9.10";
    for (const char* name : {"ATHLETE_ALLY_EVENTS", "AA_VENDOR_HOT"}) facts.streams[name] = other.stream_info(name);
    const es::Plan plan = es::make_plan(aa::target_topology(aa::TopologySettings{}, 3), facts,
                                        {.allow_delete = true, .allow_data_loss = true, .allow_fewer_replicas = false});
    REQUIRE_FALSE(es::has_refusals(plan));
    REQUIRE(plan.moves.size() == 1);
    other.create_stream(aa::Json{{"name", "INTRUDER"}, {"subjects", {"dlq.x"}}, {"storage", "memory"}});

    Client client = connect(server.url());
    const es::ApplyReport report = es::apply(plan, *client.js);
    CHECK(report.outcome == es::ApplyOutcome::rejected);
    CHECK(report.actions[index_of(plan, "AA_DLQ")].error.find("err_code 10065") != std::string::npos);
    CHECK_FALSE(report.actions[index_of(plan, "ATHLETE_ALLY_EVENTS")].applied);
    CHECK_FALSE(report.actions[index_of(plan, "AA_CORE_HOT")].applied);
    CHECK_FALSE(report.moves[0].torn);
    CHECK(other.stream_info("ATHLETE_ALLY_EVENTS").contains("config"));
    CHECK(other.stream_info("AA_CORE_HOT").contains("error"));
}

TEST_CASE("a write that gets no reply leaves the outcome unknown: unavailable, exit 3") {
    NatsServer server;
    const es::Plan plan = fresh_plan();
    Client client = connect(server.url(), std::chrono::milliseconds(500));
    server.stop();
    const es::ApplyReport report = es::apply(plan, *client.js);
    CHECK(report.outcome == es::ApplyOutcome::unavailable);
    REQUIRE_FALSE(report.actions.empty());
    CHECK_FALSE(report.actions[0].applied);
    CHECK_FALSE(report.actions[0].error.empty());
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
    es::Plan plan = phase2_plan_from_phase0(other);
    REQUIRE(plan.moves.size() == 2);

    // The core claim leaves before the vendor one.
    std::vector<std::string> order;
    for (const std::size_t i : es::apply_order(plan)) order.push_back(plan.actions[i].stream);
    REQUIRE(order == std::vector<std::string>{"AA_DLQ", "ATHLETE_ALLY_EVENTS", "AA_CORE_HOT", "AA_VENDOR_HOT"});
    plan.actions[index_of(plan, "AA_CORE_HOT")].config["num_replicas"] = 3;

    Client client = connect(server.url());
    const es::ApplyReport report = es::apply(plan, *client.js);
    CHECK(report.outcome == es::ApplyOutcome::rejected);
    REQUIRE(report.actions.size() == plan.actions.size());
    REQUIRE(report.moves.size() == plan.moves.size());
    const auto outcome = [&](const std::string& name) -> const es::ActionOutcome& {
        return report.actions[index_of(plan, name)];
    };
    CHECK(outcome("ATHLETE_ALLY_EVENTS").applied);
    CHECK_FALSE(outcome("AA_CORE_HOT").applied);
    CHECK(outcome("AA_CORE_HOT").error.find("err_code 10074") != std::string::npos);
    // Applied by the server after the refusal: said so.
    CHECK(outcome("AA_VENDOR_HOT").applied);
    CHECK(outcome("AA_VENDOR_HOT").error.empty());
    CHECK(other.stream_info("AA_VENDOR_HOT").contains("config"));

    for (std::size_t m = 0; m < plan.moves.size(); ++m) {
        const es::MoveOutcome& move = report.moves[m];
        INFO(plan.moves[m].to);
        if (plan.moves[m].to == "AA_VENDOR_HOT") {
            CHECK_FALSE(move.torn);
            CHECK(move.window_ms.has_value());
        } else {
            CHECK(move.torn);
            CHECK(move.claim_refused.find("err_code 10074") != std::string::npos);
        }
    }
    es::Result result;
    result.plan = plan;
    result.report = report;
    result.command_line = "aa-nats ensure-streams --phase 2";
    CHECK(es::exit_code(result) == aa::ExitCode::check_failed);
    std::ostringstream human;
    es::render_human(result, aa::Style(false), human);
    INFO(human.str());
    CHECK(human.str().find("Failed after 2 created, 1 updated, 0 deleted.") != std::string::npos);
    CHECK(human.str().find("the server refused the claim on AA_CORE_HOT") != std::string::npos);
}
