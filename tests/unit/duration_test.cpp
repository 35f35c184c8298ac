#include <doctest/doctest.h>

#include "src/duration.hpp"
#include "src/errors.hpp"

using namespace std::chrono_literals;

TEST_CASE("parse_duration reads the units operators write") {
    CHECK(aa::parse_duration("750ms") == 750ms);
    CHECK(aa::parse_duration("5s") == 5s);
    CHECK(aa::parse_duration("1m") == 1min);
    CHECK(aa::parse_duration("48h") == 48h);
    CHECK(aa::parse_duration("14d") == 14 * 24h);
    CHECK(aa::parse_duration("1h30m") == 90min);
    CHECK(aa::parse_duration("1.5s") == 1500ms);
    CHECK(aa::parse_duration("250us") == 250us);
    CHECK(aa::parse_duration("10ns") == 10ns);
}

TEST_CASE("parse_duration rejects what it cannot read") {
    for (const char* bad : {"", "5", "s", "5x", "-5s", "5 s", "ms5", "1.s.", "99999999999999999999d", ".s"}) {
        CAPTURE(bad);
        CHECK_THROWS_AS(aa::parse_duration(bad), aa::ParseError);
    }
}

TEST_CASE("format_duration gives the short human form") {
    CHECK(aa::format_duration(48h) == "48h");
    CHECK(aa::format_duration(24h) == "24h");
    CHECK(aa::format_duration(14 * 24h) == "14d");
    CHECK(aa::format_duration(2min) == "2m");
    CHECK(aa::format_duration(90min) == "1h30m");
    CHECK(aa::format_duration(750ms) == "750ms");
    CHECK(aa::format_duration(0s) == "0s");
    CHECK(aa::format_duration(1500ms) == "1.500s");
    CHECK(aa::format_limit_duration(0) == "unlimited");
}

TEST_CASE("format and parse agree") {
    for (std::chrono::nanoseconds d : {std::chrono::nanoseconds(1s), std::chrono::nanoseconds(2min), std::chrono::nanoseconds(48h),
                                       std::chrono::nanoseconds(14 * 24h), std::chrono::nanoseconds(90min)}) {
        CHECK(aa::parse_duration(aa::format_duration(d)) == d);
    }
}

TEST_CASE("decimal fractions round to the nearest nanosecond (found by fuzzing)") {
    CHECK(aa::parse_duration("39.036s") == std::chrono::nanoseconds(39'036'000'000));
    CHECK(aa::parse_duration(".00001h39s") == std::chrono::nanoseconds(39'036'000'000));
    CHECK(aa::parse_duration(aa::format_duration(std::chrono::nanoseconds(39'036'000'000))) ==
          std::chrono::nanoseconds(39'036'000'000));
}
