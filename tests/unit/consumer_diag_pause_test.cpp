// consumer-diag on paused consumers (nats-server 2.11+), on real 2.15.1
// replies (tests/fixtures/README.md, "Pause and priority groups"): the verdict,
// and the pause in every form a report takes. Servers before 2.11 send no
// pause: the 2.9.10 fixtures show that nothing changes for them.

#include <doctest/doctest.h>

#include <sstream>

#include "commands/consumer_diag/consumer_diag.hpp"
#include "commands/consumer_diag/watch_frame.hpp"
#include "tests/support/exposition.hpp"
#include "tests/support/json_schema.hpp"
#include "tests/unit/consumer_diag_support.hpp"
#include "tests/unit/fixtures.hpp"

using namespace aa::consumer_diag;
using namespace aa::test::consumer_diag;
using aa::test::fixture;
using namespace std::chrono_literals;

namespace {

// The paused durable: 50 pending, paused for an hour, pause_remaining 3599.008643452s.
constexpr const char* kPaused = "consumer_info_paused.json";
// Another durable on the same server, caught up (all 50 acked), then paused alike.
constexpr const char* kPausedCaughtUp = "consumer_info_paused_caught_up.json";
// The first durable after the pause was lifted (an empty PAUSE request).
constexpr const char* kResumed = "consumer_info_resumed.json";
// When the paused fixture was captured (its "ts").
const aa::TimePoint kCaptured = at("2026-12-07T19:29:48.991355817Z");
constexpr const char* kPausedReason =
    "paused until 2026-12-07T20:29:48Z (59m59s left) with 50 messages pending: nothing is delivered until then";

// FIXTURE's consumer bound on AA_CORE_HOT, diagnosed as of NOW.
ConsumerReport report_on(const std::string& reply, aa::TimePoint now = kCaptured) {
    ConsumerReport report;
    report.durable = aa::test::fixture(reply).at("name");
    report.binding = choose_binding({"AA_CORE_HOT"}, {aa::test::consumer_answer(reply)});
    report.diagnosis = diagnose(report.binding.info, now, Thresholds{}, std::nullopt);
    return report;
}

std::string human(const ConsumerReport& report) {
    std::ostringstream out;
    render_human(SingleResult{standalone_server(), report}, aa::Style(false), out);
    return out.str();
}

bool contains(const std::string& text, std::string_view part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("the fixtures are 2.15.1's, and the pause is where that server puts it") {
    const aa::Json paused = fixture(kPaused);
    CHECK(paused.at("config").at("metadata").at("_nats.ver") == "2.15.1");
    CHECK(paused.at("config").at("pause_until") == "2026-12-07T20:29:48Z");  // in config, not beside paused
    CHECK(paused.at("paused") == true);
    CHECK_FALSE(fixture(kResumed).contains("paused"));  // the server drops the keys once resumed
    CHECK_FALSE(fixture(kResumed).at("config").contains("pause_until"));
}

TEST_CASE("paused with messages pending: blocked, which fails, and the reason names the pause") {
    const auto d = diagnose(fixture(kPaused), kCaptured, Thresholds{}, std::nullopt);
    CHECK(d.verdict == Verdict::blocked);
    CHECK_FALSE(d.ok());
    REQUIRE(d.reasons.size() == 1);
    CHECK(d.reasons.at(0) == kPausedReason);
    CHECK(d.warnings.empty());
    REQUIRE(d.pause.has_value());
    CHECK(d.pause->until_text == "2026-12-07T20:29:48Z");
    CHECK(d.pause->remaining == 3599008643452ns);
    // Nothing was ever delivered, and long enough ago to be stalled: the pause is still the reason given.
    CHECK(diagnose(fixture(kPaused), kCaptured + 10min, Thresholds{}, std::nullopt).reasons.at(0) == kPausedReason);
}

TEST_CASE("paused with nothing pending: healthy, which passes, and a reason says it is paused") {
    const auto d = diagnose(fixture(kPausedCaughtUp), kCaptured, Thresholds{}, std::nullopt);
    CHECK(d.verdict == Verdict::healthy);
    CHECK(d.ok());
    CHECK(d.reasons == std::vector<std::string>{
                           "caught up: nothing pending, nothing awaiting acknowledgement",
                           "paused until 2026-12-07T20:29:48Z (59m59s left): what arrives meanwhile waits until then"});
    CHECK(d.warnings.empty());
}

TEST_CASE("resumed: the backlog is an ordinary backlog again; older servers have no pause at all") {
    const auto resumed = diagnose(fixture(kResumed), kCaptured + 1s, Thresholds{}, std::nullopt);
    CHECK(resumed.verdict == Verdict::backlog);
    CHECK(resumed.ok());
    CHECK_FALSE(resumed.pause.has_value());
    for (const char* reply : {"consumer_info_pull.json", "consumer_info_caught_up.json", "consumer_info_blocked.json"}) {
        INFO(reply);
        const auto d = diagnose(fixture(reply), at(kPullDelivered), Thresholds{}, std::nullopt);
        CHECK_FALSE(d.pause.has_value());
        for (const auto& reason : d.reasons) CHECK_FALSE(contains(reason, "paused"));
    }
}

TEST_CASE("an unreadable pause_until is a warning; the pause still counts, with the time left") {
    aa::Json info = fixture(kPaused);
    info["config"]["pause_until"] = "tomorrow";
    const auto d = diagnose(info, kCaptured, Thresholds{}, std::nullopt);
    CHECK(d.verdict == Verdict::blocked);
    CHECK(d.reasons.at(0) == "paused (59m59s left) with 50 messages pending: nothing is delivered until then");
    REQUIRE(d.warnings.size() == 1);
    CHECK(d.warnings.at(0).starts_with("pause_until: invalid timestamp"));
}

TEST_CASE("human: a Paused line, the verdict and its reason; none of it for a consumer that is not paused") {
    const std::string text = human(report_on(kPaused));
    CHECK(contains(text, "  Deliver Policy:   all\n  Paused:           until 2026-12-07T20:29:48Z (59m59s left)\n"
                         "  Pending:          50\n"));
    CHECK(contains(text, std::string("  Verdict:          BLOCKED\n                    - ") + kPausedReason + "\n"));
    CHECK(contains(human(report_on(kPausedCaughtUp)), "  Paused:           until 2026-12-07T20:29:48Z (59m59s left)\n"));
    CHECK_FALSE(contains(human(report_on(kResumed)), "Paused"));
    CHECK_FALSE(contains(human(pull_report(at(kPullDelivered))), "Paused"));
}

TEST_CASE("--all: the verdict column says paused and for how long; a failing one's reason follows the table") {
    AllResult result;
    result.server = standalone_server();
    result.streams_checked = {"AA_CORE_HOT"};
    result.consumers = {report_on(kPausedCaughtUp), report_on(kPaused), report_on(kResumed, kCaptured + 1s)};
    for (auto& c : result.consumers) c.stream = "AA_CORE_HOT";
    std::ostringstream out;
    render_human(result, aa::Style(false), out);
    const std::string text = out.str();
    INFO(text);
    CHECK(contains(text, " HEALTHY (paused, 59m59s left)\n"));
    CHECK(contains(text, " BLOCKED (paused, 59m59s left)\n"));
    CHECK(contains(text, " BACKLOG\n"));
    CHECK(contains(text, std::string("AA_CORE_HOT/normalize-hrv-durable: ") + kPausedReason + "\n"));
    CHECK(exit_code(result) == aa::ExitCode::check_failed);
}

TEST_CASE("--watch: each frame shows the pause") {
    WatchHistory history;
    const WatchFrame frame = history.record(standalone_server(), report_on(kPaused), kCaptured);
    std::ostringstream out;
    render_human(frame, aa::Style(false), out);
    CHECK(contains(out.str(), "  Paused:           until 2026-12-07T20:29:48Z (59m59s left)\n"));
    CHECK(contains(out.str(), kPausedReason));
    CHECK(exit_code(frame) == aa::ExitCode::check_failed);
}

TEST_CASE("JSON: pause is {until as sent, remaining_ms}, null when not paused; valid against the schemas") {
    const auto schemas = aa::test::SchemaSet::load(std::string(AA_DOCS_DIR) + "/schema");
    const aa::Json paused = to_json(SingleResult{standalone_server(), report_on(kPaused)});
    CHECK(paused.at("pause") == aa::Json{{"until", "2026-12-07T20:29:48Z"}, {"remaining_ms", 3599008}});
    CHECK(paused.at("verdict") == "blocked");
    CHECK(paused.at("ok") == false);
    CHECK(paused.at("reasons").at(0) == kPausedReason);
    CHECK(schemas.problems(paused, "consumer-diag.schema.json").empty());
    const aa::Json older = to_json(SingleResult{standalone_server(), pull_report(at(kPullDelivered))});
    CHECK(older.at("pause").is_null());
    CHECK(older.at("priority").is_null());
    CHECK(schemas.problems(older, "consumer-diag.schema.json").empty());
    aa::Json altered = paused;
    altered["pause"]["remaining_ms"] = "soon";
    CHECK_FALSE(schemas.problems(altered, "consumer-diag.schema.json").empty());
}

TEST_CASE("nagios: paused with a backlog is CRITICAL, the time left is perfdata; paused and caught up is OK") {
    const auto check = to_nagios(SingleResult{standalone_server(), report_on(kPaused)});
    CHECK(check.status == aa::PluginStatus::critical);
    const std::string line = aa::plugin_status_line(check);
    CHECK(line.starts_with(std::string("AA-NATS CRITICAL: AA_CORE_HOT/normalize-hrv-durable blocked: ") + kPausedReason +
                           " | pending=50;;;0 "));
    CHECK(contains(line, " pause_remaining=3599.009s;;;0"));
    const auto idle = to_nagios(SingleResult{standalone_server(), report_on(kPausedCaughtUp)});
    CHECK(idle.status == aa::PluginStatus::ok);
    CHECK(contains(aa::plugin_status_line(idle), "healthy: caught up: nothing pending, nothing awaiting acknowledgement; "
                                                 "paused until 2026-12-07T20:29:48Z (59m59s left)"));
    // Not paused: no pause_remaining, as before.
    CHECK_FALSE(contains(aa::plugin_status_line(to_nagios(SingleResult{standalone_server(), report_on(kResumed)})),
                         "pause_remaining"));
}

TEST_CASE("prometheus: a paused gauge for every consumer, the seconds left while paused") {
    const auto paused = aa::test::parse_exposition(to_prometheus(SingleResult{standalone_server(), report_on(kPaused)}).text());
    CHECK(paused.errors.empty());
    const std::map<std::string, std::string> c{{"stream", "AA_CORE_HOT"}, {"durable", "normalize-hrv-durable"}};
    CHECK(paused.value("aa_nats_consumer_paused", c) == 1);
    CHECK(paused.value("aa_nats_consumer_pause_remaining_seconds", c).value_or(0) == doctest::Approx(3599.008643452));
    CHECK(paused.type.at("aa_nats_consumer_paused") == "gauge");
    CHECK(paused.type.at("aa_nats_consumer_pause_remaining_seconds") == "gauge");
    CHECK(paused.value("aa_nats_consumer_verdict", {{"stream", "AA_CORE_HOT"}, {"durable", "normalize-hrv-durable"},
                                                     {"verdict", "blocked"}}) == 1);
    CHECK(paused.value("aa_nats_check_ok", {{"command", "consumer-diag"}}) == 0);
    const auto older =
        aa::test::parse_exposition(to_prometheus(SingleResult{standalone_server(), pull_report(at(kPullDelivered))}).text());
    CHECK(older.value("aa_nats_consumer_paused", c) == 0);
    CHECK_FALSE(older.value("aa_nats_consumer_pause_remaining_seconds", c));
}
