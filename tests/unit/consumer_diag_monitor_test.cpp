// consumer-diag for monitors (render_nagios.cpp, render_prometheus.cpp) on
// results built from real 2.9.10 replies: the status each verdict maps to,
// the perfdata with the thresholds, and an exposition a parser reads back.

#include <doctest/doctest.h>

#include "commands/consumer_diag/consumer_diag.hpp"
#include "tests/support/exposition.hpp"
#include "tests/unit/consumer_diag_support.hpp"
#include "tests/unit/fixtures.hpp"

using namespace aa::consumer_diag;
using namespace aa::test::consumer_diag;
using aa::PluginStatus;
using aa::test::fixture;
using aa::test::parse_exposition;
using namespace std::chrono_literals;

namespace {

// The report on fixture REPLY's consumer, bound on AA_CORE_HOT, judged by THRESHOLDS as of NOW.
ConsumerReport report_on(const std::string& reply, aa::TimePoint now, const Thresholds& thresholds = {}) {
    ConsumerReport report;
    report.durable = "normalize-hrv-durable";
    report.binding = choose_binding({"AA_CORE_HOT"}, {aa::test::consumer_answer(reply)});
    report.thresholds = thresholds;
    report.diagnosis = diagnose(report.binding.info, now, thresholds, std::nullopt);
    return report;
}

SingleResult single(ConsumerReport report) { return SingleResult{standalone_server(), std::move(report)}; }

const aa::TimePoint kNow = at(kPullDelivered) + 10s;

}  // namespace

TEST_CASE("nagios: caught up is OK, with the counters as perfdata") {
    const auto check = to_nagios(single(report_on("consumer_info_caught_up.json", at("2026-11-27T04:01:00Z"))));
    CHECK(check.status == PluginStatus::ok);
    const std::string line = aa::plugin_status_line(check);
    CHECK(line.starts_with("AA-NATS OK: AA_CORE_HOT/normalize-hrv-durable healthy: caught up"));
    CHECK(line.find(" | pending=0;;;0 ack_pending=0;;;0 redelivered=0;;;0 exhausted=0;;;0 waiting_pulls=") !=
          std::string::npos);
}

TEST_CASE("nagios: a backlog with a redelivery passes with a warning: WARNING") {
    const auto check = to_nagios(single(report_on("consumer_info_pull.json", kNow)));
    CHECK(check.status == PluginStatus::warning);
    CHECK(aa::plugin_status_line(check) ==
          "AA-NATS WARNING: AA_CORE_HOT/normalize-hrv-durable backlog: 1 message pending, last delivery 10s ago; "
          "warnings: 1 message redelivered (delivered more than once and not acknowledged) | pending=1;;;0 "
          "ack_pending=2;;;0 redelivered=1;;;0 exhausted=0;;;0 waiting_pulls=0;;;0 last_delivery=10s;;;0");
}

TEST_CASE("nagios: an exceeded threshold is CRITICAL, and the thresholds are the perfdata's critical values") {
    Thresholds t;
    t.max_pending = 0;
    t.max_ack_pending = 10;
    const auto check = to_nagios(single(report_on("consumer_info_pull.json", kNow, t)));
    CHECK(check.status == PluginStatus::critical);
    const std::string line = aa::plugin_status_line(check);
    CHECK(line.find("pending 1 exceeds --max-pending 0") != std::string::npos);
    CHECK(line.find("| pending=1;;0;0 ack_pending=2;;10;0 redelivered=1;;;0") != std::string::npos);
}

TEST_CASE("nagios: blocked and missing are CRITICAL; a missing consumer has no perfdata") {
    CHECK(to_nagios(single(report_on("consumer_info_blocked.json", kNow))).status == PluginStatus::critical);
    ConsumerReport missing;
    missing.durable = "normalize-hrv-durable";
    missing.binding = choose_binding({"AA_CORE_HOT", "ATHLETE_ALLY_EVENTS"},
                                     {aa::test::consumer_answer("consumer_info_not_found.json"),
                                      aa::test::consumer_answer("consumer_info_stream_not_found.json")});
    missing.diagnosis = diagnose(missing.binding.info, kNow, {}, std::nullopt);
    const auto check = to_nagios(single(missing));
    CHECK(check.status == PluginStatus::critical);
    CHECK(check.perfdata.empty());
    CHECK(aa::plugin_status_line(check).starts_with(
        "AA-NATS CRITICAL: normalize-hrv-durable missing: the durable consumer does not exist"));
}

TEST_CASE("nagios --all: the worst consumer decides; each consumer's perfdata is labelled by its name") {
    AllResult result;
    result.server = standalone_server();
    result.streams_checked = {"AA_CORE_HOT"};
    result.consumers = {report_on("consumer_info_caught_up.json", kNow)};
    CHECK(to_nagios(result).status == PluginStatus::ok);
    CHECK(aa::plugin_status_line(to_nagios(result)).starts_with("AA-NATS OK: 1 consumers pass on AA_CORE_HOT | "
                                                                "consumers=1;;;0 failing=0;;0;0 "
                                                                "'AA_CORE_HOT/normalize-hrv-durable pending'=0;;;0"));
    result.consumers.push_back(report_on("consumer_info_blocked.json", kNow));
    const auto check = to_nagios(result);
    CHECK(check.status == PluginStatus::critical);
    CHECK(aa::plugin_status_line(check).starts_with("AA-NATS CRITICAL: 1 of 2 consumers fail: "));
    AllResult no_stream;
    no_stream.stream_given = true;
    no_stream.streams_missing = {"NOPE"};
    CHECK(to_nagios(no_stream).status == PluginStatus::critical);
    CHECK(to_nagios(no_stream).text == "stream NOPE not found");
}

TEST_CASE("prometheus: the counters, one verdict set to 1, thresholds and the run's metrics") {
    Thresholds t;
    t.max_pending = 0;
    const auto text = to_prometheus(single(report_on("consumer_info_pull.json", kNow, t))).text();
    const auto parsed = parse_exposition(text);
    INFO(text);
    CHECK(parsed.errors.empty());
    const std::map<std::string, std::string> c{{"stream", "AA_CORE_HOT"}, {"durable", "normalize-hrv-durable"}};
    auto with = [&](const char* name, const char* value) {
        auto labels = c;
        labels[name] = value;
        return labels;
    };
    CHECK(parsed.value("aa_nats_up", {{"command", "consumer-diag"}}) == 1);
    CHECK(parsed.value("aa_nats_check_ok", {{"command", "consumer-diag"}}) == 0);
    CHECK(parsed.value("aa_nats_consumer_pending_messages", c) == 1);
    CHECK(parsed.value("aa_nats_consumer_ack_pending_messages", c) == 2);
    CHECK(parsed.value("aa_nats_consumer_redelivered_messages", c) == 1);
    CHECK(parsed.value("aa_nats_consumer_waiting_pull_requests", c) == 0);
    CHECK(parsed.value("aa_nats_consumer_last_delivery_age_seconds", c) == 10);
    CHECK_FALSE(parsed.value("aa_nats_consumer_last_ack_age_seconds", c));  // never acked
    CHECK(parsed.value("aa_nats_consumer_verdict", with("verdict", "backlog")) == 1);
    CHECK(parsed.value("aa_nats_consumer_verdict", with("verdict", "healthy")) == 0);
    CHECK(parsed.count("aa_nats_consumer_verdict") == 6);
    CHECK(parsed.value("aa_nats_consumer_ok", c) == 0);
    CHECK(parsed.value("aa_nats_consumer_threshold_exceeded", with("threshold", "max-pending")) == 1);
    CHECK(parsed.count("aa_nats_consumer_threshold_exceeded") == 1);  // only the thresholds given
    CHECK(parsed.value("aa_nats_consumer_warnings", c) == 1);
    CHECK(parsed.type.at("aa_nats_consumer_pending_messages") == "gauge");
}

TEST_CASE("prometheus --all: one series per consumer; streams found and not") {
    AllResult result;
    result.server = standalone_server();
    result.streams_checked = {"AA_CORE_HOT"};
    result.streams_missing = {"AA_DLQ"};
    ConsumerReport other = report_on("consumer_info_caught_up.json", kNow);
    other.durable = "other";
    result.consumers = {report_on("consumer_info_pull.json", kNow), other};
    const auto parsed = parse_exposition(to_prometheus(result).text());
    CHECK(parsed.errors.empty());
    CHECK(parsed.count("aa_nats_consumer_pending_messages") == 2);
    CHECK(parsed.value("aa_nats_consumer_ok", {{"stream", "AA_CORE_HOT"}, {"durable", "other"}}) == 1);
    CHECK(parsed.value("aa_nats_stream_found", {{"stream", "AA_CORE_HOT"}}) == 1);
    CHECK(parsed.value("aa_nats_stream_found", {{"stream", "AA_DLQ"}}) == 0);
    CHECK(parsed.value("aa_nats_check_ok", {{"command", "consumer-diag"}}) == 1);
}
