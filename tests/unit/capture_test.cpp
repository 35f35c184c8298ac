// The capture invariant's pure parts: who captures a subject family, on
// stream infos captured from nats-server 2.9.10 and on hand-made subject lists.

#include <doctest/doctest.h>

#include "src/capture.hpp"
#include "src/errors.hpp"
#include "tests/unit/fixtures.hpp"

using aa::CaptureState;
using aa::StreamSubjects;

TEST_CASE("a stream whose subjects cover the family captures it") {
    const auto streams = aa::subjects_of_streams({aa::test::fixture("stream_info_single.json")});
    REQUIRE(streams.size() == 1);
    CHECK(streams[0].stream == "AA_CORE_HOT");
    const auto capture = aa::capture_of("athlete-ally.>", streams);
    CHECK(capture.state == CaptureState::captured);
    CHECK_FALSE(capture.lost());
    CHECK(aa::describe_capture(capture) == "athlete-ally.> is captured by AA_CORE_HOT");
}

TEST_CASE("a wider pattern covers; a narrower one captures only part") {
    CHECK(aa::capture_of("vendor.>", {{"ALL", {">"}}}).state == CaptureState::captured);
    CHECK(aa::capture_of("sleep.*", {{"S", {"sleep.>"}}}).state == CaptureState::captured);
    // sleep.> covers more than sleep.*: a stream with sleep.* alone captures part of it.
    CHECK(aa::capture_of("sleep.>", {{"S", {"sleep.*"}}}).state == CaptureState::partial);
    const auto split = aa::capture_of("vendor.>", {{"A", {"vendor.oura.>"}}, {"B", {"vendor.garmin.>", "other"}}});
    CHECK(split.state == CaptureState::partial);
    REQUIRE(split.streams.size() == 2);
    CHECK(split.streams[1].subjects == std::vector<std::string>{"vendor.garmin.>"});
    CHECK(aa::describe_capture(split) ==
          "vendor.> is captured only in part (A captures vendor.oura.>; B captures vendor.garmin.>): messages "
          "published to its other subjects now are lost");
}

TEST_CASE("no overlapping stream: uncaptured, and gaps list the uncaptured before the partial") {
    const std::vector<StreamSubjects> streams{{"LEGACY", {"athlete-ally.>", "sleep.*"}}, {"O", {"vendor.oura.>"}}};
    const auto all = aa::capture_of_all({"athlete-ally.>", "vendor.>", "dlq.>"}, streams);
    CHECK(all[2].state == CaptureState::uncaptured);
    CHECK(aa::lost_families(all) == std::vector<std::string>{"dlq.>", "vendor.>"});
    CHECK(aa::to_json(all[2]) == aa::Json{{"subject", "dlq.>"}, {"state", "uncaptured"}, {"streams", aa::Json::array()}});
}

TEST_CASE("the families: three in single mode, four with the DLQ in multi mode and while migrating") {
    CHECK(aa::event_families(aa::StreamMode::single, false).size() == 3);
    CHECK(aa::event_families(aa::StreamMode::single, true).back() == "dlq.>");
    CHECK(aa::event_families(aa::StreamMode::multi, false).size() == 4);
}
