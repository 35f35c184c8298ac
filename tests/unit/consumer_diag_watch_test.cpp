// consumer-diag --watch's pure parts: the progress arithmetic, the trend, and
// the frames a watch prints, on real 2.9.10 replies with made-up clocks.

#include <doctest/doctest.h>

#include <algorithm>
#include <sstream>

#include "commands/consumer_diag/watch_frame.hpp"
#include "tests/unit/consumer_diag_support.hpp"
#include "tests/unit/fixtures.hpp"

using namespace aa::consumer_diag;
using namespace aa::test::consumer_diag;
using aa::test::fixture;
using namespace std::chrono_literals;

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
    const aa::Output pipe{pipe_out, err, aa::OutputFormat::text, aa::Style(false), false};
    const aa::Output terminal{terminal_out, err, aa::OutputFormat::text, aa::Style(false), true};
    const aa::Output terminal_json{json_out, err, aa::OutputFormat::json, aa::Style(false), true};
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
