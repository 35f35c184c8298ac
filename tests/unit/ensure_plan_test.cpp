// The ensure-streams planner on stream infos captured from nats-server 2.9.10
// (tests/fixtures), adjusted where a test needs another state.

#include <doctest/doctest.h>

#include <algorithm>

#include "tests/unit/ensure_plan_support.hpp"

using namespace aa::test::ensure_plan;

TEST_CASE("multi mode: the captured core stream is unchanged, the others are created") {
    const es::Plan plan = es::make_plan(target(), facts_with({core_info()}), {});
    CHECK(action(plan, "AA_CORE_HOT").action == es::Action::unchanged);
    CHECK(action(plan, "AA_VENDOR_HOT").action == es::Action::create);
    CHECK_FALSE(action(plan, "AA_VENDOR_HOT").config.contains("compression"));
    CHECK(action(plan, "AA_DLQ").config.at("max_age") == 14 * 24 * kHour);
    CHECK(plan.warnings.size() == 1);  // compression unsupported on 2.9.10
    CHECK_FALSE(es::has_refusals(plan));
    CHECK(es::has_drift(plan));
}

TEST_CASE("compression support: from the stream configs, else from the version") {
    es::Facts facts = facts_with({});
    CHECK_FALSE(es::compression_supported(facts));
    facts.server.version = "2.10.4";
    CHECK(es::compression_supported(facts));
    facts.server.version = std::nullopt;
    CHECK_FALSE(es::compression_supported(facts));
    es::Facts with_stream = facts_with({core_info()});
    with_stream.server.version = "2.10.4";
    CHECK_FALSE(es::compression_supported(with_stream));  // the reply wins over the version
}

TEST_CASE("a legacy stream capturing the subjects: multi mode is refused with the phases as the way forward") {
    const es::Plan plan = es::make_plan(target(), facts_with({legacy_info()}), {});
    const auto& core = action(plan, "AA_CORE_HOT");
    CHECK(core.action == es::Action::refused);
    CHECK(core.intended == es::Action::create);
    CHECK(core.reason.find("--phase 1, --phase 2, then --phase 3 --allow-delete") != std::string::npos);
    CHECK(action(plan, "AA_VENDOR_HOT").action == es::Action::refused);
    CHECK(action(plan, "AA_DLQ").action == es::Action::create);
    CHECK(es::has_refusals(plan));
}

TEST_CASE("phase 1: vendor.> moves, removal first and addition right after") {
    es::Facts facts = facts_with({legacy_info()});
    facts.subject_messages[{"ATHLETE_ALLY_EVENTS", "vendor.>"}] = 2;
    const auto needs = es::fact_needs(target(1), facts.streams);
    REQUIRE(needs.subject_counts.size() == 1);
    CHECK(needs.subject_counts[0].second == "vendor.>");

    // Removing a subject keeps its stored messages in the legacy stream: no
    // consent needed, but the plan says where they stay.
    const es::Plan plan = es::make_plan(target(1), facts, {});
    CHECK_FALSE(es::has_refusals(plan));
    const bool warned = std::any_of(plan.warnings.begin(), plan.warnings.end(), [](const std::string& w) {
        return w.starts_with("2 stored messages on vendor.> stay in ATHLETE_ALLY_EVENTS");
    });
    CHECK(warned);
    const auto& legacy = action(plan, "ATHLETE_ALLY_EVENTS");
    CHECK(legacy.action == es::Action::update);
    CHECK(legacy.releases == std::vector<std::string>{"vendor.>"});
    CHECK(action(plan, "AA_VENDOR_HOT").claims == std::vector<std::string>{"vendor.>"});
    REQUIRE(plan.moves.size() == 1);
    CHECK(plan.moves[0].from == "ATHLETE_ALLY_EVENTS");
    CHECK(plan.moves[0].to == "AA_VENDOR_HOT");

    // DLQ first (unrelated), then the legacy update, then the vendor create.
    CHECK(apply_order_of(plan) == std::vector<std::string>{"AA_DLQ", "ATHLETE_ALLY_EVENTS", "AA_VENDOR_HOT"});
}

TEST_CASE("phase 3 straight from phase 1: the legacy delete goes before the core create that claims its subjects") {
    Json legacy = legacy_info(0);
    legacy["config"]["subjects"] = {"athlete-ally.>", "sleep.*"};  // as phase 1 left it
    Json vendor = core_info();
    vendor["config"]["name"] = "AA_VENDOR_HOT";
    vendor["config"]["subjects"] = {"vendor.>"};
    Json dlq = core_info();
    dlq["config"]["name"] = "AA_DLQ";
    dlq["config"]["subjects"] = {"dlq.>"};
    dlq["config"]["max_age"] = 14 * 24 * kHour;
    const es::Plan plan =
        es::make_plan(target(3), facts_with({legacy, vendor, dlq}), {.allow_delete = true, .allow_data_loss = false});
    CHECK_FALSE(es::has_refusals(plan));
    CHECK(action(plan, "ATHLETE_ALLY_EVENTS").action == es::Action::remove);
    CHECK(action(plan, "AA_CORE_HOT").claims == std::vector<std::string>{"athlete-ally.>", "sleep.*"});
    REQUIRE(plan.moves.size() == 1);
    CHECK(plan.moves[0].from == "ATHLETE_ALLY_EVENTS");
    const std::vector<std::string> order = apply_order_of(plan);
    const auto position = [&](const std::string& name) { return std::find(order.begin(), order.end(), name) - order.begin(); };
    CHECK(position("ATHLETE_ALLY_EVENTS") < position("AA_CORE_HOT"));
}

TEST_CASE("phase 2 without a legacy stream does not create one; phase 3 needs --allow-delete and drained consumers") {
    const es::Plan two = es::make_plan(target(2), facts_with({}), {});
    CHECK_FALSE(has_action(two, "ATHLETE_ALLY_EVENTS"));

    Json legacy = legacy_info(0);
    legacy["config"]["subjects"] = {"ATHLETE_ALLY_EVENTS"};
    es::Facts facts = facts_with({legacy});
    CHECK(es::fact_needs(target(3), facts.streams).consumer_lists == std::vector<std::string>{"ATHLETE_ALLY_EVENTS"});
    facts.consumers["ATHLETE_ALLY_EVENTS"] = {aa::test::fixture("consumer_info_pull.json")};

    const es::Plan no_flag = es::make_plan(target(3), facts, {});
    const auto& refused = action(no_flag, "ATHLETE_ALLY_EVENTS");
    CHECK(refused.action == es::Action::refused);
    CHECK(refused.intended == es::Action::remove);
    CHECK(refused.reason.find("needs --allow-delete") != std::string::npos);
    CHECK(refused.reason.find("consumer normalize-hrv-durable still has 1 pending and 2 unacknowledged") !=
          std::string::npos);

    facts.consumers["ATHLETE_ALLY_EVENTS"].clear();
    const es::Plan plan = es::make_plan(target(3), facts, {.allow_delete = true, .allow_data_loss = false});
    CHECK(action(plan, "ATHLETE_ALLY_EVENTS").action == es::Action::remove);
    CHECK(es::to_string(es::Action::remove) == "delete");
}

TEST_CASE("storage and max age: refused before anything is sent") {
    Json info = core_info();
    info["config"]["storage"] = "memory";
    info["config"]["max_age"] = 96 * kHour;
    const es::Plan plan = es::make_plan(target(), facts_with({info}), {});
    const auto& core = action(plan, "AA_CORE_HOT");
    CHECK(core.action == es::Action::refused);
    CHECK(core.reason.find("storage cannot change in place (memory → file)") != std::string::npos);
    CHECK(core.reason.find("lowering max_age from 4d to 48h") != std::string::npos);
    // --allow-data-loss cannot make the storage change possible.
    CHECK(action(es::make_plan(target(), facts_with({info}), {.allow_delete = false, .allow_data_loss = true}),
                 "AA_CORE_HOT")
              .action == es::Action::refused);
}

TEST_CASE("replicas: production is refused on a standalone server, matches the captured R3 stream on a cluster") {
    const es::Plan standalone = es::make_plan(target(std::nullopt, true), facts_with({core_info()}), {});
    CHECK(action(standalone, "AA_CORE_HOT").action == es::Action::refused);
    CHECK(action(standalone, "AA_DLQ").reason.find("3 replicas on a server that is not clustered") != std::string::npos);

    const es::Facts cluster = facts_with({aa::test::fixture("stream_info_cluster_r3.json")});
    const es::Plan plan = es::make_plan(target(std::nullopt, true), cluster, {});
    CHECK(action(plan, "AA_CORE_HOT").action == es::Action::unchanged);
    CHECK(action(plan, "AA_VENDOR_HOT").action == es::Action::create);
    CHECK(action(plan, "AA_VENDOR_HOT").config.at("num_replicas") == 3);
}

// Core, vendor and DLQ as ensure-streams creates them, from the captured R1 stream FIXTURE.
std::vector<Json> three_streams(const std::string& fixture, int replicas = 1) {
    Json core = aa::test::fixture(fixture);
    core["config"]["num_replicas"] = replicas;
    return {core, renamed(core, "AA_VENDOR_HOT", {"vendor.>"}, 48 * kHour),
            renamed(core, "AA_DLQ", {"dlq.>"}, 14 * 24 * kHour)};
}

TEST_CASE("replicas on a leaf node: its streams show no cluster, so production is refused whatever its greeting") {
    const es::Facts leaf = facts_with(three_streams("stream_info_leaf_r1.json"));
    CHECK(leaf.server.clustering == aa::Clustering::standalone);
    const es::Plan plan = es::make_plan(target(std::nullopt, true), leaf, {});
    for (const auto* name : {"AA_CORE_HOT", "AA_VENDOR_HOT", "AA_DLQ"}) {
        CHECK(action(plan, name).action == es::Action::refused);
        CHECK(action(plan, name).intended == es::Action::update);
        CHECK(action(plan, name).reason.find("3 replicas on a server that is not clustered") != std::string::npos);
    }
}

TEST_CASE("replicas on a cluster whose streams all run R1: production raises them") {
    const es::Plan plan = es::make_plan(target(std::nullopt, true), facts_with(three_streams("stream_info_cluster_r1.json")), {});
    for (const auto* name : {"AA_CORE_HOT", "AA_VENDOR_HOT", "AA_DLQ"}) {
        CHECK(action(plan, name).action == es::Action::update);
        CHECK(action(plan, name).config.at("num_replicas") == 3);
    }
}

TEST_CASE("fewer replicas on a cluster: refused, naming NODE_ENV and the flag; allowed with --allow-fewer-replicas") {
    const es::Facts cluster = facts_with(three_streams("stream_info_cluster_r1.json", 3));
    const es::Plan refused = es::make_plan(target(), cluster, {});
    for (const auto* name : {"AA_CORE_HOT", "AA_VENDOR_HOT", "AA_DLQ"}) {
        const auto& a = action(refused, name);
        CHECK(a.action == es::Action::refused);
        CHECK(a.reason.find("lowering num_replicas from 3 to 1") != std::string::npos);
        CHECK(a.reason.find("NODE_ENV is not production") != std::string::npos);
        CHECK(a.reason.find("--allow-fewer-replicas") != std::string::npos);
    }
    const es::Plan allowed = es::make_plan(target(), cluster, {.allow_fewer_replicas = true});
    CHECK(action(allowed, "AA_CORE_HOT").action == es::Action::update);
    CHECK(action(allowed, "AA_CORE_HOT").config.at("num_replicas") == 1);
}

TEST_CASE("fewer replicas on a standalone server repairs the update trap, with a warning; unknown creates warn") {
    const es::Facts trapped = facts_with({aa::test::fixture("stream_info_after_replicas_update_standalone.json")});
    const es::Plan plan = es::make_plan(target(), trapped, {});
    CHECK(action(plan, "AA_CORE_HOT").action == es::Action::update);
    const auto warned = std::any_of(plan.warnings.begin(), plan.warnings.end(), [](const std::string& w) {
        return w.find("AA_CORE_HOT is set to num_replicas 3 on a server that is not clustered") != std::string::npos;
    });
    CHECK(warned);

    // No stream, and a greeting that names a cluster: creates go to the server, which refuses R3 unless clustered.
    const es::Plan fresh = es::make_plan(target(std::nullopt, true), facts_with({}), {});
    CHECK(action(fresh, "AA_CORE_HOT").action == es::Action::create);
    CHECK(fresh.warnings.front().find("JetStream's replies do not show whether it is clustered") !=
          std::string::npos);
    CHECK(fresh.warnings.front().find("creating AA_CORE_HOT, AA_VENDOR_HOT, AA_DLQ with more than one replica") !=
          std::string::npos);
}

TEST_CASE("clustering unknown: raising replicas is refused unless --assume-clustered; shown standalone stays refused") {
    // An R1 legacy stream on a server whose replies cannot tell (a cluster set to no_advertise, or a leaf
    // node with a cluster block, on 2.9.15 or newer).
    es::Facts unknown = facts_with({legacy_info()});
    unknown.server.clustering = aa::Clustering::unknown;
    const es::Plan refused = es::make_plan(target(0, true), unknown, {});
    const es::StreamAction& legacy = action(refused, "ATHLETE_ALLY_EVENTS");
    CHECK(legacy.action == es::Action::refused);
    CHECK(legacy.reason.find("3 replicas on a server not known to be clustered") != std::string::npos);
    CHECK(legacy.reason.find("pass --assume-clustered if it is one") != std::string::npos);
    // The stream exists: the warning must not say there is none.
    for (const auto& w : refused.warnings) CHECK(w.find("no stream yet") == std::string::npos);

    const es::Plan assumed = es::make_plan(target(0, true), unknown, {.assume_clustered = true});
    CHECK(action(assumed, "ATHLETE_ALLY_EVENTS").action == es::Action::update);
    CHECK(action(assumed, "ATHLETE_ALLY_EVENTS").config.at("num_replicas") == 3);
    CHECK(action(assumed, "AA_DLQ").action == es::Action::create);
    const auto on_your_word = std::any_of(assumed.warnings.begin(), assumed.warnings.end(), [](const std::string& w) {
        return w.starts_with("--assume-clustered: AA_DLQ, ATHLETE_ALLY_EVENTS sent with more than one replica");
    });
    INFO(assumed.warnings.front());
    CHECK(on_your_word);

    es::Facts standalone = facts_with({legacy_info()});
    REQUIRE(standalone.server.clustering == aa::Clustering::standalone);
    const es::Plan still = es::make_plan(target(0, true), standalone, {.assume_clustered = true});
    CHECK(action(still, "ATHLETE_ALLY_EVENTS").action == es::Action::refused);
    CHECK(action(still, "ATHLETE_ALLY_EVENTS").reason.find("a server that is not clustered") != std::string::npos);
    CHECK(action(still, "ATHLETE_ALLY_EVENTS").reason.find("--assume-clustered") == std::string::npos);
}

TEST_CASE("the JSON document names actions and fields as the server does") {
    es::Result result;
    result.plan = es::make_plan(target(), facts_with({legacy_info()}), {});
    const Json doc = es::to_json(result);
    CHECK(doc.at("schema_version") == 1);
    CHECK(doc.at("mode") == "multi");
    CHECK(doc.at("phase").is_null());
    CHECK(doc.at("actions")[0].at("action") == "refused");
    CHECK(doc.at("actions")[0].at("changes")[0].at("field") == "subjects");
    CHECK(doc.at("actions")[0].at("changes")[0].at("from").is_null());
    CHECK(doc.at("exit_code") == 1);
    CHECK(es::exit_code(result) == aa::ExitCode::check_failed);
}

TEST_CASE("a create that lost the race is recognised by its err_code, on the real reply") {
    const aa::ApiReply reply = aa::parse_api_reply(aa::test::fixture_text("stream_create_name_in_use.json"));
    CHECK(reply.is_error(aa::err_code::kStreamNameInUse));
}

TEST_CASE("capture: a lost family is reported before and after; a plan never takes a family from every stream") {
    // Phase 0 with vendor.> already released: the phase-1 plan captures it again.
    Json torn = legacy_info();
    torn["config"]["subjects"] = {"athlete-ally.>", "sleep.*"};
    const es::Plan repair = es::make_plan(target(1), facts_with({torn}), {});
    CHECK(es::has_capture_gaps(repair));
    CHECK(aa::lost_families(repair.capture_now) == std::vector<std::string>{"vendor.>", "dlq.>"});
    CHECK(aa::lost_families(repair.capture_after).empty());

    // A target that releases vendor.> from the legacy stream and has no stream to claim it.
    aa::TargetTopology no_vendor = target(1);
    no_vendor.present.erase(std::remove_if(no_vendor.present.begin(), no_vendor.present.end(),
                                           [](const aa::StreamTarget& t) { return t.stream.role == aa::StreamRole::vendor; }),
                            no_vendor.present.end());
    const es::Plan plan = es::make_plan(no_vendor, facts_with({legacy_info()}), {});
    const es::StreamAction& legacy = action(plan, "ATHLETE_ALLY_EVENTS");
    CHECK(legacy.action == es::Action::refused);
    CHECK(legacy.reason.find("vendor.> would then be captured by no stream") != std::string::npos);
    CHECK(aa::lost_families(plan.capture_after) == std::vector<std::string>{"vendor.>"});
}
