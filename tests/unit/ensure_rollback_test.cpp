// The ensure-streams planner moving a server back to an earlier phase: the
// later phases' streams release the subjects to the legacy stream (created
// again after phase 3), release before claim, nothing deleted; on stream
// infos captured from nats-server 2.9.10 (tests/fixtures), adjusted.

#include <doctest/doctest.h>

#include <algorithm>

#include "tests/unit/ensure_plan_support.hpp"

using namespace aa::test::ensure_plan;

namespace {

Json vendor_info(const std::vector<std::string>& subjects = {"vendor.>"}) {
    return renamed(core_info(), "AA_VENDOR_HOT", subjects, 48 * kHour);
}
Json core_of(const std::vector<std::string>& subjects) { return renamed(core_info(), "AA_CORE_HOT", subjects, 48 * kHour); }
Json dlq_info() { return renamed(core_info(), "AA_DLQ", {"dlq.>"}, 14 * 24 * kHour); }
Json legacy_of(const std::vector<std::string>& subjects) {
    return renamed(legacy_info(), "ATHLETE_ALLY_EVENTS", subjects, 24 * kHour);
}

bool warned(const es::Plan& plan, const std::string& start) {
    return std::any_of(plan.warnings.begin(), plan.warnings.end(),
                       [&](const std::string& w) { return w.starts_with(start); });
}

}  // namespace

TEST_CASE("phase 1 back to 0: the vendor stream releases vendor.> to the legacy stream, keeping its messages") {
    es::Facts facts = facts_with({legacy_of({"athlete-ally.>", "sleep.*"}), vendor_info(), dlq_info()});
    CHECK(es::fact_needs(target(0), facts.streams).subject_counts ==
          std::vector<std::pair<std::string, std::string>>{{"AA_VENDOR_HOT", "vendor.>"}});
    facts.subject_messages[{"AA_VENDOR_HOT", "vendor.>"}] = 3;

    const es::Plan plan = es::make_plan(target(0), facts, {});
    CHECK_FALSE(es::has_refusals(plan));
    const auto& vendor = action(plan, "AA_VENDOR_HOT");
    CHECK(vendor.action == es::Action::update);
    CHECK(vendor.config.at("subjects") == Json{"AA_VENDOR_HOT"});  // what the server fills in for "none"
    CHECK(vendor.releases == std::vector<std::string>{"vendor.>"});
    CHECK(action(plan, "ATHLETE_ALLY_EVENTS").claims == std::vector<std::string>{"vendor.>"});
    CHECK_FALSE(has_action(plan, "AA_CORE_HOT"));  // missing, and never created by a rollback
    REQUIRE(plan.moves.size() == 1);
    CHECK(plan.moves[0].from == "AA_VENDOR_HOT");
    CHECK(plan.moves[0].to == "ATHLETE_ALLY_EVENTS");
    CHECK(apply_order_of(plan) == std::vector<std::string>{"AA_VENDOR_HOT", "ATHLETE_ALLY_EVENTS"});
    CHECK(aa::lost_families(plan.capture_after).empty());

    CHECK(warned(plan, "3 stored messages on vendor.> stay in AA_VENDOR_HOT, where its consumers can still read them"));
    CHECK(warned(plan, "rolling back: ATHLETE_ALLY_EVENTS captures vendor.> again instead of AA_VENDOR_HOT; "
                       "the consumers of AA_VENDOR_HOT keep what it stored and get nothing new"));
    const bool names_the_way_forward = std::any_of(plan.warnings.begin(), plan.warnings.end(), [](const std::string& w) {
        return w.find("until --phase 1 moves it forward again, nats-server refuses to create or update a durable on "
                      "AA_VENDOR_HOT filtered on it (err_code 10093)") != std::string::npos;
    });
    CHECK(names_the_way_forward);
}

TEST_CASE("phase 2 back to 1: the core stream releases athlete-ally.> and sleep.*, the vendor stream stays") {
    const es::Facts facts = facts_with({core_info(), vendor_info(), dlq_info(), legacy_of({"ATHLETE_ALLY_EVENTS"})});
    const es::Plan plan = es::make_plan(target(1), facts, {});
    CHECK_FALSE(es::has_refusals(plan));
    CHECK(action(plan, "AA_CORE_HOT").config.at("subjects") == Json{"AA_CORE_HOT"});
    CHECK(action(plan, "AA_CORE_HOT").releases == std::vector<std::string>{"athlete-ally.>", "sleep.*"});
    CHECK(action(plan, "AA_VENDOR_HOT").action == es::Action::unchanged);
    CHECK(action(plan, "ATHLETE_ALLY_EVENTS").config.at("subjects") == Json{"athlete-ally.>", "sleep.*"});
    REQUIRE(plan.moves.size() == 1);
    CHECK(plan.moves[0].subjects == std::vector<std::string>{"athlete-ally.>", "sleep.*"});
    CHECK(plan.moves[0].from == "AA_CORE_HOT");
    CHECK(warned(plan, "rolling back: ATHLETE_ALLY_EVENTS captures athlete-ally.>, sleep.* again instead of AA_CORE_HOT"));
    CHECK(std::any_of(plan.warnings.begin(), plan.warnings.end(), [](const std::string& w) {
        return w.find("until --phase 2 moves them forward again") != std::string::npos;
    }));
}

TEST_CASE("phase 3 back to 0: the legacy stream is created again, claiming what core and vendor release") {
    const es::Facts facts = facts_with({core_info(), vendor_info(), dlq_info()});
    const es::Plan plan = es::make_plan(target(0), facts, {});
    CHECK_FALSE(es::has_refusals(plan));
    const auto& legacy = action(plan, "ATHLETE_ALLY_EVENTS");
    CHECK(legacy.action == es::Action::create);
    CHECK(legacy.config.at("subjects") == Json{"athlete-ally.>", "vendor.>", "sleep.*"});
    CHECK(legacy.config.at("max_age") == 24 * kHour);
    REQUIRE(plan.moves.size() == 2);
    CHECK(plan.moves[0].from == "AA_CORE_HOT");
    CHECK(plan.moves[1].from == "AA_VENDOR_HOT");
    // Both releases before the create: it would overlap either stream.
    CHECK(apply_order_of(plan) == std::vector<std::string>{"AA_CORE_HOT", "AA_VENDOR_HOT", "ATHLETE_ALLY_EVENTS"});
    CHECK(std::none_of(plan.actions.begin(), plan.actions.end(),
                       [](const es::StreamAction& a) { return a.intended == es::Action::remove; }));
    CHECK(aa::lost_families(plan.capture_after).empty());
}

TEST_CASE("a server already rolled back to phase 0 is unchanged: a second run is a no-op") {
    const es::Facts facts = facts_with({core_of({"AA_CORE_HOT"}), vendor_info({"AA_VENDOR_HOT"}), dlq_info(),
                                        legacy_of({"athlete-ally.>", "vendor.>", "sleep.*"})});
    const es::Plan plan = es::make_plan(target(0), facts, {});
    CHECK_FALSE(es::has_drift(plan));
    CHECK(plan.moves.empty());
    CHECK(plan.actions.size() == 4);
    CHECK(plan.warnings.size() == 1);  // compression unsupported on 2.9.10; no rollback warning without a move
    // Phase 1 moves vendor.> forward again from there, and leaves the core stream as it is.
    const es::Plan forward = es::make_plan(target(1), facts, {});
    REQUIRE(forward.moves.size() == 1);
    CHECK(forward.moves[0].from == "ATHLETE_ALLY_EVENTS");
    CHECK(forward.moves[0].to == "AA_VENDOR_HOT");
    CHECK(action(forward, "AA_CORE_HOT").action == es::Action::unchanged);
}

TEST_CASE("single mode after a move: refused, naming the rollback rather than emptying a stream by hand") {
    const es::Facts facts =
        facts_with({core_info(), vendor_info(), dlq_info(), legacy_of({"ATHLETE_ALLY_EVENTS"})});
    const es::Plan plan = es::make_plan(target(std::nullopt, false, aa::StreamMode::single), facts, {});
    const auto& legacy = action(plan, "ATHLETE_ALLY_EVENTS");
    CHECK(legacy.action == es::Action::refused);
    CHECK(legacy.reason.find("take it out of") == std::string::npos);
    CHECK(legacy.reason.find("athlete-ally.>, sleep.* overlap stream AA_CORE_HOT (which captures athlete-ally.>, "
                             "sleep.*), where the migration moved them: roll back with aa-nats ensure-streams --phase 0") !=
          std::string::npos);
    CHECK(legacy.reason.find("vendor.> overlaps stream AA_VENDOR_HOT (which captures vendor.>), where the migration "
                             "moved it: roll back with aa-nats ensure-streams --phase 0") != std::string::npos);
    // A stream outside the topology keeps the old advice: only the operator knows what it is for.
    const es::Plan other = es::make_plan(target(std::nullopt, false, aa::StreamMode::single),
                                         facts_with({renamed(core_info(), "MINE", {"vendor.>"}, 0)}), {});
    CHECK(action(other, "ATHLETE_ALLY_EVENTS").reason.find("take it out of MINE first") != std::string::npos);
}

TEST_CASE("on nats-server 2.10+ (its configs echo compression) the warning says a durable there is accepted, not refused") {
    std::vector<Json> infos = {legacy_of({"athlete-ally.>", "sleep.*"}), vendor_info(), dlq_info()};
    for (Json& info : infos) info["config"]["compression"] = "none";
    const es::Plan plan = es::make_plan(target(0), facts_with(infos), {});
    CHECK(std::any_of(plan.warnings.begin(), plan.warnings.end(), [](const std::string& w) {
        return w.find("until --phase 1 moves it forward again, a durable created or updated on AA_VENDOR_HOT filtered "
                      "on it is accepted (nats-server 2.10+) and gets nothing new either") != std::string::npos;
    }));
    CHECK(std::none_of(plan.warnings.begin(), plan.warnings.end(),
                       [](const std::string& w) { return w.find("10093") != std::string::npos; }));
}
