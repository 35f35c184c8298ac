#include <doctest/doctest.h>

#include <map>

#include "src/errors.hpp"
#include "src/service_settings.hpp"
#include "src/topology.hpp"
#include "tests/unit/fixtures.hpp"

using aa::test::env_of;

TEST_CASE("the default topology is the reference's multi-stream one") {
    const auto settings = aa::resolve_topology(env_of({}));
    CHECK(settings.mode == aa::StreamMode::multi);
    const auto streams = aa::desired_streams(settings);
    REQUIRE(streams.size() == 3);
    CHECK(streams[0].name == "AA_CORE_HOT");
    CHECK(streams[0].subjects == std::vector<std::string>{"athlete-ally.>", "sleep.*"});
    CHECK(streams[0].max_age_ns == 48LL * 3600 * 1'000'000'000);
    CHECK(streams[1].name == "AA_VENDOR_HOT");
    CHECK(streams[2].name == "AA_DLQ");
    CHECK(streams[2].max_age_ns == 14LL * 24 * 3600 * 1'000'000'000);
    CHECK(streams[0].replicas == 1);
    CHECK(streams[0].duplicate_window_ns == 120'000'000'000);
}

TEST_CASE("single mode, names and production replicas come from the environment") {
    const auto settings = aa::resolve_topology(
        env_of({{"EVENT_STREAM_MODE", "single"}, {"STREAM_LEGACY_NAME", "OLD"}, {"NODE_ENV", "production"}}));
    const auto streams = aa::desired_streams(settings);
    REQUIRE(streams.size() == 1);
    CHECK(streams[0].name == "OLD");
    CHECK(streams[0].subjects.size() == 3);
    CHECK(streams[0].max_age_ns == 24LL * 3600 * 1'000'000'000);
    CHECK(streams[0].replicas == 3);
}

TEST_CASE("bad topology values are usage errors naming the variable and the value") {
    auto message_of = [](std::map<std::string, std::string> values) {
        try {
            aa::resolve_topology(env_of(std::move(values)));
        } catch (const aa::UsageError& e) {
            return std::string(e.what());
        }
        return std::string("no error");
    };
    CHECK(message_of({{"EVENT_STREAM_MODE", "dual"}}) ==
          "EVENT_STREAM_MODE=\"dual\" (environment): expected \"single\" or \"multi\"");
    CHECK(message_of({{"STREAM_CORE_NAME", "AA CORE"}}).find("STREAM_CORE_NAME=\"AA CORE\"") == 0);
    CHECK(message_of({{"STREAM_DLQ_NAME", "a.b"}}).find("'.'") != std::string::npos);
    CHECK(message_of({{"STREAM_VENDOR_NAME", "V*"}}).find("'*'") != std::string::npos);
    CHECK(message_of({{"STREAM_LEGACY_NAME", "L>"}}).find("'>'") != std::string::npos);
}

TEST_CASE("stream and durable names: what the server refuses, NUL, and anything not UTF-8") {
    using aa::durable_name_problem;
    using aa::stream_name_problem;
    // Control characters other than white space: the server accepts them, output escapes them.
    CHECK_FALSE(stream_name_problem("EVIL\x1b[2J\x1b[31mX"));
    CHECK_FALSE(stream_name_problem("VT\vX"));
    CHECK_FALSE(stream_name_problem("Zürich"));
    CHECK_FALSE(durable_name_problem("D\x1b[31mX"));
    for (const std::string_view bad : {"A B", "A\tB", "A\nB", "A\rB", "A\fB", "a.b", "a*", "a>", "a/b", "a\\b"}) {
        CAPTURE(bad);
        CHECK(stream_name_problem(bad));
        CHECK(durable_name_problem(bad));
    }
    CHECK(stream_name_problem(std::string_view("A\0B", 3)) == "a stream name may not contain a NUL byte");
    CHECK(durable_name_problem(std::string_view("A\0B", 3)) == "a durable name may not contain a NUL byte");
    CHECK(stream_name_problem("A\xff" "B") == "a stream name must be valid UTF-8");
    CHECK(stream_name_problem("A\xc3") == "a stream name must be valid UTF-8");
    CHECK(durable_name_problem("A\xff" "B") == "a durable name must be valid UTF-8");
}
