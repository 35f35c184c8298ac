// consumer-diag against real nats-servers: every verdict produced for real,
// the candidate fallback, thresholds, config drift, --all, the server header
// (--watch: consumer_diag_watch_test.cpp; a cluster: consumer_diag_cluster_test.cpp).

#include <doctest/doctest.h>

#include <thread>

#include <fmt/format.h>

#include "tests/integration/consumer_diag_support.hpp"

using aa::test::Json;
using aa::test::server_version;
using aa::test::NatsServer;
using aa::test::run_aa_nats;
using aa::test::TestClient;
using namespace aa::test::consumer_diag;
using namespace std::chrono_literals;


TEST_CASE("backlog with a redelivery (nak): found on the first candidate, exit 0, facts shown") {
    CoreServer s(5);
    s.client.create_durable("AA_CORE_HOT", durable_config(kDurable));
    const auto fetched = s.client.fetch("AA_CORE_HOT", kDurable, 2);
    REQUIRE(fetched.size() == 2);
    s.client.nak(fetched[0]);
    REQUIRE(s.client.fetch("AA_CORE_HOT", kDurable, 1).size() == 1);  // the nak'd one, again

    const auto human = s.diag({});
    INFO(human.out, human.err);
    CHECK(human.exit_code == 0);
    CHECK(human.out.starts_with(header(s.server.url()) + "Consumer normalize-hrv-durable on AA_CORE_HOT\n"));
    CHECK(contains(human.out, "Candidates:       AA_CORE_HOT: bound\n"));
    CHECK(contains(human.out, "Type:             pull\n"));
    CHECK(contains(human.out, "Filter:           athlete-ally.>\n"));
    CHECK(contains(human.out, "Ack Wait:         1m\n"));
    CHECK(contains(human.out, "Max Deliver:      5\n"));
    CHECK(contains(human.out, "Pending:          3\n"));
    CHECK(contains(human.out, "Ack Pending:      2\n"));
    CHECK(contains(human.out, "Redelivered:      1\n"));
    CHECK(contains(human.out, "Delivered:        stream seq 2, consumer seq 3, moved 0s ago"));
    CHECK(contains(human.out, "Ack Floor:        stream seq 0, consumer seq 0, never moved"));
    CHECK(contains(human.out, "Verdict:          BACKLOG\n"));
    CHECK(contains(human.out, "1 message redelivered"));
    CHECK_FALSE(contains(human.out, "config drift"));

    const auto json = s.diag({"--json"});
    CHECK(json.exit_code == 0);
    const Json doc = json.json();
    CHECK(doc.at("schema_version") == 1);
    CHECK(doc.at("stream").is_null());
    CHECK(doc.at("durable") == kDurable);
    CHECK(doc.at("bound_stream") == "AA_CORE_HOT");
    CHECK(doc.at("candidates_tried") == Json::array({"AA_CORE_HOT"}));
    CHECK(doc.at("verdict") == "backlog");
    CHECK(doc.at("info").at("num_redelivered") == 1);
    CHECK(doc.at("info").at("num_pending") == 3);
    CHECK(doc.at("info").at("type") == "io.nats.jetstream.api.v1.consumer_info_response");
    CHECK(doc.at("server").at("url") == s.server.url());
    CHECK(doc.at("server").at("version") == server_version());
    CHECK(doc.at("server").at("clustering") == "standalone");
    CHECK(doc.at("server").at("clustered") == false);
}

TEST_CASE("caught up: healthy, exit 0") {
    CoreServer s(3);
    s.client.create_durable("AA_CORE_HOT", durable_config(kDurable));
    for (const auto& m : s.client.fetch("AA_CORE_HOT", kDurable, 3)) s.client.ack(m);
    const auto r = s.diag({"AA_CORE_HOT", kDurable, "--json"});
    CHECK(r.exit_code == 0);
    const Json doc = r.json();
    CHECK(doc.at("verdict") == "healthy");
    CHECK(doc.at("stream") == "AA_CORE_HOT");
    CHECK(doc.at("warnings").empty());
    CHECK(doc.at("acked_ago_ms").is_number());
}

TEST_CASE("blocked by max_ack_pending with unacked messages and more waiting: exit 1") {
    CoreServer s(5);
    s.client.create_durable("AA_CORE_HOT", durable_config("blocked", {{"max_ack_pending", 2}}));
    REQUIRE(s.client.fetch("AA_CORE_HOT", "blocked", 5).size() == 2);
    const auto r = s.diag({"AA_CORE_HOT", "blocked", "--json"});
    CHECK(r.exit_code == 1);
    const Json doc = r.json();
    CHECK(doc.at("verdict") == "blocked");
    CHECK(any_contains(doc.at("reasons"), "reach max_ack_pending 2"));
    const auto human = s.diag({"AA_CORE_HOT", "blocked"});
    CHECK(human.exit_code == 1);
    CHECK(contains(human.out, "Verdict:          BLOCKED\n"));
}

TEST_CASE("push consumer without a subscriber while messages wait: unbound, exit 1") {
    CoreServer s(2);
    s.client.create_durable("AA_CORE_HOT", durable_config("pusher", {{"deliver_subject", "aa.deliver.pusher"}}));
    const auto r = s.diag({"AA_CORE_HOT", "pusher"});
    INFO(r.out);
    CHECK(r.exit_code == 1);
    CHECK(contains(r.out, "Type:             push to aa.deliver.pusher (no subscriber)\n"));
    CHECK(contains(r.out, "Verdict:          UNBOUND\n"));
    CHECK(contains(r.out, "push consumer without a subscriber on aa.deliver.pusher while 2 messages wait"));
}

TEST_CASE("messages that ran out of deliveries are reported") {
    CoreServer s(3);
    s.client.create_durable("AA_CORE_HOT", durable_config(kDurable, {{"max_deliver", 2}}));
    for (int round = 0; round < 2; ++round) {
        const auto batch = s.client.fetch("AA_CORE_HOT", kDurable, 1);
        REQUIRE(batch.size() == 1);
        s.client.nak(batch[0]);
    }
    // Seq 1 used its two deliveries; the next fetch gets seq 2, then seq 3.
    for (const auto& m : s.client.fetch("AA_CORE_HOT", kDurable, 3)) s.client.ack(m);
    const auto r = s.diag({"--json"}, {{"NORMALIZE_HRV_MAX_DELIVER", "2"}});
    const Json doc = r.json();
    CHECK(r.exit_code == 0);
    CHECK(doc.at("verdict") == "healthy");
    CHECK(doc.at("exhausted_at_least") == 1);
    CHECK(any_contains(doc.at("warnings"), "at least 1 message ran out of deliveries (max_deliver 2)"));
    CHECK_FALSE(any_contains(doc.at("warnings"), "config drift"));
}

TEST_CASE("a missing durable: exit 1, every candidate tried, each miss explained") {
    CoreServer s(1);
    const auto r = s.diag({"--json"});
    CHECK(r.exit_code == 1);
    const Json doc = r.json();
    CHECK(doc.at("verdict") == "missing");
    CHECK(doc.at("bound_stream").is_null());
    CHECK(doc.at("candidates_tried") == Json::array({"AA_CORE_HOT", "ATHLETE_ALLY_EVENTS"}));
    CHECK(any_contains(doc.at("reasons"), "AA_CORE_HOT: no such durable"));
    CHECK(any_contains(doc.at("reasons"), "ATHLETE_ALLY_EVENTS: stream not found"));
    CHECK(doc.at("info").is_null());
    const auto human = s.diag({"AA_CORE_HOT", "nope"});
    CHECK(human.exit_code == 1);
    CHECK(contains(human.out, "Verdict:          MISSING\n"));
}

TEST_CASE("candidate fallback: the durable only on the legacy stream binds there, in one batch") {
    CoreServer s(0);
    s.client.create_stream(stream_config("ATHLETE_ALLY_EVENTS", {"vendor.>"}));
    s.client.create_durable("ATHLETE_ALLY_EVENTS", durable_config(kDurable, {{"filter_subject", "vendor.>"}}));

    TestClient::Spy spy(s.client, "$JS.API.>");
    const auto r = s.diag({"--json"});
    CHECK(r.exit_code == 0);
    const Json doc = r.json();
    CHECK(doc.at("bound_stream") == "ATHLETE_ALLY_EVENTS");
    CHECK(doc.at("candidates_tried") == Json::array({"AA_CORE_HOT", "ATHLETE_ALLY_EVENTS"}));
    const auto seen = aa::test::without_api_level_request(spy.subjects());
    CHECK(seen == std::vector<std::string>{"$JS.API.CONSUMER.INFO.AA_CORE_HOT.normalize-hrv-durable",
                                           "$JS.API.CONSUMER.INFO.ATHLETE_ALLY_EVENTS.normalize-hrv-durable"});

    const auto human = s.diag({});
    CHECK(contains(human.out, "Candidates:       AA_CORE_HOT: no such durable; ATHLETE_ALLY_EVENTS: bound\n"));

    // AA_STREAM_CANDIDATES sets the order, as in the service; a durable on both binds the first.
    s.client.create_durable("AA_CORE_HOT", durable_config(kDurable));
    const auto reordered = s.diag({"--json"}, {{"AA_STREAM_CANDIDATES", "ATHLETE_ALLY_EVENTS, AA_CORE_HOT"}});
    const Json doc2 = reordered.json();
    CHECK(doc2.at("bound_stream") == "ATHLETE_ALLY_EVENTS");
    CHECK(doc2.at("candidates_tried") == Json::array({"ATHLETE_ALLY_EVENTS"}));
    CHECK(any_contains(doc2.at("warnings"), "also exists on AA_CORE_HOT"));
}

TEST_CASE("thresholds gate the exit code") {
    CoreServer s(4);
    s.client.create_durable("AA_CORE_HOT", durable_config(kDurable));
    const auto batch = s.client.fetch("AA_CORE_HOT", kDurable, 1);
    REQUIRE(batch.size() == 1);
    s.client.nak(batch[0]);

    CHECK(s.diag({"--max-pending", "3", "--max-ack-pending", "1", "--max-redelivered", "0"}).exit_code == 0);
    const auto pending = s.diag({"--max-pending", "2", "--json"});
    CHECK(pending.exit_code == 1);
    CHECK(pending.json().at("verdict") == "backlog");
    CHECK(pending.json().at("threshold_exceeded") == true);
    CHECK(any_contains(pending.json().at("reasons"), "pending 3 exceeds --max-pending 2"));
    REQUIRE(s.client.fetch("AA_CORE_HOT", kDurable, 2).size() == 2);  // the nak'd one again, and one more
    const auto ack = s.diag({"--max-ack-pending", "1"});
    CHECK(ack.exit_code == 1);
    CHECK(contains(ack.out, "ack pending 2 exceeds --max-ack-pending 1"));
    const auto redelivered = s.diag({"--max-redelivered", "0"});
    CHECK(redelivered.exit_code == 1);
    CHECK(contains(redelivered.out, "redelivered 1 exceeds --max-redelivered 0"));
}

TEST_CASE("config drift from the service's env is a warning, not a failure") {
    CoreServer s(1);
    s.client.create_durable("AA_CORE_HOT", durable_config(kDurable, {{"max_deliver", 3}, {"ack_wait", 30000000000LL}}));
    const auto drift = s.diag({"--json"});
    CHECK(drift.exit_code == 0);
    const Json doc = drift.json();
    CHECK(any_contains(doc.at("warnings"), "config drift: max_deliver is 3, the service expects 5"));
    CHECK(any_contains(doc.at("warnings"), "config drift: ack_wait is 30s, the service expects 1m"));
    const auto matching = s.diag({"--json"}, {{"NORMALIZE_HRV_MAX_DELIVER", "3"}, {"NORMALIZE_HRV_ACK_WAIT_MS", "30000"}});
    CHECK_FALSE(any_contains(matching.json().at("warnings"), "config drift"));
}

TEST_CASE("stalled: pending and nothing delivered for longer than --stall-after") {
    CoreServer s(2);
    s.client.create_durable("AA_CORE_HOT", durable_config(kDurable));
    REQUIRE(s.client.fetch("AA_CORE_HOT", kDurable, 1).size() == 1);
    CHECK(s.diag({"--stall-after", "1s"}).exit_code == 0);  // just delivered: a backlog
    std::this_thread::sleep_for(1200ms);
    const auto r = s.diag({"--stall-after", "1s", "--json"});
    CHECK(r.exit_code == 1);
    const Json doc = r.json();
    CHECK(doc.at("verdict") == "stalled");
    CHECK(any_contains(doc.at("reasons"), "1 message pending and nothing delivered for 1s (--stall-after 1s)"));
}

TEST_CASE("--all: one table of every consumer of the topology streams; any failing consumer fails the run") {
    CoreServer s(2);
    s.client.create_stream(stream_config("ATHLETE_ALLY_EVENTS", {"vendor.>"}));
    s.client.create_durable("AA_CORE_HOT", durable_config(kDurable));
    s.client.create_durable("ATHLETE_ALLY_EVENTS", durable_config("legacy-reader", {{"filter_subject", "vendor.>"}}));
    const auto good = s.diag({"--all"});
    INFO(good.out);
    CHECK(good.exit_code == 0);
    CHECK(good.out.starts_with(header(s.server.url()) + "not found: AA_VENDOR_HOT, AA_DLQ\n"));
    CHECK(contains(good.out, "STREAM "));
    CHECK(contains(good.out, "AA_CORE_HOT              normalize-hrv-durable"));
    CHECK(contains(good.out, "ATHLETE_ALLY_EVENTS      legacy-reader"));
    CHECK(contains(good.out, "2 consumers\n"));

    s.client.create_durable("AA_CORE_HOT", durable_config("pusher", {{"deliver_subject", "aa.deliver.pusher"}}));
    const auto bad = s.diag({"--all", "--json"});
    CHECK(bad.exit_code == 1);
    const Json doc = bad.json();
    CHECK(doc.at("schema_version") == 1);
    CHECK(doc.at("server").at("url") == s.server.url());
    CHECK(doc.at("server").at("clustering") == "standalone");
    REQUIRE(doc.at("consumers").size() == 3);
    CHECK(doc.at("streams") == Json::array({"AA_CORE_HOT", "ATHLETE_ALLY_EVENTS"}));
    int unbound = 0;
    for (const auto& c : doc.at("consumers")) unbound += c.at("verdict") == "unbound" ? 1 : 0;
    CHECK(unbound == 1);

    // Of one stream only; a named stream that does not exist fails.
    const auto legacy = s.diag({"--all", "ATHLETE_ALLY_EVENTS", "--json"});
    CHECK(legacy.exit_code == 0);
    CHECK(legacy.json().at("consumers").size() == 1);
    const auto nope = s.diag({"--all", "NOPE"});
    CHECK(nope.exit_code == 1);
    CHECK(contains(nope.out, "not found: NOPE"));
}

TEST_CASE("bad input: usage errors exit 2 before connecting; no JetStream exits 3") {
    const std::string nowhere = fmt::format("nats://127.0.0.1:{}", aa::test::free_port());
    for (const std::vector<std::string>& args :
         std::vector<std::vector<std::string>>{{"consumer-diag", "--count", "2"},
                                               {"consumer-diag", "--watch", "soon"},
                                               {"consumer-diag", "AA_CORE_HOT", "bad.durable"},
                                               {"consumer-diag", "bad.stream"},
                                               {"consumer-diag", "--all", "--watch"},
                                               {"consumer-diag", "--max-pending", "-1"},
                                               {"consumer-diag", "--stall-after", "0s"}}) {
        std::vector<std::string> full = args;
        full.insert(full.end(), {"-s", nowhere});
        const auto r = run_aa_nats(full);
        INFO(fmt::format("{}", fmt::join(args, " ")), r.err);
        CHECK(r.exit_code == 2);
        CHECK(r.err.starts_with("aa-nats: error: "));
        CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
    }
    // A bad count says what it wants, not CLI11's "not in range 0.000000 to 1797693...".
    const auto bad_count = run_aa_nats({"consumer-diag", "--max-pending", "1.5", "-s", nowhere});
    CHECK(bad_count.exit_code == 2);
    CHECK(bad_count.err == "aa-nats: error: --max-pending: expected a whole number of at least 0, got \"1.5\" "
                           "(see aa-nats --help)\n");
    const auto bad_env = run_aa_nats({"consumer-diag", "--json", "-s", nowhere}, {{"NORMALIZE_HRV_MAX_DELIVER", "five"}});
    CHECK(bad_env.exit_code == 2);
    CHECK(bad_env.json().at("error").at("exit_code") == 2);

    NatsServer plain(aa::test::ServerOptions{.jetstream = false, .user = {}, .password = {}, .extra_args = {}});
    const auto no_js = run_aa_nats({"consumer-diag", "--json", "-s", plain.url()});
    CHECK(no_js.exit_code == 3);
    CHECK(no_js.json().at("error").at("exit_code") == 3);
    const auto down = run_aa_nats({"consumer-diag", "--timeout", "500ms", "-s", nowhere});
    CHECK(down.exit_code == 3);
}
