// Offline streams and consumers (nats-server 2.11.9+/2.12): a stream or
// consumer the server holds but cannot serve. Every reading rule names it
// with the server's reason (exit 3), never as absent and never as a pass. On
// fixtures taken from nats-server's source (tests/fixtures/README.md): no
// server run here can take a stream offline.

#include <doctest/doctest.h>

#include <string>

#include "src/jetstream_batch.hpp"
#include "tests/unit/fixtures.hpp"

using aa::AssetsOffline;
using aa::Json;
using aa::Questions;
using aa::test::fixture;
using aa::test::fixture_text;

namespace {

constexpr const char* kReason = "unsupported - required API level: 6, current API level: 5";

// What reading FILE as the reply to the one question in Q throws.
AssetsOffline offline_reading(const Questions& q, const std::string& file) {
    try {
        aa::read_answers(q, {aa::parse_api_reply(fixture_text(file))}, {"$JS.API.SUBJECT"});
    } catch (const AssetsOffline& e) {
        return e;
    }
    FAIL("reading ", file, " did not name an offline asset");
    return AssetsOffline({});
}

}  // namespace

TEST_CASE("an offline stream's info (10194) is never absent: exit 3 with the server's reason") {
    Questions q;
    q.stream_info("AA_VENDOR_HOT");
    const AssetsOffline e = offline_reading(q, "stream_info_offline.json");
    CHECK(e.exit_code() == aa::ExitCode::unavailable);
    REQUIRE(e.assets().size() == 1);
    CHECK(e.assets()[0].what == "stream AA_VENDOR_HOT");
    CHECK(e.assets()[0].reason == kReason);
    CHECK(std::string(e.what()) == std::string("stream AA_VENDOR_HOT is offline: ") + kReason);

    Questions counted;  // the same rule when the info counts stored messages
    counted.stored_messages("AA_VENDOR_HOT", "vendor.>");
    CHECK(offline_reading(counted, "stream_info_offline.json").assets()[0].what == "stream AA_VENDOR_HOT");
}

TEST_CASE("an offline consumer's info (10195) names the consumer and its stream") {
    Questions q;
    q.consumer_info("AA_CORE_HOT", "normalize-hrv-durable");
    const AssetsOffline e = offline_reading(q, "consumer_info_offline.json");
    CHECK(std::string(e.what()) ==
          std::string("consumer normalize-hrv-durable of stream AA_CORE_HOT is offline: ") + kReason);
    // Asked about a consumer of an offline stream, the server answers 10194.
    const AssetsOffline stream = offline_reading(q, "stream_info_offline.json");
    CHECK(stream.assets()[0].what == "stream AA_CORE_HOT");
}

TEST_CASE("a consumer page naming an offline consumer is no page of healthy consumers") {
    Questions q;
    q.first_consumer_page("AA_CORE_HOT");
    const AssetsOffline e = offline_reading(q, "consumer_list_offline_page.json");
    REQUIRE(e.assets().size() == 1);
    CHECK(e.assets()[0].what == "consumer normalize-hrv-durable of stream AA_CORE_HOT");
    CHECK(e.assets()[0].reason == kReason);
}

TEST_CASE("an offline stream among those overlapping a subject: which capture it cannot be told") {
    Questions q;
    q.streams_overlapping("vendor.>");
    const AssetsOffline e = offline_reading(q, "stream_list_offline_page.json");
    REQUIRE(e.assets().size() == 1);
    CHECK(e.assets()[0].what == "stream AA_VENDOR_HOT");
    CHECK(e.assets()[0].reason == kReason);
}

TEST_CASE("a page of the account's streams keeps offline streams apart from the missing ones, with the reason") {
    const aa::StreamPage page(fixture_text("stream_list_offline_page.json"));
    CHECK(page.size() == 1);
    CHECK(page.name(0) == "AA_CORE_HOT");
    CHECK(page.total() == 2);
    CHECK(page.missing().empty());  // named there too by the server, but offline is what it is
    REQUIRE(page.offline().size() == 1);
    CHECK(page.offline()[0].first == "AA_VENDOR_HOT");
    CHECK(page.offline()[0].second == kReason);
}

TEST_CASE("a later page's offline streams join the first page's, for the overlap rule to see them") {
    Json into = fixture("stream_list_page.json");
    into.erase("offline");
    aa::append_stream_page(into, fixture("stream_list_offline_page.json"));
    CHECK(into.at("offline") == Json{{"AA_VENDOR_HOT", kReason}});
}

TEST_CASE("an \"offline\" member that is not names to reasons is a bad reply") {
    CHECK_THROWS_AS(aa::offline_of(Json::array({"AA_VENDOR_HOT"})), aa::ParseError);
    CHECK_THROWS_AS(aa::offline_of(Json{{"AA_VENDOR_HOT", 5}}), aa::ParseError);
    CHECK(aa::offline_of(Json()).empty());
    CHECK(aa::offline_reason({500, 10194, "stream is offline: a: b"}) == "a: b");
}
