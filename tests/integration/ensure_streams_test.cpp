// ensure-streams against real nats-servers: both modes, fresh and pre-existing
// servers, refusals that leave data intact, idempotence counted on the wire,
// replicas on a cluster, the migration walk under a live publisher, and
// parallel runs.

#include <doctest/doctest.h>

#include <algorithm>
#include <atomic>
#include <future>
#include <mutex>
#include <thread>

#include <fmt/format.h>

#include "tests/support/harness.hpp"

using aa::test::Json;
using aa::test::NatsServer;
using aa::test::run_aa_nats;
using aa::test::RunResult;
using aa::test::legacy_stream_config;
using aa::test::TestClient;

namespace {

constexpr long long kHour = 3'600'000'000'000LL;

RunResult ensure(const std::string& url, std::vector<std::string> args = {},
                 std::map<std::string, std::string> env = {}) {
    args.insert(args.begin(), {"ensure-streams", "-s", url});
    return run_aa_nats(args, env);
}

// The write requests (create, update, delete) among the API requests a spy saw.
std::vector<std::string> writes(const std::vector<std::string>& subjects) {
    std::vector<std::string> out;
    for (const auto& s : subjects) {
        if (s.find(".STREAM.CREATE.") != std::string::npos || s.find(".STREAM.UPDATE.") != std::string::npos ||
            s.find(".STREAM.DELETE.") != std::string::npos) {
            out.push_back(s);
        }
    }
    return out;
}

Json config_of(TestClient& client, const std::string& name) {
    const Json info = client.stream_info(name);
    INFO(info.dump());
    REQUIRE(info.contains("config"));
    return info.at("config");
}

std::vector<std::string> sorted_subjects(const Json& config) {
    auto v = config.at("subjects").get<std::vector<std::string>>();
    std::sort(v.begin(), v.end());
    return v;
}

Json action_for(const Json& doc, const std::string& stream) {
    for (const auto& a : doc.at("actions")) {
        if (a.at("stream") == stream) return a;
    }
    FAIL("no action for ", stream, " in ", doc.dump());
    return doc;
}

}  // namespace

TEST_CASE("multi mode on a fresh server: creates core, vendor and DLQ; the second run sends no write") {
    NatsServer server;
    TestClient client(server.url());

    const auto first = ensure(server.url(), {"--json"});
    INFO(first.out, first.err);
    CHECK(first.exit_code == 0);
    const Json doc = first.json();
    CHECK(doc.at("schema_version") == 1);
    CHECK(doc.at("mode") == "multi");
    CHECK(doc.at("phase").is_null());
    REQUIRE(doc.at("actions").size() == 3);
    for (const auto& a : doc.at("actions")) {
        CHECK(a.at("action") == "create");
        CHECK(a.at("applied") == true);
    }
    if (aa::test::server_at_least(2, 10)) {
        CHECK(doc.at("warnings").empty());  // compression s2 is applied
        CHECK(config_of(client, "AA_CORE_HOT").at("compression") == "s2");
    } else {
        REQUIRE(doc.at("warnings").size() == 1);  // compression is not supported by 2.9.10
        CHECK(doc.at("warnings")[0].get<std::string>().find("compression") != std::string::npos);
    }

    const Json core = config_of(client, "AA_CORE_HOT");
    CHECK(sorted_subjects(core) == std::vector<std::string>{"athlete-ally.>", "sleep.*"});
    CHECK(core.at("max_age") == 48 * kHour);
    CHECK(core.at("duplicate_window") == 120'000'000'000LL);
    CHECK(core.at("storage") == "file");
    CHECK(config_of(client, "AA_DLQ").at("max_age") == 14 * 24 * kHour);
    CHECK(sorted_subjects(config_of(client, "AA_VENDOR_HOT")) == std::vector<std::string>{"vendor.>"});

    TestClient::Spy spy(client, "$JS.API.>");
    const auto second = ensure(server.url());
    INFO(second.out, second.err);
    CHECK(second.exit_code == 0);
    const auto seen = spy.subjects();
    CHECK_FALSE(seen.empty());  // the spy does see the tool's reads
    CHECK(writes(seen).empty());
    CHECK(second.out.find("= unchanged AA_CORE_HOT (core)") != std::string::npos);
    CHECK(second.out.find("= unchanged AA_VENDOR_HOT (vendor)") != std::string::npos);
    CHECK(second.out.find("= unchanged AA_DLQ (dlq)") != std::string::npos);
    CHECK(second.out.find("Nothing to do") != std::string::npos);

    const auto check = ensure(server.url(), {"--check"});
    CHECK(check.exit_code == 0);
}

TEST_CASE("single mode: the legacy stream alone; multi mode then refuses with the way forward, sending nothing") {
    NatsServer server;
    TestClient client(server.url());
    const auto single = ensure(server.url(), {}, {{"EVENT_STREAM_MODE", "single"}});
    INFO(single.out, single.err);
    CHECK(single.exit_code == 0);
    const Json legacy = config_of(client, "ATHLETE_ALLY_EVENTS");
    CHECK(sorted_subjects(legacy) == std::vector<std::string>{"athlete-ally.>", "sleep.*", "vendor.>"});
    CHECK(legacy.at("max_age") == 24 * kHour);
    CHECK(client.stream_info("AA_DLQ").contains("error"));

    const auto again = ensure(server.url(), {"--json"}, {{"EVENT_STREAM_MODE", "single"}});
    CHECK(again.exit_code == 0);
    CHECK(action_for(again.json(), "ATHLETE_ALLY_EVENTS").at("action") == "unchanged");

    TestClient::Spy spy(client, "$JS.API.>");
    const auto multi = ensure(server.url(), {"--json"});
    CHECK(multi.exit_code == 1);
    const Json doc = multi.json();
    const Json core = action_for(doc, "AA_CORE_HOT");
    CHECK(core.at("action") == "refused");
    CHECK(core.at("intended") == "create");
    CHECK(core.at("applied") == false);
    const std::string reason = core.at("reason");
    CHECK(reason.find("--phase 1") != std::string::npos);
    CHECK(reason.find("subjects overlap") == std::string::npos);  // not the server's raw error
    CHECK(action_for(doc, "AA_DLQ").at("applied") == false);  // when anything is refused, nothing is applied
    CHECK(writes(spy.subjects()).empty());
    CHECK(client.stream_info("AA_DLQ").contains("error"));
}

TEST_CASE("an update keeps fields set by hand and changes only the managed ones") {
    NatsServer server;
    TestClient client(server.url());
    Json hand = Json{{"name", "AA_CORE_HOT"},        {"subjects", {"athlete-ally.>"}},
                     {"max_age", 24 * kHour},        {"storage", "file"},
                     {"discard", "new"},             {"duplicate_window", 60'000'000'000LL},
                     {"num_replicas", 1},            {"max_msgs", 1000},
                     {"max_msg_size", 4096},         {"description", "set by hand"},
                     {"deny_delete", true},          {"allow_rollup_hdrs", true}};
    // Stream metadata came with 2.10 (2.9.10 drops it); 2.11+ adds its own _nats.* keys beside the operator's.
    // From 2.10 compression is managed too: set by hand as the topology wants it, it is no change.
    const bool metadata = aa::test::server_at_least(2, 10);
    if (metadata) hand["metadata"] = Json{{"owner", "ops-team"}};
    if (aa::test::server_at_least(2, 10)) hand["compression"] = "s2";
    client.create_stream(hand);
    client.js_publish("athlete-ally.x", "1");

    const auto r = ensure(server.url(), {"--json"});
    INFO(r.out, r.err);
    CHECK(r.exit_code == 0);
    const Json core = action_for(r.json(), "AA_CORE_HOT");
    CHECK(core.at("action") == "update");
    CHECK(core.at("applied") == true);
    std::vector<std::string> fields;
    for (const auto& c : core.at("changes")) fields.push_back(c.at("field"));
    CHECK(fields == std::vector<std::string>{"subjects", "max_age", "discard", "duplicate_window"});
    CHECK(core.at("changes")[1].at("from") == 24 * kHour);
    CHECK(core.at("changes")[1].at("to") == 48 * kHour);

    const Json after = config_of(client, "AA_CORE_HOT");
    CHECK(sorted_subjects(after) == std::vector<std::string>{"athlete-ally.>", "sleep.*"});
    CHECK(after.at("max_age") == 48 * kHour);
    CHECK(after.at("discard") == "old");
    CHECK(after.at("max_msgs") == 1000);
    CHECK(after.at("max_msg_size") == 4096);
    CHECK(after.at("description") == "set by hand");
    CHECK(after.at("deny_delete") == true);
    CHECK(after.at("allow_rollup_hdrs") == true);
    if (metadata) CHECK(after.at("metadata").at("owner") == "ops-team");
    CHECK(client.stream_info("AA_CORE_HOT").at("state").at("messages") == 1);

    const auto human = ensure(server.url(), {"--dry-run"});
    CHECK(human.out.find("= unchanged AA_CORE_HOT") != std::string::npos);
}

TEST_CASE("a storage change is refused before anything is sent, data intact") {
    NatsServer server;
    TestClient client(server.url());
    Json memory = legacy_stream_config();
    memory["name"] = "AA_DLQ";
    memory["subjects"] = {"dlq.>"};
    memory["storage"] = "memory";
    memory["max_age"] = 14 * 24 * kHour;
    client.create_stream(memory);
    for (int i = 0; i < 3; ++i) client.js_publish("dlq.x", "m");

    TestClient::Spy spy(client, "$JS.API.>");
    const auto r = ensure(server.url(), {"--json", "--allow-data-loss"});
    CHECK(r.exit_code == 1);
    const Json doc = r.json();
    const Json dlq = action_for(doc, "AA_DLQ");
    CHECK(dlq.at("action") == "refused");
    CHECK(dlq.at("intended") == "update");
    CHECK(dlq.at("reason").get<std::string>().find("storage cannot change in place (memory → file)") != std::string::npos);
    CHECK(action_for(doc, "AA_CORE_HOT").at("applied") == false);
    CHECK(writes(spy.subjects()).empty());
    CHECK(client.stream_info("AA_DLQ").at("state").at("messages") == 3);
    CHECK(config_of(client, "AA_DLQ").at("storage") == "memory");
    CHECK(client.stream_info("AA_CORE_HOT").contains("error"));

    const auto human = ensure(server.url());
    CHECK(human.exit_code == 1);
    CHECK(human.out.find("! refused   AA_DLQ (dlq): storage cannot change in place") != std::string::npos);
    CHECK(human.out.find("Refused: nothing was applied.") != std::string::npos);
}

TEST_CASE("lowering max age with stored messages needs --allow-data-loss") {
    NatsServer server;
    TestClient client(server.url());
    client.create_stream(legacy_stream_config(72 * kHour));
    client.js_publish("sleep.night", "zzz");

    const auto refused = ensure(server.url(), {"--json"}, {{"EVENT_STREAM_MODE", "single"}});
    CHECK(refused.exit_code == 1);
    const Json legacy = action_for(refused.json(), "ATHLETE_ALLY_EVENTS");
    CHECK(legacy.at("action") == "refused");
    CHECK(legacy.at("reason").get<std::string>().find("lowering max_age from 3d to 24h") != std::string::npos);
    CHECK(config_of(client, "ATHLETE_ALLY_EVENTS").at("max_age") == 72 * kHour);

    const auto check = ensure(server.url(), {"--check"}, {{"EVENT_STREAM_MODE", "single"}});
    CHECK(check.exit_code == 1);

    const auto allowed = ensure(server.url(), {"--allow-data-loss"}, {{"EVENT_STREAM_MODE", "single"}});
    INFO(allowed.out, allowed.err);
    CHECK(allowed.exit_code == 0);
    CHECK(allowed.out.find("~ update    ATHLETE_ALLY_EVENTS (legacy)  max_age: 3d → 24h") != std::string::npos);
    CHECK(config_of(client, "ATHLETE_ALLY_EVENTS").at("max_age") == 24 * kHour);
    CHECK(client.stream_info("ATHLETE_ALLY_EVENTS").at("state").at("messages") == 1);
}

TEST_CASE("--dry-run sends no write and exits 0; --check exits 1 on drift; both say so") {
    NatsServer server;
    TestClient client(server.url());
    TestClient::Spy spy(client, "$JS.API.>");
    const auto dry = ensure(server.url(), {"--dry-run"});
    CHECK(dry.exit_code == 0);
    CHECK(dry.out.find("+ create    AA_CORE_HOT (core)  subjects [athlete-ally.>, sleep.*], max_age 48h") !=
          std::string::npos);
    CHECK(dry.out.find("Dry run: nothing was changed.") != std::string::npos);
    const auto check = ensure(server.url(), {"--check", "--json"});
    CHECK(check.exit_code == 1);
    CHECK(check.json().at("drift") == true);
    CHECK(writes(spy.subjects()).empty());
    CHECK(client.stream_info("AA_CORE_HOT").contains("error"));
}

TEST_CASE("NODE_ENV=production: refused on a standalone server, R3 streams on a 3-node cluster") {
    {
        NatsServer server;
        TestClient client(server.url());
        const auto r = ensure(server.url(), {"--json"}, {{"NODE_ENV", "production"}});
        CHECK(r.exit_code == 1);
        const Json core = action_for(r.json(), "AA_CORE_HOT");
        CHECK(core.at("action") == "refused");
        CHECK(core.at("reason").get<std::string>().find("3 replicas on a server that is not clustered") !=
              std::string::npos);
        CHECK(client.stream_info("AA_CORE_HOT").contains("error"));
    }
    {
        // An R1 stream on a standalone server that production would bump to R3 (the update trap).
        NatsServer server;
        TestClient client(server.url());
        client.create_stream(legacy_stream_config());
        const auto r = ensure(server.url(), {"--json"}, {{"NODE_ENV", "production"}, {"EVENT_STREAM_MODE", "single"}});
        CHECK(r.exit_code == 1);
        CHECK(action_for(r.json(), "ATHLETE_ALLY_EVENTS").at("intended") == "update");
        CHECK(config_of(client, "ATHLETE_ALLY_EVENTS").at("num_replicas") == 1);
    }
    aa::test::NatsCluster cluster;
    TestClient client(cluster.url(0));
    const auto r = ensure(cluster.url(0), {"--json"}, {{"NODE_ENV", "production"}});
    INFO(r.out, r.err);
    CHECK(r.exit_code == 0);
    CHECK(r.json().at("server").at("clustered") == true);
    for (const auto* name : {"AA_CORE_HOT", "AA_VENDOR_HOT", "AA_DLQ"}) {
        const Json info = client.stream_info(name);
        CHECK(info.at("config").at("num_replicas") == 3);
        CHECK(info.at("cluster").at("replicas").size() == 2);
    }
    TestClient::Spy spy(client, "$JS.API.>");
    const auto again = ensure(cluster.url(1), {}, {{"NODE_ENV", "production"}});
    CHECK(again.exit_code == 0);
    CHECK(writes(spy.subjects()).empty());
}

TEST_CASE("the migration walk 0 -> 1 -> 2 -> 3 under a live publisher: every acknowledged message is stored") {
    NatsServer server;
    TestClient client(server.url());
    client.create_stream(legacy_stream_config());
    for (int i = 0; i < 5; ++i) {
        client.js_publish(fmt::format("athlete-ally.hrv.{}", i), "h");
        client.js_publish(fmt::format("vendor.oura.{}", i), "v");
        client.js_publish("sleep.night", "s");
    }

    struct Acked {
        std::string subject;
        std::string stream;
        std::uint64_t seq;
    };
    std::mutex mutex;
    std::vector<Acked> acked;
    std::vector<std::string> problems;
    std::atomic<bool> running{true};
    std::atomic<int> retries{0};
    std::thread publisher([&] {
        TestClient pub(server.url());
        const char* kinds[] = {"athlete-ally.hrv.{}", "vendor.oura.{}", "sleep.{}"};
        for (int i = 0; running; ++i) {
            const std::string subject = fmt::format(fmt::runtime(kinds[i % 3]), i);
            for (int attempt = 0; running || attempt == 0; ++attempt) {
                const auto ack = pub.try_js_publish(subject, std::to_string(i));
                if (!ack) {  // no stream captured the subject for a moment: retry, as a publisher must
                    ++retries;
                    std::this_thread::sleep_for(std::chrono::milliseconds(1));
                    continue;
                }
                std::lock_guard lock(mutex);
                if (ack->contains("error") || !ack->contains("seq")) {
                    problems.push_back(subject + ": " + ack->dump());
                } else {
                    acked.push_back({subject, ack->at("stream"), ack->at("seq")});
                }
                break;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(2));
        }
    });
    auto stored = [&](const Acked& a) {
        const auto reply = client.request("$JS.API.STREAM.MSG.GET." + a.stream, Json{{"seq", a.seq}});
        return reply && reply->contains("message") && reply->at("message").at("subject") == a.subject;
    };
    auto walk = [&](const std::vector<std::string>& args) {
        const auto r = ensure(server.url(), args);
        INFO(args.back(), "\n", r.out, r.err);
        CHECK(r.exit_code == 0);
        return r;
    };

    walk({"--phase", "0"});
    CHECK(config_of(client, "AA_DLQ").at("max_age") == 14 * 24 * kHour);

    // The legacy stream holds vendor.> messages: moving the subject keeps them
    // there (no consent needed), and the plan says so.
    const auto one = ensure(server.url(), {"--phase", "1", "--json"});
    INFO(one.out, one.err);
    CHECK(one.exit_code == 0);
    const Json one_doc = one.json();
    REQUIRE(one_doc.at("subject_moves").size() == 1);
    CHECK(one_doc.at("subject_moves")[0].at("subjects") == Json{"vendor.>"});
    CHECK(one_doc.at("subject_moves")[0].at("from") == "ATHLETE_ALLY_EVENTS");
    CHECK(one_doc.at("subject_moves")[0].at("to") == "AA_VENDOR_HOT");
    CHECK(one_doc.at("subject_moves")[0].at("window_ms").get<double>() >= 0.0);
    bool stranded_warning = false;
    for (const auto& w : one_doc.at("warnings")) {
        stranded_warning = stranded_warning || w.get<std::string>().find("on vendor.> stay in ATHLETE_ALLY_EVENTS") != std::string::npos;
    }
    CHECK(stranded_warning);
    CHECK(sorted_subjects(config_of(client, "ATHLETE_ALLY_EVENTS")) ==
          std::vector<std::string>{"athlete-ally.>", "sleep.*"});
    std::this_thread::sleep_for(std::chrono::milliseconds(150));

    const auto two = walk({"--phase", "2"});
    CHECK(two.out.find("Moved athlete-ally.>, sleep.* from ATHLETE_ALLY_EVENTS to AA_CORE_HOT") != std::string::npos);
    CHECK(config_of(client, "ATHLETE_ALLY_EVENTS").at("subjects") == Json{"ATHLETE_ALLY_EVENTS"});
    walk({"--phase", "2"});  // idempotent
    std::this_thread::sleep_for(std::chrono::milliseconds(150));

    // Before the legacy stream goes, every message acknowledged so far is stored somewhere.
    std::vector<Acked> before_delete;
    {
        std::lock_guard lock(mutex);
        before_delete = acked;
    }
    std::size_t missing = 0;
    std::size_t legacy_vendor = 0;  // vendor.> messages the legacy stream stored before phase 1 moved the subject
    for (const auto& a : before_delete) {
        missing += stored(a) ? 0 : 1;
        if (a.stream == "ATHLETE_ALLY_EVENTS" && a.subject.starts_with("vendor.")) ++legacy_vendor;
    }
    CHECK(missing == 0);
    CHECK(legacy_vendor > 0);  // so removing a subject kept them (nats-server 2.9.10)

    const auto no_flag = ensure(server.url(), {"--phase", "3"});
    CHECK(no_flag.exit_code == 1);
    CHECK(no_flag.out.find("needs --allow-delete") != std::string::npos);
    walk({"--phase", "3", "--allow-delete"});
    CHECK(client.stream_info("ATHLETE_ALLY_EVENTS").contains("error"));
    std::this_thread::sleep_for(std::chrono::milliseconds(100));

    running = false;
    publisher.join();
    std::lock_guard lock(mutex);
    INFO("retries on no responders: ", retries.load());
    CHECK(problems.empty());
    CHECK(acked.size() > 30);
    std::size_t lost = 0;
    std::size_t in_new_streams = 0;
    for (const auto& a : acked) {
        if (a.stream == "ATHLETE_ALLY_EVENTS") continue;  // deleted on purpose at phase 3 (checked above)
        ++in_new_streams;
        lost += stored(a) ? 0 : 1;
    }
    CHECK(in_new_streams > 10);
    CHECK(lost == 0);

    const auto final_check = ensure(server.url(), {"--check"});
    CHECK(final_check.exit_code == 0);
}

TEST_CASE("deleting the legacy stream is refused while a consumer has pending or unacknowledged messages") {
    NatsServer server;
    TestClient client(server.url());
    Json legacy = legacy_stream_config();
    legacy["subjects"] = {"ATHLETE_ALLY_EVENTS"};  // as after phase 2
    client.create_stream(legacy);
    client.js_publish("ATHLETE_ALLY_EVENTS", "left over");
    client.create_durable("ATHLETE_ALLY_EVENTS", Json{{"durable_name", "normalize-hrv-durable"},
                                                      {"ack_policy", "explicit"},
                                                      {"deliver_policy", "all"}});
    const auto pending = ensure(server.url(), {"--phase", "3", "--allow-delete", "--json"});
    CHECK(pending.exit_code == 1);
    const Json a = action_for(pending.json(), "ATHLETE_ALLY_EVENTS");
    CHECK(a.at("intended") == "delete");
    CHECK(a.at("reason").get<std::string>().find("consumer normalize-hrv-durable still has 1 pending and 0 unacknowledged") !=
          std::string::npos);

    const auto fetched = client.fetch("ATHLETE_ALLY_EVENTS", "normalize-hrv-durable", 1);
    REQUIRE(fetched.size() == 1);
    const auto unacked = ensure(server.url(), {"--phase", "3", "--allow-delete"});
    CHECK(unacked.exit_code == 1);
    CHECK(unacked.out.find("0 pending and 1 unacknowledged") != std::string::npos);

    client.ack(fetched[0]);
    const auto drained = ensure(server.url(), {"--phase", "3", "--allow-delete"});
    INFO(drained.out, drained.err);
    CHECK(drained.exit_code == 0);
    CHECK(drained.out.find("- delete    ATHLETE_ALLY_EVENTS (legacy)") != std::string::npos);
    CHECK(client.stream_info("ATHLETE_ALLY_EVENTS").contains("error"));
}

TEST_CASE("parallel runs on a fresh server converge") {
    NatsServer server;
    TestClient client(server.url());
    std::vector<std::future<RunResult>> runs;
    for (int i = 0; i < 4; ++i) {
        runs.push_back(std::async(std::launch::async, [&] { return ensure(server.url(), {"--json"}); }));
    }
    for (auto& run : runs) {
        const RunResult r = run.get();
        INFO(r.out, r.err);
        CHECK(r.exit_code == 0);
    }
    CHECK(sorted_subjects(config_of(client, "AA_CORE_HOT")) == std::vector<std::string>{"athlete-ally.>", "sleep.*"});
    const auto check = ensure(server.url(), {"--check"});
    CHECK(check.exit_code == 0);

    // The migration step run in parallel too.
    NatsServer legacy_server;
    TestClient legacy_client(legacy_server.url());
    legacy_client.create_stream(legacy_stream_config());
    std::vector<std::future<RunResult>> steps;
    for (int i = 0; i < 3; ++i) {
        steps.push_back(std::async(std::launch::async, [&] { return ensure(legacy_server.url(), {"--phase", "1"}); }));
    }
    for (auto& step : steps) {
        const RunResult r = step.get();
        INFO(r.out, r.err);
        CHECK(r.exit_code == 0);
    }
    CHECK(ensure(legacy_server.url(), {"--phase", "1", "--check"}).exit_code == 0);
}

TEST_CASE("usage and connection errors") {
    const auto bad_phase = run_aa_nats({"ensure-streams", "--phase", "4"});
    CHECK(bad_phase.exit_code == 2);
    CHECK(bad_phase.err.starts_with("aa-nats: error: "));
    const auto bad_mode = run_aa_nats({"ensure-streams", "--json"}, {{"EVENT_STREAM_MODE", "dual"}});
    CHECK(bad_mode.exit_code == 2);
    CHECK(bad_mode.json().at("error").at("exit_code") == 2);
    const auto down = run_aa_nats(
        {"ensure-streams", "--json", "--timeout", "500ms", "-s", fmt::format("nats://127.0.0.1:{}", aa::test::free_port())});
    CHECK(down.exit_code == 3);
    CHECK(down.json().at("error").at("exit_code") == 3);
    NatsServer no_js(aa::test::ServerOptions{.jetstream = false, .user = {}, .password = {}, .extra_args = {}});
    const auto without_js = run_aa_nats({"ensure-streams", "-s", no_js.url()});
    CHECK(without_js.exit_code == 3);
}

TEST_CASE("stream-info shows the same drift for each managed stream") {
    NatsServer server;
    TestClient client(server.url());
    Json core = legacy_stream_config(24 * kHour);
    core["name"] = "AA_CORE_HOT";
    core["subjects"] = {"athlete-ally.>", "sleep.*"};
    if (aa::test::server_at_least(2, 10)) core["compression"] = "s2";  // managed from 2.10: max_age is the one drift
    client.create_stream(core);
    Json legacy = legacy_stream_config();
    legacy["subjects"] = {"legacy.>"};  // a legacy stream that no longer overlaps, so multi mode can plan
    if (aa::test::server_at_least(2, 10)) legacy["compression"] = "s2";  // its one drift in single mode: subjects
    client.create_stream(legacy);

    const auto plan = ensure(server.url(), {"--dry-run", "--json"});
    const Json planned = action_for(plan.json(), "AA_CORE_HOT");
    REQUIRE(planned.at("changes").size() == 1);

    const auto info = run_aa_nats({"stream-info", "--json", "-s", server.url()});
    CHECK(info.exit_code == 0);
    const Json doc = info.json();
    CHECK(doc.at("streams")[0].at("name") == "AA_CORE_HOT");
    CHECK(doc.at("streams")[0].at("drift") == planned.at("changes"));
    CHECK_FALSE(doc.at("streams")[1].contains("drift"));  // not found
    CHECK_FALSE(doc.at("streams")[3].contains("drift"));  // legacy: not managed in multi mode

    const auto human = run_aa_nats({"stream-info", "AA_CORE_HOT", "-s", server.url()});
    CHECK(human.out.find("Drift:            max_age: 24h → 48h\n") != std::string::npos);

    const auto single = run_aa_nats({"stream-info", "--json", "-s", server.url()}, {{"EVENT_STREAM_MODE", "single"}});
    const Json single_legacy = single.json().at("streams")[3];
    REQUIRE(single_legacy.at("drift").size() == 1);
    CHECK(single_legacy.at("drift")[0].at("field") == "subjects");
}

TEST_CASE("the migration walk on a 3-node cluster with R3 streams, several times over") {
    // On a cluster the meta leader may briefly still see a subject the legacy
    // stream just released; each move must converge anyway.
    aa::test::NatsCluster cluster;
    TestClient client(cluster.url(0));
    const std::map<std::string, std::string> production{{"NODE_ENV", "production"}};
    for (int round = 0; round < 3; ++round) {
        CAPTURE(round);
        auto single = production;
        single["EVENT_STREAM_MODE"] = "single";
        REQUIRE(ensure(cluster.url(round % 3), {}, single).exit_code == 0);
        client.js_publish("vendor.oura.sleep", "{}");
        client.js_publish("athlete-ally.hrv", "{}");
        for (const char* phase : {"0", "1", "2"}) {
            CAPTURE(phase);
            const auto r = ensure(cluster.url(round % 3), {"--phase", phase}, production);
            INFO(r.out, r.err);
            CHECK(r.exit_code == 0);
        }
        const auto three = ensure(cluster.url(round % 3), {"--phase", "3", "--allow-delete"}, production);
        INFO(three.out, three.err);
        CHECK(three.exit_code == 0);
        CHECK(client.stream_info("ATHLETE_ALLY_EVENTS").contains("error"));
        CHECK(sorted_subjects(config_of(client, "AA_CORE_HOT")) == std::vector<std::string>{"athlete-ally.>", "sleep.*"});
        CHECK(config_of(client, "AA_VENDOR_HOT").at("num_replicas") == 3);
        for (const char* name : {"AA_CORE_HOT", "AA_VENDOR_HOT", "AA_DLQ"}) client.delete_stream(name);
    }
}

TEST_CASE("phase 3 straight from phase 1: the delete releases the subjects before the core stream claims them") {
    NatsServer server;
    TestClient client(server.url());
    REQUIRE(ensure(server.url(), {}, {{"EVENT_STREAM_MODE", "single"}}).exit_code == 0);
    REQUIRE(ensure(server.url(), {"--phase", "1"}).exit_code == 0);
    const auto three = ensure(server.url(), {"--phase", "3", "--allow-delete", "--json"});
    INFO(three.out, three.err);
    CHECK(three.exit_code == 0);
    const Json doc = three.json();
    REQUIRE(doc.at("subject_moves").size() == 1);
    CHECK(doc.at("subject_moves")[0].at("from") == "ATHLETE_ALLY_EVENTS");
    CHECK(doc.at("subject_moves")[0].at("to") == "AA_CORE_HOT");
    CHECK(client.stream_info("ATHLETE_ALLY_EVENTS").contains("error"));
    CHECK(sorted_subjects(config_of(client, "AA_CORE_HOT")) == std::vector<std::string>{"athlete-ally.>", "sleep.*"});
}
