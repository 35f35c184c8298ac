// Every JSON document of ensure-streams, migrate-verify and stream-info along
// the migration on a real single-node server, phase by phase as the runbook
// runs it, is valid against its schema in docs/schema/ (docs/json-output.md):
// plans, applies, checks that fail, refusals, subject moves, --detect.

#include <doctest/doctest.h>

#include <map>
#include <string>
#include <vector>

#include "tests/support/schema_check.hpp"

using aa::test::Json;
using aa::test::NatsServer;
using aa::test::run_and_check;
using aa::test::schema_problems;
using aa::test::TestClient;

namespace {

constexpr const char* kLegacy = "ATHLETE_ALLY_EVENTS";

Json durable(const std::string& name, const std::string& filter) {
    return Json{{"durable_name", name}, {"ack_policy", "explicit"}, {"max_deliver", 5},
                {"ack_wait", 60000000000LL}, {"filter_subject", filter}};
}

// One aa-nats command against SERVER with --json, checked against SCHEMA; its document.
struct Commands {
    const NatsServer& server;
    Json run(std::vector<std::string> args, int expected_exit, const std::string& schema) const {
        args.insert(args.end(), {"--json", "-s", server.url()});
        return run_and_check(args, expected_exit, schema);
    }
    Json ensure(std::vector<std::string> args, int expected_exit) const {
        args.insert(args.begin(), "ensure-streams");
        return run(args, expected_exit, "ensure-streams.schema.json");
    }
    Json verify(std::vector<std::string> args, int expected_exit) const {
        args.insert(args.begin(), "migrate-verify");
        return run(args, expected_exit, "migrate-verify.schema.json");
    }
    Json info(std::vector<std::string> args, int expected_exit) const {
        args.insert(args.begin(), "stream-info");
        return run(args, expected_exit, "stream-info.schema.json");
    }
};

// Before the migration: the legacy stream captures everything, holds both
// durables, and the HRV one has messages pending.
void legacy_server(TestClient& client) {
    client.create_stream(aa::test::legacy_stream_config());
    client.create_durable(kLegacy, durable("normalize-hrv-durable", "athlete-ally.>"));
    client.create_durable(kLegacy, durable("normalize-oura", "vendor.>"));
    for (int i = 0; i < 3; ++i) client.js_publish("athlete-ally.hrv", "{}");
}

}  // namespace

TEST_CASE("before the migration: stream-info and migrate-verify --detect, and phase 0 planned, checked, applied") {
    NatsServer server;
    TestClient client(server.url());
    legacy_server(client);
    const Commands aa{server};

    const Json topology = aa.info({}, 0);
    CHECK(topology.at("uncaptured") == Json{"dlq.>"});
    CHECK(topology.at("streams")[3].at("found") == true);
    const Json detected = aa.verify({"--detect"}, 1);
    CHECK(detected.at("detected_phase").is_null());
    aa.verify({"0"}, 1);

    const Json plan = aa.ensure({"--phase", "0", "--dry-run"}, 0);
    CHECK(plan.at("actions")[0].at("action") == "create");
    CHECK(aa.ensure({"--phase", "0", "--check"}, 1).at("drift") == true);
    CHECK(aa.ensure({"--phase", "0"}, 0).at("actions")[0].at("applied") == true);
    CHECK(aa.verify({"0"}, 0).at("verified") == true);
    CHECK(aa.ensure({"--phase", "0", "--check"}, 0).at("drift") == false);
}

TEST_CASE("phases 1 to 3: subject moves, a durable not there yet, a legacy consumer not drained, a rollback plan, a refusal") {
    NatsServer server;
    TestClient client(server.url());
    legacy_server(client);
    const Commands aa{server};
    aa.ensure({"--phase", "0"}, 0);

    const Json phase1 = aa.ensure({"--phase", "1"}, 0);
    REQUIRE(phase1.at("subject_moves").size() == 1);
    CHECK(phase1.at("subject_moves")[0].at("window_ms").is_number());
    CHECK(aa.verify({"1"}, 1).at("failed") == 1);  // the services have not created normalize-oura there yet
    client.create_durable("AA_VENDOR_HOT", durable("normalize-oura", "vendor.>"));
    aa.verify({"1"}, 0);

    aa.ensure({"--phase", "2"}, 0);
    client.create_durable("AA_CORE_HOT", durable("normalize-hrv-durable", "athlete-ally.>"));
    const Json phase2 = aa.verify({"2"}, 0);
    CHECK(phase2.at("warnings") == 1);  // the legacy HRV durable still has messages pending
    CHECK(aa.verify({"--detect"}, 0).at("detected_phase") == 2);
    const Json rollback = aa.ensure({"--phase", "1", "--dry-run"}, 0);  // the plan that moves core subjects back
    REQUIRE(rollback.at("subject_moves").size() == 1);
    CHECK(rollback.at("subject_moves")[0].at("from") == "AA_CORE_HOT");

    const Json refused = aa.ensure({"--phase", "3"}, 1);  // deleting the legacy stream needs --allow-delete
    CHECK(refused.at("actions").back().at("action") == "refused");
    CHECK(refused.at("actions").back().at("intended") == "delete");
    aa.verify({"3"}, 1);
    aa.info({}, 0);
    aa.info({"--all"}, 0);
    CHECK(aa.info({"AA_CORE_HOT", "NOPE"}, 1).at("streams")[1].at("found") == false);
}

TEST_CASE("drift and refusals in the mode's topology: a stream that differs, storage that cannot change") {
    NatsServer server;
    TestClient client(server.url());
    client.create_stream(Json{{"name", "AA_CORE_HOT"}, {"subjects", {"athlete-ally.>", "sleep.*"}}, {"storage", "memory"},
                              {"max_age", 3600000000000LL}});
    const Commands aa{server};
    const Json info = aa.info({}, 0);
    CHECK(info.at("streams")[0].at("drift").size() >= 2);
    const Json refused = aa.ensure({}, 1);
    CHECK(refused.at("actions")[0].at("action") == "refused");
    CHECK(refused.at("actions")[0].at("intended") == "update");
    CHECK(aa.ensure({"--check"}, 1).at("check") == true);
    const Json named = aa.info({"AA_CORE_HOT"}, 0);

    // The schemas are strict: these documents, altered, are rejected.
    auto rejected = [](Json doc, const std::string& schema) { return !schema_problems(doc, schema).empty(); };
    Json missing_with_info = info;
    missing_with_info["streams"][1]["info"] = Json::object();  // AA_VENDOR_HOT is not found
    CHECK(rejected(missing_with_info, "stream-info.schema.json"));
    Json named_with_uncaptured = named;
    named_with_uncaptured["uncaptured"] = Json::array();  // only with capture
    CHECK(rejected(named_with_uncaptured, "stream-info.schema.json"));
    Json refused_but_applied = refused;
    refused_but_applied["actions"][0]["applied"] = true;
    CHECK(rejected(refused_but_applied, "ensure-streams.schema.json"));
    Json unknown_action = refused;
    unknown_action["actions"][0]["action"] = "replace";
    CHECK(rejected(unknown_action, "ensure-streams.schema.json"));
}

TEST_CASE("the migrate-verify schema is strict: a real document altered is rejected") {
    NatsServer server;
    TestClient client(server.url());
    legacy_server(client);
    const Commands aa{server};
    const Json failed = aa.verify({"0"}, 1);
    auto rejected = [](Json doc) { return !schema_problems(doc, "migrate-verify.schema.json").empty(); };
    Json claims_verified = failed;
    claims_verified["verified"] = true;  // a check failed
    CHECK(rejected(claims_verified));
    Json both_forms = failed;
    both_forms["detected_phase"] = nullptr;
    CHECK(rejected(both_forms));
    Json unknown_status = failed;
    unknown_status["checks"][0]["status"] = "skipped";
    CHECK(rejected(unknown_status));
}
