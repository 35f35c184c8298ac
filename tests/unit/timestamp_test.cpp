#include <doctest/doctest.h>

#include "src/errors.hpp"
#include "src/timestamp.hpp"

using aa::parse_timestamp;
using std::chrono::nanoseconds;

namespace {
std::int64_t ns_since_epoch(std::string_view text) { return parse_timestamp(text).time_since_epoch().count(); }
}  // namespace

TEST_CASE("timestamps as 2.9.10 writes them: 9 digits, trimmed zeros, no fraction") {
    // date -u -d 2026-11-27T03:46:01Z +%s -> 1795751161
    CHECK(ns_since_epoch("2026-11-27T03:46:01.097772425Z") == 1795751161'097772425LL);
    CHECK(ns_since_epoch("2026-11-27T04:00:53.59110635Z") == 1795752053'591106350LL);
    CHECK(ns_since_epoch("2026-11-27T03:46:01Z") == 1795751161'000000000LL);
    CHECK(ns_since_epoch("1970-01-01T00:00:00Z") == 0);
    CHECK(ns_since_epoch("1969-12-31T23:59:59.5Z") == -500000000);
    CHECK(ns_since_epoch("2024-02-29T00:00:00Z") == 1709164800'000000000LL);
}

TEST_CASE("zone offsets move the instant; lower-case t and z are accepted") {
    CHECK(ns_since_epoch("2026-11-27T05:46:01+02:00") == ns_since_epoch("2026-11-27T03:46:01Z"));
    CHECK(ns_since_epoch("2026-11-26T22:16:01-05:30") == ns_since_epoch("2026-11-27T03:46:01Z"));
    CHECK(ns_since_epoch("2026-11-27t03:46:01z") == ns_since_epoch("2026-11-27T03:46:01Z"));
}

TEST_CASE("Go's zero time means never") {
    CHECK(aa::is_zero_time(parse_timestamp("0001-01-01T00:00:00Z")));
    CHECK_FALSE(aa::is_zero_time(parse_timestamp("2026-11-27T03:46:01Z")));
}

TEST_CASE("anything else is a ParseError, never a crash") {
    for (const char* bad : {"", "2026", "2026-11-27", "2026-11-27T03:46:01", "2026-11-27 03:46:01Z",
                            "2026-13-01T00:00:00Z", "2026-02-29T00:00:00Z", "2026-11-31T00:00:00Z",
                            "2026-11-27T24:00:00Z", "2026-11-27T03:60:00Z", "2026-11-27T03:46:60Z",
                            "2026-11-27T03:46:01.Z", "2026-11-27T03:46:01.1234567890Z", "2026-11-27T03:46:01Zjunk",
                            "2026-11-27T03:46:01+2:00", "2026-11-27T03:46:01+24:00", "0000-01-01T00:00:00Z",
                            "9999-12-31T23:59:59Z", "1000-01-01T00:00:00Z", "2026-11-27T03:46:0xZ",
                            "+026-11-27T03:46:01Z"}) {
        CAPTURE(bad);
        CHECK_THROWS_AS(parse_timestamp(bad), aa::ParseError);
    }
}

TEST_CASE("format_timestamp: UTC to the second, the fraction cut; parse_timestamp reads it back") {
    CHECK(aa::format_timestamp(parse_timestamp("2026-12-07T20:29:48Z")) == "2026-12-07T20:29:48Z");
    CHECK(aa::format_timestamp(parse_timestamp("2026-12-07T19:29:49.999999999Z")) == "2026-12-07T19:29:49Z");
    CHECK(aa::format_timestamp(parse_timestamp("2026-12-07T21:29:48+01:00")) == "2026-12-07T20:29:48Z");
}
