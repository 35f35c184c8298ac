// migrate-verify against real nats-servers: each phase's target state is built
// by an independent client (TestClient), the way a migration would move it,
// then verified by the real binary.

#include <doctest/doctest.h>

#include <algorithm>
#include <functional>
#include <map>

#include <fmt/format.h>

#include "tests/support/harness.hpp"

using aa::test::Json;
using aa::test::NatsServer;
using aa::test::run_aa_nats;
using aa::test::TestClient;

namespace {

constexpr const char* kLegacy = "ATHLETE_ALLY_EVENTS";

// Replicas for the streams build_phase creates (3 on the cluster test).
int g_replicas = 1;

Json stream_config(const std::string& name, const std::vector<std::string>& subjects) {
    return Json{{"name", name},        {"subjects", subjects},     {"storage", "file"},
                {"discard", "old"},    {"max_age", 172800000000000LL}, {"duplicate_window", 120000000000LL},
                {"num_replicas", g_replicas}};
}

Json durable(const std::string& name, const std::string& filter) {
    return Json{{"durable_name", name},   {"ack_policy", "explicit"}, {"max_deliver", 5},
                {"ack_wait", 60000000000LL}, {"filter_subject", filter},  {"deliver_policy", "all"}};
}

void update_stream(TestClient& client, const Json& config) {
    client.api("$JS.API.STREAM.UPDATE." + config.at("name").get<std::string>(), config);
}

void delete_consumer(TestClient& client, const std::string& stream, const std::string& name) {
    client.api("$JS.API.CONSUMER.DELETE." + stream + "." + name);
}

// Builds the target state of PHASE step by step, as the runbook moves it:
// before the migration the legacy stream captures everything and holds both durables.
void build_phase(TestClient& client, int phase) {
    client.create_stream(stream_config(kLegacy, {"athlete-ally.>", "vendor.>", "sleep.*"}));
    client.create_durable(kLegacy, durable("normalize-hrv-durable", "athlete-ally.>"));
    client.create_durable(kLegacy, durable("normalize-oura", "vendor.>"));
    client.create_stream(stream_config("AA_DLQ", {"dlq.>"}));
    if (phase < 1) return;
    delete_consumer(client, kLegacy, "normalize-oura");
    update_stream(client, stream_config(kLegacy, {"athlete-ally.>", "sleep.*"}));
    client.create_stream(stream_config("AA_VENDOR_HOT", {"vendor.>"}));
    client.create_durable("AA_VENDOR_HOT", durable("normalize-oura", "vendor.>"));
    if (phase < 2) return;
    update_stream(client, stream_config(kLegacy, {}));  // the server gives it its own name as subject
    client.create_stream(stream_config("AA_CORE_HOT", {"athlete-ally.>", "sleep.*"}));
    client.create_durable("AA_CORE_HOT", durable("normalize-hrv-durable", "athlete-ally.>"));
    if (phase < 3) return;
    client.delete_stream(kLegacy);
}

std::vector<std::string> ids_with(const Json& doc, const std::string& status) {
    std::vector<std::string> out;
    for (const auto& check : doc.at("checks")) {
        if (check.at("status") == status) out.push_back(check.at("id"));
    }
    return out;
}

using Ids = std::vector<std::string>;

}  // namespace

TEST_CASE("each phase's target state verifies, the next phase does not, and --detect finds it") {
    for (int phase = 0; phase <= 3; ++phase) {
        CAPTURE(phase);
        NatsServer server;
        TestClient client(server.url());
        build_phase(client, phase);

        const auto ok = run_aa_nats({"migrate-verify", std::to_string(phase), "--json", "-s", server.url()});
        INFO(ok.out, ok.err);
        CHECK(ok.exit_code == 0);
        const Json doc = ok.json();
        CHECK(doc.at("phase") == phase);
        CHECK(doc.at("verified") == true);
        CHECK(doc.at("failed") == 0);
        CHECK(doc.at("warnings") == 0);
        CHECK(ids_with(doc, "fail") == Ids{});
        CHECK(doc.at("passed") == doc.at("checks").size());

        const auto detected = run_aa_nats({"migrate-verify", "--detect", "--json", "-s", server.url()});
        CHECK(detected.exit_code == 0);
        CHECK(detected.json().at("detected_phase") == phase);

        if (phase < 3) {
            const auto next = run_aa_nats({"migrate-verify", std::to_string(phase + 1), "--json", "-s", server.url()});
            CHECK(next.exit_code == 1);
            CHECK(next.json().at("verified") == false);
        }
    }
}

TEST_CASE("human output: one line per check, the real phase number, PASS/FAIL/WARN without a terminal") {
    NatsServer server;
    TestClient client(server.url());
    build_phase(client, 2);
    const auto passed = run_aa_nats({"migrate-verify", "2", "-s", server.url()});
    INFO(passed.out);
    CHECK(passed.exit_code == 0);
    CHECK(passed.out.starts_with(fmt::format("Phase 2 migration verification @ {} (nats-server ", server.url())));
    CHECK(passed.out.find("PASS legacy.released-core: legacy stream ATHLETE_ALLY_EVENTS captures none of "
                          "athlete-ally.>, sleep.*\n") != std::string::npos);
    CHECK(passed.out.find("PASS core.hrv-durable: durable normalize-hrv-durable exists on AA_CORE_HOT\n") !=
          std::string::npos);
    CHECK(passed.out.ends_with("Results: 18 passed, 0 failed, 0 warnings\nPhase 2 verification PASSED\n"));
    CHECK(passed.out.find("${phase}") == std::string::npos);
    CHECK(passed.out.find("\x1b[") == std::string::npos);
    CHECK(passed.out.find("✅") == std::string::npos);

    const auto failed = run_aa_nats({"migrate-verify", "3", "-s", server.url()});
    CHECK(failed.exit_code == 1);
    CHECK(failed.out.find("FAIL legacy.absent: legacy stream ATHLETE_ALLY_EVENTS does not exist (expected: absent; "
                          "found: present)\n") != std::string::npos);
    CHECK(failed.out.ends_with("Results: 18 passed, 1 failed, 0 warnings\nPhase 3 verification FAILED\n"));

    const auto detect = run_aa_nats({"migrate-verify", "--detect", "-s", server.url()});
    CHECK(detect.exit_code == 0);
    CHECK(detect.out.find("[3] FAIL legacy.absent: ") != std::string::npos);
    CHECK(detect.out.find("Phase 2: verified (18 passed, 0 failed, 0 warnings)\n") != std::string::npos);
    CHECK(detect.out.ends_with("Phase 3: not verified (18 passed, 1 failed, 0 warnings)\nDetected phase: 2\n"));
}

TEST_CASE("single deviations fail exactly their check") {
    struct Deviation {
        const char* what;
        int phase;
        std::function<void(TestClient&)> apply;
        Ids failed;
        std::map<std::string, std::string> env;
    };
    const std::vector<Deviation> deviations{
        {"missing DLQ stream", 2, [](TestClient& c) { c.delete_stream("AA_DLQ"); }, {"capture.dlq", "dlq.exists"}, {}},
        {"DLQ stream without dlq.>", 0,
         [](TestClient& c) { update_stream(c, stream_config("AA_DLQ", {"dlq.normalize.>"})); },
         {"capture.dlq", "dlq.captures-dlq"}, {}},
        {"HRV DLQ subject outside the DLQ stream", 2, [](TestClient&) {}, {"dlq.captures-hrv-dlq-subject"},
         {{"NORMALIZE_HRV_DLQ_SUBJECT", "deadletter.hrv"}}},
        {"missing vendor stream", 1, [](TestClient& c) { c.delete_stream("AA_VENDOR_HOT"); }, {"capture.vendor", "vendor.exists"}, {}},
        {"core stream without sleep.*", 2,
         [](TestClient& c) { update_stream(c, stream_config("AA_CORE_HOT", {"athlete-ally.>"})); },
         {"capture.sleep", "core.captures-core"}, {}},
        {"missing oura durable", 2, [](TestClient& c) { delete_consumer(c, "AA_VENDOR_HOT", "normalize-oura"); },
         {"vendor.oura-durable"}, {}},
        {"missing HRV durable", 2, [](TestClient& c) { delete_consumer(c, "AA_CORE_HOT", "normalize-hrv-durable"); },
         {"core.hrv-durable"}, {}},
        {"HRV durable named through NORMALIZE_HRV_DURABLE", 2, [](TestClient&) {}, {"core.hrv-durable"},
         {{"NORMALIZE_HRV_DURABLE", "hrv-v2"}}},
        {"HRV consumer filter no longer captured by the core stream", 2,
         [](TestClient& c) {
             // The server refuses a filter outside the stream's subjects on create, so
             // the stream captures it first and drops it afterwards.
             update_stream(c, stream_config("AA_CORE_HOT", {"athlete-ally.>", "sleep.*", "hrv.>"}));
             delete_consumer(c, "AA_CORE_HOT", "normalize-hrv-durable");
             c.create_durable("AA_CORE_HOT", durable("normalize-hrv-durable", "hrv.raw"));
             update_stream(c, stream_config("AA_CORE_HOT", {"athlete-ally.>", "sleep.*"}));
         },
         {"core.hrv-filter"}, {}},
        {"legacy still capturing athlete-ally.> (the core stream cannot then)", 2,
         [](TestClient& c) {
             c.delete_stream("AA_CORE_HOT");
             update_stream(c, stream_config(kLegacy, {"athlete-ally.>"}));
         },
         {"capture.sleep", "core.exists", "legacy.released-core"}, {}},
        {"legacy present in phase 3", 3, [](TestClient&) {}, {"legacy.absent"}, {}},
    };
    for (const auto& d : deviations) {
        CAPTURE(d.what);
        NatsServer server;
        TestClient client(server.url());
        build_phase(client, d.phase == 3 ? 2 : d.phase);
        d.apply(client);
        const auto r = run_aa_nats({"migrate-verify", std::to_string(d.phase), "--json", "-s", server.url()}, d.env);
        INFO(r.out, r.err);
        CHECK(r.exit_code == 1);
        const Json doc = r.json();
        CHECK(ids_with(doc, "fail") == d.failed);
        CHECK(doc.at("failed") == d.failed.size());
    }
}

TEST_CASE("legacy still capturing vendor.>: the server forbids the vendor stream capturing it too") {
    // Subjects may not overlap between streams (err_code 10065), so a vendor stream
    // created while the legacy stream keeps vendor.> can only capture something else.
    NatsServer server;
    TestClient client(server.url());
    build_phase(client, 0);
    client.create_stream(stream_config("AA_VENDOR_HOT", {"vendor-hot.placeholder"}));
    client.create_durable("AA_VENDOR_HOT", durable("normalize-oura", "vendor-hot.placeholder"));
    const auto r = run_aa_nats({"migrate-verify", "1", "--json", "-s", server.url()});
    CHECK(r.exit_code == 1);
    const Json doc = r.json();
    CHECK(ids_with(doc, "fail") == Ids{"vendor.captures-vendor", "legacy.released-vendor"});
    for (const auto& check : doc.at("checks")) {
        if (check.at("id") == "legacy.released-vendor") CHECK(check.at("found") == Json::array({"vendor.>"}));
    }
}

TEST_CASE("legacy consumers with pending or unacknowledged messages warn in phase 2 and block phase 3") {
    NatsServer server;
    TestClient client(server.url());
    build_phase(client, 1);
    for (int i = 0; i < 3; ++i) client.js_publish("athlete-ally.hrv.raw-received", fmt::format("{{\"i\":{}}}", i));
    const auto taken = client.fetch(kLegacy, "normalize-hrv-durable", 1);  // delivered, not acknowledged
    REQUIRE(taken.size() == 1);
    update_stream(client, stream_config(kLegacy, {}));
    client.create_stream(stream_config("AA_CORE_HOT", {"athlete-ally.>", "sleep.*"}));
    client.create_durable("AA_CORE_HOT", durable("normalize-hrv-durable", "athlete-ally.>"));

    const auto warned = run_aa_nats({"migrate-verify", "2", "--json", "-s", server.url()});
    INFO(warned.out);
    CHECK(warned.exit_code == 0);
    const Json doc = warned.json();
    CHECK(doc.at("verified") == true);
    CHECK(doc.at("warnings") == 1);
    CHECK(ids_with(doc, "warn") == Ids{"legacy.consumers-drained"});
    for (const auto& check : doc.at("checks")) {
        if (check.at("id") != "legacy.consumers-drained") continue;
        CHECK(check.at("found") == Json::array({Json{{"consumer", "normalize-hrv-durable"},
                                                     {"num_pending", 2},
                                                     {"num_ack_pending", 1}}}));
    }
    const auto human = run_aa_nats({"migrate-verify", "2", "-s", server.url()});
    CHECK(human.out.find("WARN legacy.consumers-drained: ") != std::string::npos);
    CHECK(human.out.ends_with("Results: 17 passed, 0 failed, 1 warnings\nPhase 2 verification PASSED\n"));

    const auto blocked = run_aa_nats({"migrate-verify", "3", "--json", "-s", server.url()});
    CHECK(blocked.exit_code == 1);
    CHECK(ids_with(blocked.json(), "fail") == Ids{"legacy.consumers-drained", "legacy.absent"});

    // Drained: everything acknowledged, the warning goes away.
    client.ack(taken[0]);
    for (const auto& m : client.fetch(kLegacy, "normalize-hrv-durable", 10)) client.ack(m);
    const auto drained = run_aa_nats({"migrate-verify", "2", "--json", "-s", server.url()});
    CHECK(drained.exit_code == 0);
    CHECK(drained.json().at("warnings") == 0);
}

TEST_CASE("stream names and durables come from the environment") {
    NatsServer server;
    TestClient client(server.url());
    client.create_stream(stream_config("MY_DLQ", {"dlq.>"}));
    client.create_stream(stream_config("MY_VENDOR", {"vendor.>"}));
    client.create_durable("MY_VENDOR", durable("oura-v2", "vendor.oura.>"));
    // Phase 1 without a legacy stream: the core stream already captures athlete and sleep events.
    client.create_stream(stream_config("MY_CORE", {"athlete-ally.>", "sleep.*"}));
    const std::map<std::string, std::string> env{{"NATS_URL", server.url()},
                                                 {"STREAM_CORE_NAME", "MY_CORE"},
                                                 {"STREAM_DLQ_NAME", "MY_DLQ"},
                                                 {"STREAM_VENDOR_NAME", "MY_VENDOR"},
                                                 {"NORMALIZE_OURA_DURABLE", "oura-v2"}};
    const auto r = run_aa_nats({"migrate-verify", "1", "--json"}, env);
    INFO(r.out, r.err);
    CHECK(r.exit_code == 0);
    const Json doc = r.json();
    CHECK(r.out.find("\"dlq stream MY_DLQ exists\"") != std::string::npos);
    CHECK(r.out.find("\"by MY_CORE\"") != std::string::npos);
    CHECK(r.out.find("durable oura-v2 exists on MY_VENDOR") != std::string::npos);
    // The legacy stream is already gone: its checks pass with a note.
    CHECK(r.out.find("stream ATHLETE_ALLY_EVENTS does not exist (already deleted)") != std::string::npos);

    auto same = env;
    same["STREAM_LEGACY_NAME"] = "MY_VENDOR";
    const auto clash = run_aa_nats({"migrate-verify", "1"}, same);
    CHECK(clash.exit_code == 2);
    CHECK(clash.err == "aa-nats: error: the vendor and legacy streams have the same name \"MY_VENDOR\" (check "
                       "STREAM_*_NAME)\n");
}

TEST_CASE("--detect on an empty server finds no phase: exit 1, detected_phase null") {
    NatsServer server;
    const auto r = run_aa_nats({"migrate-verify", "--detect", "--json", "-s", server.url()});
    CHECK(r.exit_code == 1);
    const Json doc = r.json();
    CHECK(doc.at("detected_phase").is_null());
    REQUIRE(doc.at("phases").size() == 4);
    for (const auto& p : doc.at("phases")) CHECK(p.at("verified") == false);
    const auto human = run_aa_nats({"migrate-verify", "--detect", "-s", server.url()});
    CHECK(human.exit_code == 1);
    CHECK(human.out.find("Detected phase: none\nBefore phase 0: no stream captures these subjects yet (aa-nats ensure-streams --phase 0 "
                         "creates the streams).\n") !=
          std::string::npos);
    CHECK(human.out.ends_with("  dlq.> is captured by no stream: messages published to it now are lost\n"));
}

TEST_CASE("all facts are asked for in one batch: four stream infos, two consumer infos, one consumer list, four capture look-ups") {
    NatsServer server;
    TestClient client(server.url());
    build_phase(client, 1);
    TestClient observer(server.url());
    TestClient::Spy spy(observer, "$JS.API.>");
    const auto r = run_aa_nats({"migrate-verify", "2", "-s", server.url()});
    CHECK(r.exit_code == 1);
    auto seen = aa::test::without_api_level_request(spy.subjects());
    std::sort(seen.begin(), seen.end());
    CHECK(seen == std::vector<std::string>{
                      "$JS.API.CONSUMER.INFO.AA_CORE_HOT.normalize-hrv-durable",
                      "$JS.API.CONSUMER.INFO.AA_VENDOR_HOT.normalize-oura",
                      "$JS.API.CONSUMER.LIST.ATHLETE_ALLY_EVENTS",
                      "$JS.API.STREAM.INFO.AA_CORE_HOT",
                      "$JS.API.STREAM.INFO.AA_DLQ",
                      "$JS.API.STREAM.INFO.AA_VENDOR_HOT",
                      "$JS.API.STREAM.INFO.ATHLETE_ALLY_EVENTS",
                      "$JS.API.STREAM.LIST",
                      "$JS.API.STREAM.LIST",
                      "$JS.API.STREAM.LIST",
                      "$JS.API.STREAM.LIST",
                  });
}

TEST_CASE("bad phases and bad combinations exit 2 with one line, before any connection") {
    const std::string nowhere = fmt::format("nats://127.0.0.1:{}", aa::test::free_port());
    for (const std::vector<std::string>& args :
         std::vector<std::vector<std::string>>{{"4"}, {"-1"}, {"two"}, {"1.5"}, {"01"}, {"1x"}, {}, {"2", "--detect"}}) {
        std::vector<std::string> full{"migrate-verify"};
        full.insert(full.end(), args.begin(), args.end());
        full.insert(full.end(), {"-s", nowhere});
        CAPTURE(fmt::format("{}", fmt::join(full, " ")));
        const auto r = run_aa_nats(full);
        CHECK(r.exit_code == 2);
        CHECK(r.err.starts_with("aa-nats: error: "));
        CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
        CHECK(r.out.empty());
    }
    const auto json = run_aa_nats({"migrate-verify", "7", "--json", "-s", nowhere});
    CHECK(json.exit_code == 2);
    CHECK(json.json().at("error").at("message") == "phase \"7\": expected 0, 1, 2 or 3");
    const auto bad_durable = run_aa_nats({"migrate-verify", "0", "-s", nowhere}, {{"NORMALIZE_HRV_DURABLE", "a.b"}});
    CHECK(bad_durable.exit_code == 2);
}

TEST_CASE("a server that is down or lacks JetStream exits 3, never 'not migrated'") {
    const int port = aa::test::free_port();
    const auto down = run_aa_nats(
        {"migrate-verify", "0", "--json", "--timeout", "750ms", "-s", fmt::format("nats://127.0.0.1:{}", port)});
    CHECK(down.exit_code == 3);
    CHECK(down.json().at("error").at("exit_code") == 3);
    CHECK(down.elapsed < std::chrono::milliseconds(1750));
    const auto detect_down = run_aa_nats(
        {"migrate-verify", "--detect", "--timeout", "750ms", "-s", fmt::format("nats://127.0.0.1:{}", port)});
    CHECK(detect_down.exit_code == 3);
    CHECK(detect_down.out.empty());

    NatsServer plain(aa::test::ServerOptions{.jetstream = false, .user = {}, .password = {}, .extra_args = {}});
    const auto no_js = run_aa_nats({"migrate-verify", "2", "-s", plain.url()});
    CHECK(no_js.exit_code == 3);
    CHECK(no_js.err.find("JetStream is not enabled or not reachable") != std::string::npos);

    // The server goes away between two runs: the second one cannot look.
    NatsServer server;
    TestClient client(server.url());
    build_phase(client, 3);
    CHECK(run_aa_nats({"migrate-verify", "3", "-s", server.url()}).exit_code == 0);
    server.stop();
    CHECK(run_aa_nats({"migrate-verify", "3", "--timeout", "750ms", "-s", server.url()}).exit_code == 3);
}

TEST_CASE("a 3-node cluster with R3 streams: phase 2 and 3 verified through any node") {
    aa::test::NatsCluster cluster;
    TestClient client(cluster.url(0));
    g_replicas = 3;
    build_phase(client, 2);
    g_replicas = 1;
    const auto two = run_aa_nats({"migrate-verify", "2", "--json", "-s", cluster.url(1)});
    INFO(two.out, two.err);
    CHECK(two.exit_code == 0);
    CHECK(two.json().at("server").at("clustered") == true);
    client.delete_stream(kLegacy);
    const auto detect = run_aa_nats({"migrate-verify", "--detect", "--json", "-s", cluster.url(2)});
    CHECK(detect.exit_code == 0);
    CHECK(detect.json().at("detected_phase") == 3);
}
