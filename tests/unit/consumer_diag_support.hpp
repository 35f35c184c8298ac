#pragma once
// What the consumer-diag unit tests share: a clock from text, a server to
// report on, and the pull fixture's consumer as a report.

#include <string>
#include <string_view>

#include "commands/consumer_diag/consumer_diag.hpp"
#include "tests/unit/fixtures.hpp"

namespace aa::test::consumer_diag {

inline aa::TimePoint at(std::string_view text) { return aa::parse_timestamp(text); }

// A standalone 2.9.10 server, as CommandContext::server() describes it.
inline aa::ServerFacts standalone_server() {
    aa::ServerFacts server;
    server.url = "nats://127.0.0.1:4222";
    server.version = "2.9.10";
    server.clustering = aa::Clustering::standalone;
    return server;
}

// The lines a report on standalone_server() starts with.
inline const std::string kHeader =
    "NATS JetStream @ nats://127.0.0.1:4222 (nats-server 2.9.10, standalone)\n" + std::string(60, '=') + "\n\n";

// The pull fixture was delivered at 03:46:01.097 and has 1 pending, 2 ack pending, 1 redelivered.
inline constexpr const char* kPullDelivered = "2026-11-27T03:46:01.097772425Z";

// The pull fixture's consumer (1 pending) on AA_CORE_HOT, diagnosed as of NOW.
inline aa::consumer_diag::ConsumerReport pull_report(aa::TimePoint now) {
    aa::consumer_diag::ConsumerReport report;
    report.durable = "normalize-hrv-durable";
    report.binding = aa::consumer_diag::choose_binding({"AA_CORE_HOT"}, {consumer_answer("consumer_info_pull.json")});
    report.diagnosis = aa::consumer_diag::diagnose(report.binding.info, now, aa::consumer_diag::Thresholds{}, std::nullopt);
    return report;
}

}  // namespace aa::test::consumer_diag
