#include <doctest/doctest.h>

#include "src/subjects.hpp"

TEST_CASE("wildcard coverage") {
    CHECK(aa::subject_covers("athlete-ally.>", "athlete-ally.hrv.raw"));
    CHECK(aa::subject_covers("athlete-ally.>", "athlete-ally.>"));
    CHECK(aa::subject_covers("athlete-ally.>", "athlete-ally.*"));
    CHECK_FALSE(aa::subject_covers("athlete-ally.>", "athlete-ally"));
    CHECK(aa::subject_covers("sleep.*", "sleep.night"));
    CHECK_FALSE(aa::subject_covers("sleep.*", "sleep.>"));
    CHECK_FALSE(aa::subject_covers("sleep.*", "sleep.a.b"));
    CHECK(aa::subject_covers("dlq.>", "dlq.normalize.hrv.raw-received"));
    CHECK_FALSE(aa::subject_covers("dlq.normalize", "dlq.*"));
    CHECK(aa::subject_covers(">", "anything.at.all"));
    CHECK(aa::subject_covers("a.*.c", "a.b.c"));
    CHECK_FALSE(aa::subject_covers("a.b.c", "a.*.c"));
}

TEST_CASE("overlap is what the server refuses (err_code 10065)") {
    CHECK(aa::subjects_overlap("vendor.>", "vendor.oura"));
    CHECK(aa::subjects_overlap("vendor.*", "*.oura"));
    CHECK(aa::subjects_overlap("athlete-ally.>", ">"));
    CHECK_FALSE(aa::subjects_overlap("vendor.>", "vendor"));
    CHECK_FALSE(aa::subjects_overlap("sleep.*", "sleep.a.b"));
    CHECK_FALSE(aa::subjects_overlap("ATHLETE_ALLY_EVENTS", "athlete-ally.>"));
    CHECK(aa::any_overlaps({"a.>", "vendor.>"}, "vendor.x"));
    CHECK_FALSE(aa::any_covers({"a.>"}, "b.x"));
}

TEST_CASE("uncovered: the filters no pattern covers, in order") {
    CHECK(aa::uncovered({"athlete-ally.>", "sleep.*"}, {"vendor.>", "sleep.x", "sleep.>", "athlete-ally.hrv"}) ==
          std::vector<std::string>{"vendor.>", "sleep.>"});
    CHECK(aa::uncovered({}, {"a"}) == std::vector<std::string>{"a"});
    CHECK(aa::uncovered({"a.>"}, {}).empty());
}
