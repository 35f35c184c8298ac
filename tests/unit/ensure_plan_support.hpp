#pragma once
// What the ensure-streams planner's unit tests share: stream infos captured
// from nats-server 2.9.10 (tests/fixtures), adjusted into the streams of the
// topology, facts made of them, and the target of a phase.

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "commands/ensure_streams/ensure_streams.hpp"
#include "src/clustering.hpp"
#include "tests/unit/fixtures.hpp"

namespace aa::test::ensure_plan {

namespace es = aa::ensure_streams;
using aa::Json;

inline constexpr long long kHour = 3'600'000'000'000LL;

inline Json core_info() { return fixture("stream_info_single.json"); }  // AA_CORE_HOT, 3 messages

// The captured stream (R1, a leaf node's or a cluster's) renamed to another stream of the topology.
inline Json renamed(Json info, const std::string& name, const std::vector<std::string>& subjects, long long max_age) {
    info["config"]["name"] = name;
    info["config"]["subjects"] = subjects;
    info["config"]["max_age"] = max_age;
    return info;
}

// The captured core stream, turned into the legacy stream of phase 0.
inline Json legacy_info(long long messages = 3) {
    Json info = renamed(core_info(), "ATHLETE_ALLY_EVENTS", {"athlete-ally.>", "vendor.>", "sleep.*"}, 24 * kHour);
    info["state"]["messages"] = messages;
    return info;
}

// Facts as gather_facts builds them: the stream infos settle the server's clustering.
inline es::Facts facts_with(std::vector<Json> infos) {
    es::Facts facts;
    facts.server.url = "nats://127.0.0.1:4222";
    facts.server.version = "2.9.10";
    for (auto& info : infos) {
        aa::note_stream_cluster(facts.server, info);
        const std::string name = info.at("config").at("name");  // before the move: json's operator= takes by value
        facts.streams[name] = std::move(info);
    }
    return facts;
}

inline const es::StreamAction& action(const es::Plan& plan, const std::string& stream) {
    const auto found = std::find_if(plan.actions.begin(), plan.actions.end(),
                                    [&](const es::StreamAction& a) { return a.stream == stream; });
    REQUIRE(found != plan.actions.end());
    return *found;
}

inline bool has_action(const es::Plan& plan, const std::string& stream) {
    return std::any_of(plan.actions.begin(), plan.actions.end(),
                       [&](const es::StreamAction& a) { return a.stream == stream; });
}

inline aa::TargetTopology target(std::optional<int> phase = std::nullopt, bool production = false,
                                 aa::StreamMode mode = aa::StreamMode::multi) {
    aa::TopologySettings settings;
    settings.production = production;
    settings.mode = mode;
    return aa::target_topology(settings, phase);
}

// The stream names of PLAN's writes, in the order apply sends them.
inline std::vector<std::string> apply_order_of(const es::Plan& plan) {
    std::vector<std::string> order;
    for (const auto i : es::apply_order(plan)) order.push_back(plan.actions[i].stream);
    return order;
}

}  // namespace aa::test::ensure_plan
