// What ensure-streams reads: the managed streams, and the server's answer to
// "who overlaps this subject" only for the subjects no managed stream covers.

#include <doctest/doctest.h>

#include "commands/ensure_streams/ensure_streams.hpp"
#include "tests/unit/fixtures.hpp"

namespace es = aa::ensure_streams;
using aa::Json;

namespace {

// A stream info named NAME capturing SUBJECTS (the captured core stream, renamed).
Json stream(const std::string& name, std::vector<std::string> subjects) {
    Json info = aa::test::fixture("stream_info_single.json");
    info["config"]["name"] = name;
    info["config"]["subjects"] = std::move(subjects);
    return info;
}

aa::TargetTopology target(std::optional<int> phase) { return aa::target_topology(aa::TopologySettings{}, phase); }

}  // namespace

TEST_CASE("the managed streams: the target's and the topology's four, whatever the phase") {
    aa::TopologySettings settings;
    settings.names.core = "CORE";
    CHECK(es::managed_streams(aa::target_topology(settings, 3)) ==
          std::vector<std::string>{"CORE", "AA_VENDOR_HOT", "AA_DLQ", "ATHLETE_ALLY_EVENTS"});
    settings.mode = aa::StreamMode::single;
    CHECK(es::managed_streams(aa::target_topology(settings, std::nullopt)) ==
          std::vector<std::string>{"ATHLETE_ALLY_EVENTS", "CORE", "AA_VENDOR_HOT", "AA_DLQ"});
}

TEST_CASE("the managed subjects: the target's streams that exist or are created, and the event families, once each") {
    // Phase 1 keeps a core stream that exists capturing only its own name; none exists here.
    CHECK(es::managed_subjects(target(1), {}) == std::vector<std::string>{"vendor.>", "dlq.>", "athlete-ally.>", "sleep.*"});
    const std::map<std::string, Json> core{{"AA_CORE_HOT", stream("AA_CORE_HOT", {"athlete-ally.>", "sleep.*"})}};
    CHECK(es::managed_subjects(target(1), core) ==
          std::vector<std::string>{"AA_CORE_HOT", "vendor.>", "dlq.>", "athlete-ally.>", "sleep.*"});
}

TEST_CASE("a subject a managed stream covers is not asked: no other stream can overlap it") {
    const std::map<std::string, Json> phase1{{"ATHLETE_ALLY_EVENTS", stream("ATHLETE_ALLY_EVENTS", {"athlete-ally.>", "sleep.*"})},
                                             {"AA_VENDOR_HOT", stream("AA_VENDOR_HOT", {"vendor.>"})},
                                             {"AA_DLQ", stream("AA_DLQ", {"dlq.>"})}};
    CHECK(es::subjects_to_ask(target(1), phase1).empty());

    // Captured in part (a narrower subject), or by no stream: asked.
    const std::map<std::string, Json> partial{{"AA_VENDOR_HOT", stream("AA_VENDOR_HOT", {"vendor.oura.>"})},
                                              {"AA_CORE_HOT", stream("AA_CORE_HOT", {"athlete-ally.>", "sleep.>"})}};
    CHECK(es::subjects_to_ask(target(std::nullopt), partial) == std::vector<std::string>{"vendor.>", "dlq.>"});
    CHECK(es::subjects_to_ask(target(std::nullopt), {}) ==
          std::vector<std::string>{"athlete-ally.>", "sleep.*", "vendor.>", "dlq.>"});
}

TEST_CASE("a subject a target stream is to claim is asked even where a managed stream covers it: a move rests on the server's answer") {
    const std::map<std::string, Json> phase0{{"ATHLETE_ALLY_EVENTS", stream("ATHLETE_ALLY_EVENTS", {"athlete-ally.>", "vendor.>", "sleep.*"})},
                                             {"AA_DLQ", stream("AA_DLQ", {"dlq.>"})}};
    // Phase 1 creates the vendor stream with vendor.>, which the legacy stream covers.
    CHECK(es::subjects_to_ask(target(1), phase0) == std::vector<std::string>{"vendor.>"});
    // Phase 2: the core stream claims athlete-ally.> and sleep.*; the legacy stream its own name.
    CHECK(es::subjects_to_ask(target(2), phase0) ==
          std::vector<std::string>{"athlete-ally.>", "sleep.*", "vendor.>", "ATHLETE_ALLY_EVENTS"});
}
