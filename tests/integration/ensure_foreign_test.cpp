// ensure-streams beside streams it does not manage, against a real
// nats-server: streams that overlap or capture the managed subjects are seen
// (refusals, capture, subject moves), however many there are, and streams
// unrelated to them cost nothing: the reads are the same, and leave in one
// batch, whether the account holds a few streams or hundreds.

#include <doctest/doctest.h>

#include <algorithm>

#include <fmt/format.h>

#include "tests/support/delay_proxy.hpp"
#include "tests/support/harness.hpp"

using aa::test::DelayProxy;
using aa::test::Json;
using aa::test::NatsServer;
using aa::test::run_aa_nats;
using aa::test::RunResult;
using aa::test::TestClient;
using namespace std::chrono_literals;

namespace {

Json memory_stream(const std::string& name, const std::vector<std::string>& subjects) {
    return Json{{"name", name}, {"subjects", subjects}, {"storage", "memory"}};
}

// COUNT streams named PREFIX_00000.. capturing <SUBJECT_PREFIX>.<i>.
void create_streams(TestClient& client, const std::string& prefix, const std::string& subject_prefix, int count) {
    for (int i = 0; i < count; ++i) {
        client.create_stream(memory_stream(fmt::format("{}_{:05}", prefix, i), {fmt::format("{}.{}", subject_prefix, i)}));
    }
}

Json check_json(const std::string& url, std::vector<std::string> extra = {}) {
    std::vector<std::string> args{"ensure-streams", "--check", "--json", "-s", url};
    args.insert(args.end(), extra.begin(), extra.end());
    const RunResult r = run_aa_nats(args);
    INFO(r.out, r.err);
    CHECK(r.exit_code == 1);
    return r.json();
}

Json action_for(const Json& doc, const std::string& stream) {
    for (const auto& a : doc.at("actions")) {
        if (a.at("stream") == stream) return a;
    }
    FAIL("no action for ", stream, " in ", doc.dump());
    return doc;
}

Json capture_of(const Json& captures, const std::string& family) {
    for (const auto& c : captures) {
        if (c.at("subject") == family) return c;
    }
    FAIL("no capture of ", family, " in ", captures.dump());
    return captures;
}

std::vector<std::string> capturing_streams(const Json& capture) {
    std::vector<std::string> names;
    for (const auto& s : capture.at("streams")) names.push_back(s.at("stream").get<std::string>());
    return names;
}

std::string overlap(const std::string& subject, const std::string& stream, const std::string& captures) {
    return fmt::format("{} overlaps stream {} (which captures {} and keeps it in this plan): take it out of {} first",
                       subject, stream, captures, stream);
}

}  // namespace

TEST_CASE("a foreign stream overlapping three families: every create it collides with is refused, capture is partial") {
    NatsServer server;
    TestClient client(server.url());
    // "*.oura.*" overlaps athlete-ally.>, vendor.> and dlq.>, but not sleep.* (two tokens).
    // "*.oura.*" also overlaps "$JS.>": from 2.11.2 nats-server creates such a stream only with no_ack
    // (before, only subjects inside $JS.> needed it); every version accepts it with no_ack.
    Json foreign = memory_stream("FOREIGN_OURA", {"*.oura.*"});
    foreign["no_ack"] = true;
    client.create_stream(foreign);
    create_streams(client, "UNRELATED", "unrelated", 300);

    const Json doc = check_json(server.url());
    CHECK(action_for(doc, "AA_CORE_HOT").at("reason") == overlap("athlete-ally.>", "FOREIGN_OURA", "*.oura.*"));
    CHECK(action_for(doc, "AA_VENDOR_HOT").at("reason") == overlap("vendor.>", "FOREIGN_OURA", "*.oura.*"));
    CHECK(action_for(doc, "AA_DLQ").at("reason") == overlap("dlq.>", "FOREIGN_OURA", "*.oura.*"));
    for (const char* family : {"athlete-ally.>", "vendor.>", "dlq.>"}) {
        const Json c = capture_of(doc.at("capture"), family);
        CHECK(c.at("state") == "partial");
        CHECK(c.at("streams") == Json::array({{{"stream", "FOREIGN_OURA"}, {"subjects", {"*.oura.*"}}}}));
    }
    CHECK(capture_of(doc.at("capture"), "sleep.*").at("state") == "uncaptured");
    CHECK(doc.at("uncaptured") == Json::array({"sleep.*", "athlete-ally.>", "vendor.>", "dlq.>"}));
}

TEST_CASE("phase 1 beside a foreign stream that captures dlq.>: the vendor move is planned, the DLQ refused") {
    NatsServer server;
    TestClient client(server.url());
    client.create_stream(aa::test::legacy_stream_config());
    client.js_publish("vendor.oura.sleep", "stays in the legacy stream");
    client.create_stream(memory_stream("OLD_DLQ", {"dlq.>"}));
    create_streams(client, "UNRELATED", "unrelated", 300);

    const RunResult r = run_aa_nats({"ensure-streams", "--phase", "1", "--json", "-s", server.url()});
    INFO(r.out, r.err);
    CHECK(r.exit_code == 1);  // refused: nothing is sent
    const Json doc = r.json();
    CHECK(action_for(doc, "AA_DLQ").at("reason") == overlap("dlq.>", "OLD_DLQ", "dlq.>"));
    CHECK(action_for(doc, "AA_VENDOR_HOT").at("action") == "create");
    CHECK(action_for(doc, "ATHLETE_ALLY_EVENTS").at("action") == "update");
    REQUIRE(doc.at("subject_moves").size() == 1);
    const Json move = doc.at("subject_moves")[0];
    CHECK(move.at("from") == "ATHLETE_ALLY_EVENTS");
    CHECK(move.at("to") == "AA_VENDOR_HOT");
    CHECK(move.at("subjects") == Json::array({"vendor.>"}));
    const Json dlq_now = capture_of(doc.at("capture"), "dlq.>");
    CHECK(dlq_now.at("state") == "captured");
    CHECK(capturing_streams(dlq_now) == std::vector<std::string>{"OLD_DLQ"});
    CHECK(doc.at("uncaptured") == Json::array());
    CHECK(doc.at("uncaptured_after") == Json::array());
    // The messages the legacy stream keeps on vendor.> are counted (a second read, only because there are some).
    const auto warnings = doc.at("warnings").dump();
    CHECK(warnings.find("1 stored messages on vendor.> stay in ATHLETE_ALLY_EVENTS") != std::string::npos);
    CHECK(client.stream_info("AA_VENDOR_HOT").contains("error"));
}

TEST_CASE("more than a page of streams overlapping one managed subject: every one of them is seen") {
    NatsServer server;
    TestClient client(server.url());
    // 300 streams under vendor.>: the server answers "who overlaps vendor.>" in two pages (256 + 44).
    create_streams(client, "VENDOR_PART", "vendor", 300);

    const Json doc = check_json(server.url());
    const std::string reason = action_for(doc, "AA_VENDOR_HOT").at("reason");
    for (const int i : {0, 255, 256, 299}) {
        const std::string name = fmt::format("VENDOR_PART_{:05}", i);
        CHECK_MESSAGE(reason.find(overlap("vendor.>", name, fmt::format("vendor.{}", i))) != std::string::npos, name);
    }
    const Json vendor = capture_of(doc.at("capture"), "vendor.>");
    CHECK(vendor.at("state") == "partial");
    const std::vector<std::string> names = capturing_streams(vendor);
    CHECK(names.size() == 300);
    CHECK(std::is_sorted(names.begin(), names.end()));
    CHECK(names.back() == "VENDOR_PART_00299");
}

// The API requests one ensure-streams --check sends, as the server sees them.
std::vector<std::string> api_requests(TestClient& client, const std::string& url, const std::string& phase, int exit_code) {
    TestClient::Spy spy(client, "$JS.API.>");
    const RunResult r = run_aa_nats({"ensure-streams", "--phase", phase, "--check", "-s", url});
    INFO(r.out, r.err);
    CHECK(r.exit_code == exit_code);
    return spy.subjects();
}

std::size_t count_of(const std::vector<std::string>& subjects, const std::string& subject) {
    return static_cast<std::size_t>(std::count(subjects.begin(), subjects.end(), subject));
}

TEST_CASE("the reads do not grow with the account: one batch, and no scan of the account, when the topology's streams cover the subjects") {
    NatsServer server;
    TestClient client(server.url());
    client.create_stream(aa::test::legacy_stream_config());
    REQUIRE(run_aa_nats({"ensure-streams", "--phase", "0", "-s", server.url()}).exit_code == 0);  // and the DLQ
    REQUIRE(run_aa_nats({"ensure-streams", "--phase", "1", "-s", server.url()}).exit_code == 0);  // and AA_VENDOR_HOT
    const std::vector<std::string> small = api_requests(client, server.url(), "1", 0);
    create_streams(client, "UNRELATED", "unrelated", 600);
    const std::vector<std::string> large = api_requests(client, server.url(), "1", 0);
    CHECK(large == small);
    CHECK(count_of(small, "$JS.API.STREAM.LIST") == 0);  // the topology's streams answer who captures what

    // Through a slow link: every read leaves before the first API reply comes back.
    DelayProxy proxy(aa::test::DelayProxyOptions{.target_port = server.port(), .one_way = 50ms});
    CHECK(api_requests(client, proxy.url(), "1", 0) == small);
    std::size_t sent_before_reply = 0;
    for (const auto& chunk : proxy.transcript()) {
        if (chunk.direction == DelayProxy::Direction::to_client) {
            if (chunk.bytes.find("io.nats.jetstream.api.") != std::string::npos) break;
            continue;
        }
        for (auto at = chunk.bytes.find("$JS.API."); at != std::string::npos; at = chunk.bytes.find("$JS.API.", at + 1)) {
            ++sent_before_reply;
        }
    }
    CHECK(sent_before_reply == small.size());
}

TEST_CASE("a managed subject no stream of the topology covers is asked of the server, and only that one") {
    NatsServer server;
    TestClient client(server.url());
    client.create_stream(aa::test::legacy_stream_config());  // no DLQ: dlq.> is captured by no stream
    const std::vector<std::string> small = api_requests(client, server.url(), "0", 1);
    create_streams(client, "UNRELATED", "unrelated", 600);
    CHECK(api_requests(client, server.url(), "0", 1) == small);
    CHECK(count_of(small, "$JS.API.STREAM.LIST") == 1);
}

TEST_CASE("a subject move's claims are asked of the server, though the stream giving them up covers them") {
    NatsServer server;
    TestClient client(server.url());
    client.create_stream(aa::test::legacy_stream_config());
    REQUIRE(run_aa_nats({"ensure-streams", "--phase", "0", "-s", server.url()}).exit_code == 0);  // and the DLQ
    // Phase 1 moves vendor.> from the legacy stream to AA_VENDOR_HOT, which is to be created.
    TestClient::Spy spy(client, "$JS.API.STREAM.LIST");
    REQUIRE(run_aa_nats({"ensure-streams", "--phase", "1", "--check", "-s", server.url()}).exit_code == 1);
    const auto lists = spy.requests();
    REQUIRE(lists.size() == 1);
    CHECK(Json::parse(lists[0].body).at("subject") == "vendor.>");
}
