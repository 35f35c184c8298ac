#include <doctest/doctest.h>

#include "src/errors.hpp"
#include "src/jetstream_api.hpp"
#include "tests/unit/fixtures.hpp"

TEST_CASE("API errors are typed by err_code (real 2.9.10 replies)") {
    struct Case {
        const char* fixture;
        int code;
        int err_code;
    };
    for (const Case& c : {Case{"stream_info_not_found.json", 404, aa::err_code::kStreamNotFound},
                          Case{"consumer_info_not_found.json", 404, aa::err_code::kConsumerNotFound},
                          Case{"stream_create_overlap.json", 400, aa::err_code::kSubjectsOverlap},
                          Case{"stream_update_storage.json", 500, aa::err_code::kStreamConfigChange},
                          Case{"stream_create_r3_standalone.json", 500, aa::err_code::kReplicasNotSupported}}) {
        CAPTURE(c.fixture);
        const auto reply = aa::parse_api_reply(aa::test::fixture_text(c.fixture));
        REQUIRE(reply.error.has_value());
        CHECK(reply.error->code == c.code);
        CHECK(reply.error->err_code == c.err_code);
        CHECK_FALSE(reply.error->description.empty());
    }
}

TEST_CASE("a successful reply keeps the whole body") {
    const auto reply = aa::parse_api_reply(aa::test::fixture_text("stream_info_single.json"));
    CHECK(reply.ok());
    CHECK(reply.body.at("config").at("name") == "AA_CORE_HOT");
    CHECK(reply.body.at("state").at("messages") == 3);
}

TEST_CASE("garbage is a parse error, not a crash") {
    CHECK_THROWS_AS(aa::parse_api_reply("not json"), aa::ParseError);
    CHECK_THROWS_AS(aa::parse_api_reply("[1,2]"), aa::ParseError);
    CHECK_THROWS_AS(aa::parse_api_reply(R"({"error":"boom"})"), aa::ParseError);
    CHECK_THROWS_AS(aa::parse_api_reply(""), aa::ParseError);
}

TEST_CASE("a reply read as text: kept as it came, its error typed, anything but a JSON object refused") {
    const std::string text = aa::test::fixture_text("stream_info_not_found.json");
    const aa::ApiReply reply = aa::parse_api_reply_text(text);
    CHECK(reply.text == text);
    CHECK(reply.body.is_null());
    CHECK(reply.is_error(aa::err_code::kStreamNotFound));
    CHECK(aa::parse_api_reply_text(R"({"error":null})").ok());
    CHECK_THROWS_AS(aa::parse_api_reply_text("[1]"), aa::ParseError);
    CHECK_THROWS_AS(aa::parse_api_reply_text("{\"a\":"), aa::ParseError);
    CHECK_THROWS_AS(aa::parse_api_reply_text(R"({"error":"boom"})"), aa::ParseError);
}
