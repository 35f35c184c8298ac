// consumer-diag as a Prometheus exposition: each consumer's counters and
// verdict labelled {stream, durable}, for node_exporter's textfile collector
// (metric names, types and labels: docs/monitoring.md).

#include <algorithm>
#include <array>
#include <optional>
#include <stdexcept>

#include "commands/consumer_diag/measures.hpp"
#include "commands/consumer_diag/render.hpp"

namespace aa::consumer_diag {
namespace {

constexpr MetricFamily kPending{"aa_nats_consumer_pending_messages", MetricType::gauge,
                                "Messages of the stream the consumer has not delivered yet (num_pending)"};
constexpr MetricFamily kAckPending{"aa_nats_consumer_ack_pending_messages", MetricType::gauge,
                                   "Messages delivered and awaiting acknowledgement (num_ack_pending)"};
constexpr MetricFamily kRedelivered{"aa_nats_consumer_redelivered_messages", MetricType::gauge,
                                    "Messages delivered more than once and not acknowledged yet (num_redelivered)"};
constexpr MetricFamily kExhausted{"aa_nats_consumer_exhausted_messages", MetricType::gauge,
                                  "At least this many messages used up max_deliver and will not be retried"};
constexpr MetricFamily kWaitingPulls{"aa_nats_consumer_waiting_pull_requests", MetricType::gauge,
                                     "Pull requests waiting for messages (pull consumers only)"};
constexpr MetricFamily kLastDeliveryAge{"aa_nats_consumer_last_delivery_age_seconds", MetricType::gauge,
                                        "Seconds since the consumer last delivered a message (absent: never)"};
constexpr MetricFamily kLastAckAge{"aa_nats_consumer_last_ack_age_seconds", MetricType::gauge,
                                   "Seconds since the consumer's ack floor last moved (absent: never)"};
constexpr MetricFamily kPauseRemaining{"aa_nats_consumer_pause_remaining_seconds", MetricType::gauge,
                                       "Seconds until a paused consumer resumes (absent: not paused)"};
constexpr MetricFamily kPaused{"aa_nats_consumer_paused", MetricType::gauge,
                               "1 while the consumer is paused (nats-server 2.11+), 0 otherwise"};
constexpr MetricFamily kVerdict{"aa_nats_consumer_verdict", MetricType::gauge,
                                "1 for the consumer's verdict, 0 for the other verdicts"};
constexpr MetricFamily kConsumerOk{"aa_nats_consumer_ok", MetricType::gauge,
                                   "1 when the consumer passes the check (healthy or backlog, no threshold exceeded)"};
constexpr MetricFamily kThresholdExceeded{"aa_nats_consumer_threshold_exceeded", MetricType::gauge,
                                          "1 when the consumer exceeds the threshold given, 0 when within it"};
constexpr MetricFamily kWarnings{"aa_nats_consumer_warnings", MetricType::gauge,
                                 "Warnings about the consumer (redeliveries, config drift, replicas behind...)"};
constexpr MetricFamily kStreamFound{"aa_nats_stream_found", MetricType::gauge,
                                    "--all: 1 for a stream whose consumers were listed, 0 for one that does not exist"};

constexpr std::string_view kCommand = "consumer-diag";
constexpr std::array kVerdicts{Verdict::healthy, Verdict::backlog, Verdict::stalled,
                               Verdict::blocked, Verdict::unbound, Verdict::missing};

Labels labels_of(const ConsumerReport& report) {
    return {{"stream", report.binding.bound_stream.value_or(report.stream.value_or(""))}, {"durable", report.durable}};
}

Labels with(Labels labels, std::string name, std::string value) {
    labels.emplace_back(std::move(name), std::move(value));
    return labels;
}

void add_thresholds(const ConsumerReport& report, const Labels& labels, Exposition& out) {
    const Thresholds& t = report.thresholds;
    const std::vector<std::string>& exceeded = report.diagnosis.thresholds_exceeded;
    for (const auto& [flag, given] : {std::pair{"--max-pending", t.max_pending.has_value()},
                                      std::pair{"--max-ack-pending", t.max_ack_pending.has_value()},
                                      std::pair{"--max-redelivered", t.max_redelivered.has_value()}}) {
        if (!given) continue;
        const bool over = std::find(exceeded.begin(), exceeded.end(), flag) != exceeded.end();
        out.add(kThresholdExceeded, with(labels, "threshold", std::string(flag).substr(2)), over ? 1 : 0);
    }
}

const MetricFamily& family_of(MeasureKind kind) {
    switch (kind) {
        case MeasureKind::pending: return kPending;
        case MeasureKind::ack_pending: return kAckPending;
        case MeasureKind::redelivered: return kRedelivered;
        case MeasureKind::exhausted: return kExhausted;
        case MeasureKind::waiting_pulls: return kWaitingPulls;
        case MeasureKind::last_delivery: return kLastDeliveryAge;
        case MeasureKind::last_ack: return kLastAckAge;
        case MeasureKind::pause_remaining: return kPauseRemaining;
    }
    throw std::logic_error("unknown measure");
}

void add_consumer(const ConsumerReport& report, Exposition& out) {
    const Labels labels = labels_of(report);
    const Diagnosis& d = report.diagnosis;
    for (const Verdict verdict : kVerdicts) {
        out.add(kVerdict, with(labels, "verdict", std::string(to_string(verdict))), verdict == d.verdict ? 1 : 0);
    }
    out.add(kConsumerOk, labels, d.ok() ? 1 : 0);
    out.add(kWarnings, labels, static_cast<double>(d.warnings.size()));
    // A 0 as well, so that an alert on == 1 has a series to watch (a consumer that does not exist has none).
    if (report.binding.info.is_object()) out.add(kPaused, labels, d.pause ? 1 : 0);
    add_thresholds(report, labels, out);
    for (const Measure& m : measures_of(report)) out.add(family_of(m.kind), labels, m.value);  // none when missing
}

}  // namespace

Exposition to_prometheus(const SingleResult& result) {
    Exposition out;
    add_completed_run(out, kCommand, exit_code(result) == ExitCode::ok);
    add_consumer(result.consumer, out);
    return out;
}

Exposition to_prometheus(const AllResult& result) {
    Exposition out;
    add_completed_run(out, kCommand, exit_code(result) == ExitCode::ok);
    for (const auto& stream : result.streams_checked) out.add(kStreamFound, {{"stream", stream}}, 1);
    for (const auto& stream : result.streams_missing) out.add(kStreamFound, {{"stream", stream}}, 0);
    for (const auto& consumer : result.consumers) add_consumer(consumer, out);
    return out;
}

}  // namespace aa::consumer_diag
