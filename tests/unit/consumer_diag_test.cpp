// consumer-diag's pure parts on real 2.9.10 replies (tests/fixtures/README.md):
// the verdict, the binding, exit codes and the reports' renderings.

#include <doctest/doctest.h>

#include <algorithm>
#include <sstream>

#include "commands/consumer_diag/consumer_diag.hpp"
#include "src/jetstream_api.hpp"
#include "src/jetstream_client.hpp"
#include "tests/unit/consumer_diag_support.hpp"
#include "tests/unit/fixtures.hpp"

using namespace aa::consumer_diag;
using namespace aa::test::consumer_diag;
using aa::test::fixture;
using aa::test::consumer_answer;
using aa::test::fixture_text;
using namespace std::chrono_literals;

namespace {

bool any_contains(const std::vector<std::string>& lines, std::string_view text) {
    return std::any_of(lines.begin(), lines.end(), [&](const std::string& l) { return l.find(text) != std::string::npos; });
}

}  // namespace

TEST_CASE("pending and recently delivered: backlog, which passes; redeliveries are reported") {
    const auto d = diagnose(fixture("consumer_info_pull.json"), at(kPullDelivered) + 10s, Thresholds{}, ExpectedConfig{});
    CHECK(d.verdict == Verdict::backlog);
    CHECK(d.ok());
    CHECK(d.reasons.at(0) == "1 message pending, last delivery 10s ago");
    CHECK(any_contains(d.warnings, "1 message redelivered"));
    CHECK(d.exhausted_at_least == 0);  // the redelivered one is still ack pending
    CHECK(d.delivered_ago == 10s + 0ns);
    CHECK_FALSE(d.acked_ago.has_value());  // nothing acked yet: no ack_floor.last_active
    // The fixture's config is what the service expects: no drift.
    CHECK_FALSE(any_contains(d.warnings, "config drift"));
}

TEST_CASE("pending and nothing delivered for longer than --stall-after: stalled, which fails") {
    Thresholds t;
    t.stall_after = 5min;
    const auto d = diagnose(fixture("consumer_info_pull.json"), at(kPullDelivered) + 6min, t, std::nullopt);
    CHECK(d.verdict == Verdict::stalled);
    CHECK_FALSE(d.ok());
    CHECK(d.reasons.at(0) == "1 message pending and nothing delivered for 6m (--stall-after 5m); no pull request is waiting");
    // Just inside the limit it is still a backlog.
    CHECK(diagnose(fixture("consumer_info_pull.json"), at(kPullDelivered) + 4min, t, std::nullopt).verdict == Verdict::backlog);
}

TEST_CASE("a delivery centuries ago is long ago, not an int64 wrap-around to 'just now'") {
    aa::Json info = fixture("consumer_info_pull.json");
    info["delivered"]["last_active"] = "1700-01-01T00:00:00Z";  // parses; now - then overflows int64 ns
    Thresholds t;
    t.stall_after = 5min;
    const auto d = diagnose(info, at(kPullDelivered), t, std::nullopt);
    CHECK(d.verdict == Verdict::stalled);
    REQUIRE(d.delivered_ago.has_value());
    CHECK(*d.delivered_ago > std::chrono::hours(24 * 365 * 200));
}

TEST_CASE("ack pending at max_ack_pending with more waiting: blocked") {
    const auto d = diagnose(fixture("consumer_info_blocked.json"), at("2026-11-27T04:00:50Z"), Thresholds{}, std::nullopt);
    CHECK(d.verdict == Verdict::blocked);
    CHECK_FALSE(d.ok());
    CHECK(d.reasons.at(0).starts_with("2 awaiting acknowledgement reach max_ack_pending 2: 3 messages more"));
}

TEST_CASE("push consumer without subscriber while messages wait: unbound") {
    const auto d = diagnose(fixture("consumer_info_push_unbound.json"), at("2026-11-27T03:46:02Z"), Thresholds{}, std::nullopt);
    CHECK(d.verdict == Verdict::unbound);
    CHECK_FALSE(d.ok());
    CHECK(d.reasons.at(0) == "push consumer without a subscriber on aa.deliver.push-unbound while 3 messages wait");
    CHECK_FALSE(d.delivered_ago.has_value());
}

TEST_CASE("nothing pending, nothing awaiting ack: healthy") {
    const auto d = diagnose(fixture("consumer_info_caught_up.json"), at("2026-11-27T04:01:00Z"), Thresholds{}, ExpectedConfig{});
    CHECK(d.verdict == Verdict::healthy);
    CHECK(d.ok());
    CHECK(d.warnings.empty());
    CHECK(d.acked_ago.has_value());
}

TEST_CASE("messages that ran out of deliveries are counted from num_redelivered over num_ack_pending") {
    const auto d = diagnose(fixture("consumer_info_exhausted.json"), at("2026-11-27T04:01:00Z"), Thresholds{}, std::nullopt);
    CHECK(d.verdict == Verdict::healthy);
    CHECK(d.exhausted_at_least == 2);
    CHECK(any_contains(d.warnings, "at least 2 messages ran out of deliveries (max_deliver 2)"));
}

TEST_CASE("a missing consumer: missing, which fails") {
    const auto d = diagnose(nullptr, at("2026-11-27T04:01:00Z"), Thresholds{}, std::nullopt);
    CHECK(d.verdict == Verdict::missing);
    CHECK_FALSE(d.ok());
}

TEST_CASE("thresholds: exceeding one fails even a backlog; equal passes") {
    Thresholds t;
    t.max_pending = 0;
    t.max_ack_pending = 2;
    t.max_redelivered = 0;
    const auto d = diagnose(fixture("consumer_info_pull.json"), at(kPullDelivered) + 1s, t, std::nullopt);
    CHECK(d.verdict == Verdict::backlog);
    CHECK(d.threshold_exceeded);
    CHECK_FALSE(d.ok());
    CHECK(any_contains(d.reasons, "pending 1 exceeds --max-pending 0"));
    CHECK(any_contains(d.reasons, "redelivered 1 exceeds --max-redelivered 0"));
    CHECK_FALSE(any_contains(d.reasons, "--max-ack-pending"));
}

TEST_CASE("config drift against the service's expected max_deliver and ack_wait is a warning") {
    const auto d = diagnose(fixture("consumer_info_exhausted.json"), at("2026-11-27T04:01:00Z"), Thresholds{},
                            ExpectedConfig{5, std::chrono::milliseconds(30000)});
    CHECK(d.ok());
    CHECK(any_contains(d.warnings, "config drift: max_deliver is 2, the service expects 5 (NORMALIZE_HRV_MAX_DELIVER)"));
    CHECK(any_contains(d.warnings, "config drift: ack_wait is 1m, the service expects 30s (NORMALIZE_HRV_ACK_WAIT_MS=30000)"));
}

TEST_CASE("cluster: an offline replica is a warning") {
    const auto healthy = diagnose(fixture("consumer_info_cluster.json"), at("2026-11-27T03:46:56Z"), Thresholds{}, std::nullopt);
    CHECK_FALSE(any_contains(healthy.warnings, "replica"));
    const auto offline = diagnose(fixture("consumer_info_cluster_offline.json"), at("2026-11-27T03:47:10Z"), Thresholds{}, std::nullopt);
    CHECK(any_contains(offline.warnings, "replica n3 is offline"));
}

TEST_CASE("a garbled timestamp is a warning, not a crash") {
    aa::Json info = fixture("consumer_info_pull.json");
    info["delivered"]["last_active"] = "yesterday";
    const auto d = diagnose(info, at(kPullDelivered), Thresholds{}, std::nullopt);
    CHECK(any_contains(d.warnings, "last_active: invalid timestamp \"yesterday\""));
    CHECK_FALSE(d.delivered_ago.has_value());
}

TEST_CASE("binding: the first candidate that has the durable wins; the rest are reported") {
    const std::vector<std::string> candidates{"AA_CORE_HOT", "ATHLETE_ALLY_EVENTS", "THIRD"};
    const Binding b = choose_binding(candidates, {consumer_answer("consumer_info_not_found.json"),
                                                  consumer_answer("consumer_info_pull.json"),
                                                  consumer_answer("consumer_info_pull.json")});
    REQUIRE(b.bound_stream.has_value());
    CHECK(*b.bound_stream == "ATHLETE_ALLY_EVENTS");
    CHECK(b.candidates_tried == std::vector<std::string>{"AA_CORE_HOT", "ATHLETE_ALLY_EVENTS"});
    CHECK(b.also_on == std::vector<std::string>{"THIRD"});
    CHECK(b.misses == std::vector<std::string>{"AA_CORE_HOT: no such durable"});
    CHECK(b.info.at("num_pending") == 1);
}

TEST_CASE("binding: nowhere found tries every candidate and says why each missed") {
    const std::vector<std::string> candidates{"AA_CORE_HOT", "NO_SUCH_STREAM"};
    const Binding none = choose_binding(candidates, {consumer_answer("consumer_info_not_found.json"),
                                                     consumer_answer("consumer_info_stream_not_found.json")});
    CHECK_FALSE(none.bound_stream.has_value());
    CHECK(none.candidates_tried == candidates);
    CHECK(none.misses.at(1) == "NO_SUCH_STREAM: stream not found");
    CHECK(none.misses.at(0) == "AA_CORE_HOT: no such durable");
    CHECK(none.info.is_null());
}

TEST_CASE("exit codes: healthy and backlog pass; any failing consumer of --all fails the run") {
    ConsumerReport good;
    good.diagnosis.verdict = Verdict::backlog;
    ConsumerReport bad;
    bad.diagnosis.verdict = Verdict::blocked;
    CHECK(exit_code(good) == aa::ExitCode::ok);
    CHECK(exit_code(bad) == aa::ExitCode::check_failed);
    AllResult result;
    result.consumers = {good};
    CHECK(exit_code(result) == aa::ExitCode::ok);
    result.consumers.push_back(bad);
    CHECK(exit_code(result) == aa::ExitCode::check_failed);
    AllResult missing_stream;
    missing_stream.stream_given = true;
    missing_stream.streams_missing = {"NOPE"};
    CHECK(exit_code(missing_stream) == aa::ExitCode::check_failed);
}

TEST_CASE("JSON carries the issue's fields and the server's info as received") {
    const ConsumerReport report = pull_report(at(kPullDelivered) + 1s);
    const aa::Json doc = to_json(SingleResult{standalone_server(), report});
    CHECK(doc.at("schema_version") == aa::kJsonSchemaVersion);
    CHECK(doc.at("server") == aa::to_json(standalone_server()));
    CHECK(doc.at("server").at("clustering") == "standalone");
    CHECK(doc.at("stream").is_null());
    CHECK(doc.at("bound_stream") == "AA_CORE_HOT");
    CHECK(doc.at("candidates_tried") == aa::Json::array({"AA_CORE_HOT"}));
    CHECK(doc.at("verdict") == "backlog");
    CHECK(doc.at("info") == fixture("consumer_info_pull.json"));
    CHECK(doc.at("delivered_ago_ms") == 1000);
}

TEST_CASE("human rendering shows the facts") {
    ConsumerReport report;
    report.durable = "normalize-hrv-durable";
    report.binding = choose_binding({"AA_CORE_HOT"}, {consumer_answer("consumer_info_cluster.json")});
    report.diagnosis = diagnose(report.binding.info, at("2026-11-27T03:46:58Z"), Thresholds{}, std::nullopt);
    std::ostringstream out;
    render_human(SingleResult{standalone_server(), report}, aa::Style(false), out);
    const std::string text = out.str();
    CHECK(text.starts_with(kHeader + "Consumer normalize-hrv-durable on AA_CORE_HOT\n"));
    CHECK(text.find("  Type:             pull\n") != std::string::npos);
    CHECK(text.find("  Ack Wait:         1m\n") != std::string::npos);
    CHECK(text.find("  Delivered:        stream seq 2, consumer seq 3, moved 2s ago\n") != std::string::npos);
    CHECK(text.find("  Ack Floor:        stream seq 0, consumer seq 0, never moved\n") != std::string::npos);
    CHECK(text.find("  Cluster:          aa-test, leader n1\n") != std::string::npos);
    CHECK(text.find("  Verdict:          BACKLOG\n") != std::string::npos);
}

TEST_CASE("--all: the table and its JSON start with the server, as the other commands' do") {
    AllResult result;
    result.server = standalone_server();
    result.streams_checked = {"AA_CORE_HOT"};
    ConsumerReport report = pull_report(at(kPullDelivered) + 1s);
    report.stream = "AA_CORE_HOT";
    result.consumers = {report};
    std::ostringstream out;
    render_human(result, aa::Style(false), out);
    CHECK(out.str().starts_with(kHeader + "STREAM "));
    CHECK(out.str().ends_with("1 consumer\n"));
    const aa::Json doc = to_json(result);
    CHECK(doc.at("server") == aa::to_json(standalone_server()));
    REQUIRE(doc.at("consumers").size() == 1);
    CHECK_FALSE(doc.at("consumers").at(0).contains("server"));  // the run's, not each consumer's
    CHECK_FALSE(doc.at("consumers").at(0).contains("schema_version"));
}
