#include <doctest/doctest.h>

#include "src/errors.hpp"
#include "src/migration_phases.hpp"

namespace {
std::vector<std::string> names_of(const aa::TargetTopology& t) {
    std::vector<std::string> out;
    for (const auto& s : t.present) out.push_back(s.stream.name);
    return out;
}
}  // namespace

TEST_CASE("without a phase the target is the mode's topology") {
    aa::TopologySettings settings;
    CHECK(names_of(aa::target_topology(settings, std::nullopt)) ==
          std::vector<std::string>{"AA_CORE_HOT", "AA_VENDOR_HOT", "AA_DLQ"});
    settings.mode = aa::StreamMode::single;
    const auto single = aa::target_topology(settings, std::nullopt);
    CHECK(names_of(single) == std::vector<std::string>{"ATHLETE_ALLY_EVENTS"});
    CHECK(single.present[0].stream.subjects.size() == 3);
    CHECK(single.absent.empty());
}

TEST_CASE("the four phases, from the legacy single stream to the three streams") {
    aa::TopologySettings settings;
    settings.names.legacy = "OLD";
    const auto p0 = aa::target_topology(settings, 0);
    CHECK(names_of(p0) == std::vector<std::string>{"AA_CORE_HOT", "AA_VENDOR_HOT", "AA_DLQ", "OLD"});
    CHECK(p0.present[3].stream.subjects == std::vector<std::string>{"athlete-ally.>", "vendor.>", "sleep.*"});
    CHECK(p0.present[3].stream.max_age_ns == 24LL * 3600 * 1'000'000'000);

    const auto p1 = aa::target_topology(settings, 1);
    CHECK(names_of(p1) == std::vector<std::string>{"AA_CORE_HOT", "AA_VENDOR_HOT", "AA_DLQ", "OLD"});
    CHECK(p1.present[1].stream.subjects == std::vector<std::string>{"vendor.>"});
    CHECK(p1.present[1].create_if_missing);
    CHECK(p1.present[3].stream.subjects == std::vector<std::string>{"athlete-ally.>", "sleep.*"});

    const auto p2 = aa::target_topology(settings, 2);
    CHECK(names_of(p2) == std::vector<std::string>{"AA_CORE_HOT", "AA_VENDOR_HOT", "AA_DLQ", "OLD"});
    CHECK(p2.present[3].stream.subjects == std::vector<std::string>{"OLD"});  // what the server fills in
    CHECK_FALSE(p2.present[3].create_if_missing);

    const auto p3 = aa::target_topology(settings, 3);
    CHECK(names_of(p3) == std::vector<std::string>{"AA_CORE_HOT", "AA_VENDOR_HOT", "AA_DLQ"});
    REQUIRE(p3.absent.size() == 1);
    CHECK(p3.absent[0].name == "OLD");
    CHECK(p3.legacy_name == "OLD");
    CHECK(p3.phase == 3);
}

TEST_CASE("before phase 3 the later phases' streams stay if they exist, capturing none of the families") {
    // So that --phase N moves the subjects back from a server past phase N (a rollback).
    aa::TopologySettings settings;
    settings.names.core = "CORE";
    settings.names.vendor = "VENDOR";
    const auto p0 = aa::target_topology(settings, 0);
    for (const std::size_t i : {0U, 1U}) {
        CAPTURE(i);
        CHECK_FALSE(p0.present[i].create_if_missing);
        CHECK(p0.present[i].stream.subjects == std::vector<std::string>{p0.present[i].stream.name});
        CHECK(p0.present[i].stream.max_age_ns == 48LL * 3600 * 1'000'000'000);  // otherwise as the topology wants
    }
    CHECK(p0.present[0].stream.name == "CORE");
    CHECK(p0.present[1].stream.name == "VENDOR");
    CHECK(p0.absent.empty());  // never deleted: they keep their messages and consumers

    const auto p1 = aa::target_topology(settings, 1);
    CHECK_FALSE(p1.present[0].create_if_missing);
    CHECK(p1.present[0].stream.subjects == std::vector<std::string>{"CORE"});
    CHECK(p1.absent.empty());
    CHECK(p1.summary ==
          "phase 1: legacy stream without vendor.>, vendor, DLQ; core stream (if any) capturing none of athlete-ally.>, "
          "sleep.*");
    CHECK(p0.summary ==
          "phase 0: legacy stream with all its subjects, DLQ; core and vendor streams (if any) capturing none of them");
}

TEST_CASE("a phase is exactly 0, 1, 2 or 3, whichever command reads it") {
    CHECK(aa::parse_phase("0") == 0);
    CHECK(aa::parse_phase("3") == 3);
    // What an integer conversion would accept is refused too: ensure-streams --phase ran these.
    for (const char* bad : {"", "4", "-1", "two", "1.5", "01", "0x1", "+1", " 2", "2 ", "1x", "\x1b"}) {
        CHECK_THROWS_AS(aa::parse_phase(bad), aa::UsageError);
    }
    try {
        aa::parse_phase("01", "--phase");
        FAIL("no error");
    } catch (const aa::UsageError& e) {
        CHECK(std::string(e.what()) == "--phase \"01\": expected 0, 1, 2 or 3");
    }
}
