// consumer-diag's pure parts on real 2.9.10 replies (tests/fixtures/README.md).

#include <doctest/doctest.h>

#include <algorithm>

#include "commands/consumer_diag/consumer_diag.hpp"
#include "commands/consumer_diag/watch_frame.hpp"
#include "src/jetstream_api.hpp"
#include "src/jetstream_client.hpp"
#include "tests/unit/fixtures.hpp"

using namespace aa::consumer_diag;
using aa::test::fixture;
using aa::test::consumer_answer;
using aa::test::fixture_text;
using namespace std::chrono_literals;

namespace {

aa::TimePoint at(std::string_view text) { return aa::parse_timestamp(text); }

bool any_contains(const std::vector<std::string>& lines, std::string_view text) {
    return std::any_of(lines.begin(), lines.end(), [&](const std::string& l) { return l.find(text) != std::string::npos; });
}

// A standalone 2.9.10 server, as CommandContext::server() describes it.
aa::ServerFacts standalone_server() {
    aa::ServerFacts server;
    server.url = "nats://127.0.0.1:4222";
    server.version = "2.9.10";
    server.clustering = aa::Clustering::standalone;
    return server;
}

const std::string kHeader = "NATS JetStream @ nats://127.0.0.1:4222 (nats-server 2.9.10, standalone)\n" +
                            std::string(60, '=') + "\n\n";

// The pull fixture was delivered at 03:46:01.097 and has 1 pending, 2 ack pending, 1 redelivered.
const char* kPullDelivered = "2026-11-27T03:46:01.097772425Z";

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

TEST_CASE("progress: rate from processed deliveries, drain from pending, ETA at the drain rate") {
    const aa::TimePoint t0 = at("2026-11-27T04:00:00Z");
    std::vector<Sample> samples{{t0, 100, 0}, {t0 + 2s, 90, 10}, {t0 + 4s, 80, 20}};
    const Progress p = progress_of(samples);
    REQUIRE(p.rate_per_second.has_value());
    CHECK(*p.rate_per_second == doctest::Approx(5.0));
    CHECK(*p.drain_per_second == doctest::Approx(5.0));
    REQUIRE(p.eta.has_value());
    CHECK(*p.eta == 16s);

    // Growing backlog: no ETA, negative drain.
    const Progress growing = progress_of({{t0, 10, 0}, {t0 + 1s, 20, 5}});
    CHECK(*growing.drain_per_second < 0);
    CHECK_FALSE(growing.eta.has_value());
    // Drained: ETA zero. One sample: nothing known.
    CHECK(progress_of({{t0, 10, 0}, {t0 + 1s, 0, 10}}).eta == 0s);
    CHECK_FALSE(progress_of({{t0, 10, 0}}).rate_per_second.has_value());
    // Only the window counts: an old burst does not inflate the rate.
    std::vector<Sample> long_run{{t0, 1000, 0}};
    for (int i = 1; i <= 10; ++i) long_run.push_back({t0 + std::chrono::seconds(i), 1000, 500});
    CHECK(*progress_of(long_run, 10).rate_per_second == doctest::Approx(0.0));
}

TEST_CASE("sample_of: processed counts deliveries no longer awaiting an ack, past a stuck ack floor") {
    const Sample s = sample_of(fixture("consumer_info_caught_up.json"), at("2026-11-27T04:01:00Z"));
    CHECK(s.pending == 0);
    CHECK(s.processed == 5);
    // 3 deliveries (one a redelivery), 2 of them awaiting an ack; the ack floor is still 0.
    const Sample pull = sample_of(fixture("consumer_info_pull.json"), at("2026-11-27T04:01:00Z"));
    CHECK(pull.pending == 1);
    CHECK(pull.processed == 1);
    CHECK(sample_of(fixture("consumer_info_blocked.json"), at("2026-11-27T04:01:00Z")).processed == 0);
}

TEST_CASE("sparkline scales between minimum and maximum") {
    CHECK(sparkline({}) == "");
    CHECK(sparkline({0, 7}) == "▁█");
    CHECK(sparkline({5, 5, 5}) == "▁▁▁");
    CHECK(sparkline({0, 1, 2, 3, 4, 5, 6, 7}) == "▁▂▃▄▅▆▇█");
}

TEST_CASE("JSON carries the issue's fields and the server's info as received") {
    ConsumerReport report;
    report.durable = "normalize-hrv-durable";
    report.binding = choose_binding({"AA_CORE_HOT"}, {consumer_answer("consumer_info_pull.json")});
    report.diagnosis = diagnose(report.binding.info, at(kPullDelivered) + 1s, Thresholds{}, std::nullopt);
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

namespace {

// The pull fixture's consumer (1 pending) as a watch sees it at AT.
ConsumerReport pull_report(aa::TimePoint now) {
    ConsumerReport report;
    report.durable = "normalize-hrv-durable";
    report.binding = choose_binding({"AA_CORE_HOT"}, {consumer_answer("consumer_info_pull.json")});
    report.diagnosis = diagnose(report.binding.info, now, Thresholds{}, std::nullopt);
    return report;
}

}  // namespace

TEST_CASE("a watch frame is the whole report, its first line carrying the sample's time, then rate, ETA and trend") {
    const aa::TimePoint t0 = at("2026-11-27T03:46:58.5Z");
    WatchHistory history;
    const WatchFrame first = history.record(standalone_server(), pull_report(t0), t0);
    const WatchFrame second = history.record(standalone_server(), pull_report(t0 + 2s), t0 + 2s);
    CHECK(first.trend == std::vector<std::uint64_t>{1});
    CHECK(second.trend == std::vector<std::uint64_t>{1, 1});

    std::ostringstream out;
    render_human(second, aa::Style(false), out);
    const std::string text = out.str();
    CHECK(text.starts_with("NATS JetStream @ nats://127.0.0.1:4222 (nats-server 2.9.10, standalone) at 2026-11-27T03:47:00Z\n" +
                           std::string(60, '=') + "\n\nConsumer normalize-hrv-durable on AA_CORE_HOT\n"));
    CHECK(text.find("  Verdict:          BACKLOG\n") != std::string::npos);
    // Nothing moved between the two samples: no drain, so no ETA.
    CHECK(text.ends_with("  Rate:             0.0/s processed, backlog +0.0/s\n"
                         "  ETA:              never (not draining)\n"
                         "  Pending Trend:    ▁▁\n\n"));

    std::ostringstream first_out;
    render_human(first, aa::Style(false), first_out);
    CHECK(first_out.str().ends_with("  Rate:             - processed, backlog -\n  ETA:              -\n  Pending Trend:    ▁\n\n"));
}

TEST_CASE("a watch frame's JSON is the one-consumer document plus progress") {
    const aa::TimePoint t0 = at("2026-11-27T03:46:58Z");
    WatchHistory history;
    history.record(standalone_server(), pull_report(t0), t0);
    const aa::Json doc = to_json(history.record(standalone_server(), pull_report(t0 + 1s), t0 + 1s));
    CHECK(doc.at("verdict") == "backlog");
    CHECK(doc.at("server") == aa::to_json(standalone_server()));
    CHECK(doc.at("progress").at("rate_per_second") == 0.0);
    CHECK(doc.at("progress").at("eta_ms").is_null());
    CHECK(doc.at("info") == fixture("consumer_info_pull.json"));
}

TEST_CASE("a consumer that vanishes restarts the watch's arithmetic") {
    const aa::TimePoint t0 = at("2026-11-27T03:46:58Z");
    WatchHistory history;
    history.record(standalone_server(), pull_report(t0), t0);
    ConsumerReport gone;
    gone.durable = "normalize-hrv-durable";
    gone.diagnosis = diagnose(nullptr, t0 + 1s, Thresholds{}, std::nullopt);
    const WatchFrame missing = history.record(standalone_server(), gone, t0 + 1s);
    CHECK(missing.trend.empty());
    CHECK(exit_code(missing) == aa::ExitCode::check_failed);
    const WatchFrame back = history.record(standalone_server(), pull_report(t0 + 2s), t0 + 2s);
    CHECK(back.trend == std::vector<std::uint64_t>{1});
    CHECK_FALSE(back.progress.rate_per_second.has_value());
}

TEST_CASE("the terminal decides decoration only: a frame is redrawn in place, with the same content as in a pipe") {
    const aa::TimePoint t0 = at("2026-11-27T03:46:58Z");
    WatchHistory history;
    const WatchFrame frame = history.record(standalone_server(), pull_report(t0), t0);
    std::ostringstream pipe_out, terminal_out, json_out, err;
    const aa::Output pipe{pipe_out, err, false, aa::Style(false), false};
    const aa::Output terminal{terminal_out, err, false, aa::Style(false), true};
    const aa::Output terminal_json{json_out, err, true, aa::Style(false), true};
    CHECK(emit_frame(pipe, frame) == aa::ExitCode::ok);
    CHECK(emit_frame(terminal, frame) == aa::ExitCode::ok);
    CHECK(emit_frame(terminal_json, frame) == aa::ExitCode::ok);
    CHECK(pipe_out.str().starts_with("NATS JetStream @ "));
    CHECK(pipe_out.str().find('\x1b') == std::string::npos);
    CHECK(terminal_out.str() == "\x1b[H\x1b[J" + pipe_out.str());
    // --json: one document per line, never screen codes.
    const std::string line = json_out.str();
    CHECK(std::count(line.begin(), line.end(), '\n') == 1);
    CHECK(line.find('\x1b') == std::string::npos);
    CHECK(aa::Json::parse(line) == to_json(frame));
}

TEST_CASE("--all: the table and its JSON start with the server, as the other commands' do") {
    AllResult result;
    result.server = standalone_server();
    result.streams_checked = {"AA_CORE_HOT"};
    ConsumerReport report;
    report.stream = "AA_CORE_HOT";
    report.durable = "normalize-hrv-durable";
    report.binding = choose_binding({"AA_CORE_HOT"}, {consumer_answer("consumer_info_pull.json")});
    report.diagnosis = diagnose(report.binding.info, at(kPullDelivered) + 1s, Thresholds{}, std::nullopt);
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
