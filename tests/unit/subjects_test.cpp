#include <doctest/doctest.h>

#include <string>
#include <vector>

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

namespace {

// Every subject of up to three tokens over a small alphabet, wildcards included.
std::vector<std::string> small_subjects() {
    const std::vector<std::string> alphabet{"a", "b", "*", ">", ""};
    std::vector<std::string> out;
    std::vector<std::string> last{""};
    for (int length = 1; length <= 3; ++length) {
        std::vector<std::string> next;
        for (const auto& prefix : last) {
            for (const auto& token : alphabet) next.push_back(length == 1 ? token : prefix + "." + token);
        }
        out.insert(out.end(), next.begin(), next.end());
        last = next;
    }
    return out;
}

}  // namespace

TEST_CASE("SubjectIndex answers as the pattern-by-pattern rules do, for every small subject and set") {
    const std::vector<std::string> subjects = small_subjects();
    // Sets of one, two and three patterns, drawn in a fixed stride over all of them.
    std::vector<std::vector<std::string>> sets;
    for (std::size_t i = 0; i < subjects.size(); ++i) {
        sets.push_back({subjects[i]});
        sets.push_back({subjects[i], subjects[(i * 7 + 3) % subjects.size()]});
        sets.push_back({subjects[i], subjects[(i * 13 + 5) % subjects.size()], subjects[(i * 31 + 11) % subjects.size()]});
    }
    for (const auto& set : sets) {
        const aa::SubjectIndex index(set);
        for (const auto& filter : subjects) {
            CAPTURE(filter);
            REQUIRE(index.any_overlaps(filter) == aa::any_overlaps(set, filter));
            REQUIRE(index.any_covers(filter) == aa::any_covers(set, filter));
        }
    }
}

TEST_CASE("SubjectIndex over 200,000 subjects answers each of them, and a subject of 100,000 tokens") {
    std::vector<std::string> many;
    for (int i = 0; i < 200'000; ++i) many.push_back("athlete-ally.events.vendor-sync." + std::to_string(i));
    const aa::SubjectIndex index(many);
    std::size_t overlapping = 0;
    for (const auto& subject : many) overlapping += index.any_overlaps(subject) && index.any_covers(subject);
    CHECK(overlapping == many.size());
    CHECK(index.any_overlaps("athlete-ally.*.*.*"));
    CHECK_FALSE(index.any_covers("athlete-ally.>"));
    std::string deep = "a";
    for (int i = 0; i < 100'000; ++i) deep += ".a";
    const aa::SubjectIndex deep_index({deep});
    CHECK(deep_index.any_covers(deep));
    CHECK_FALSE(deep_index.any_overlaps("a.b"));
}
