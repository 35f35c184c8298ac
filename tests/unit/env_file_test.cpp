#include <doctest/doctest.h>

#include "src/env_file.hpp"
#include "src/errors.hpp"

namespace {
std::string value_of(const aa::EnvEntries& entries, const std::string& key) {
    for (const auto& [k, v] : entries) {
        if (k == key) return v;
    }
    return "<unset>";
}
}  // namespace

TEST_CASE("the reference's .env.example parses with its trailing comments") {
    const auto entries = aa::parse_env_file(R"(# NATS Configuration
NATS_URL=nats://localhost:4223

# Stream Topology Mode
EVENT_STREAM_MODE=multi  # or "single" for legacy
STREAM_CORE_NAME=AA_CORE_HOT
NORMALIZE_HRV_DURABLE=normalize-hrv-durable  # Keep existing name
NORMALIZE_HRV_ACK_WAIT_MS=60000  # 60s
AA_STREAM_CANDIDATES=AA_CORE_HOT,ATHLETE_ALLY_EVENTS  # Fallback order
)");
    CHECK(value_of(entries, "NATS_URL") == "nats://localhost:4223");
    CHECK(value_of(entries, "EVENT_STREAM_MODE") == "multi");
    CHECK(value_of(entries, "NORMALIZE_HRV_DURABLE") == "normalize-hrv-durable");
    CHECK(value_of(entries, "NORMALIZE_HRV_ACK_WAIT_MS") == "60000");
    CHECK(value_of(entries, "AA_STREAM_CANDIDATES") == "AA_CORE_HOT,ATHLETE_ALLY_EVENTS");
}

TEST_CASE("quotes, export and hashes inside values") {
    const auto entries = aa::parse_env_file(
        "export A=\"two words\" # comment\n"
        "B='lit\\eral # not a comment'\n"
        "C=a#b\n"
        "D=\"line\\nbreak\"\n"
        "E=\n"
        "A=again\r\n");
    CHECK(value_of(entries, "A") == "again");
    CHECK(value_of(entries, "B") == "lit\\eral # not a comment");
    CHECK(value_of(entries, "C") == "a#b");
    CHECK(value_of(entries, "D") == "line\nbreak");
    CHECK(value_of(entries, "E") == "");
    CHECK(entries.size() == 5);
}

TEST_CASE("bad lines name their line number") {
    auto message_of = [](const char* text) {
        try {
            aa::parse_env_file(text);
        } catch (const aa::ParseError& e) {
            return std::string(e.what());
        }
        return std::string("no error");
    };
    CHECK(message_of("A=1\nnot a pair\n") == "line 2: expected KEY=VALUE");
    CHECK(message_of("=1") == "line 1: missing key before '='");
    CHECK(message_of("A=\"open") == "line 1: unterminated double quote");
    CHECK(message_of("A='open") == "line 1: unterminated single quote");
    CHECK(message_of("A=\"x\" y") == "line 1: unexpected text after the closing quote");
    CHECK(message_of("1A=x") == "line 1: invalid variable name");
}
