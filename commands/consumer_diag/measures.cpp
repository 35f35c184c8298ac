#include "commands/consumer_diag/measures.hpp"

#include <chrono>

namespace aa::consumer_diag {
namespace {

double seconds(std::chrono::nanoseconds elapsed) { return std::chrono::duration<double>(elapsed).count(); }

}  // namespace

std::vector<Measure> measures_of(const ConsumerReport& report) {
    const Json& info = report.binding.info;
    if (!info.is_object()) return {};
    const Thresholds& t = report.thresholds;
    const Diagnosis& d = report.diagnosis;
    auto count = [&](const char* key) { return static_cast<double>(uint_or(info, key)); };
    std::vector<Measure> out{
        {MeasureKind::pending, "pending", count("num_pending"), false, t.max_pending},
        {MeasureKind::ack_pending, "ack_pending", count("num_ack_pending"), false, t.max_ack_pending},
        {MeasureKind::redelivered, "redelivered", count("num_redelivered"), false, t.max_redelivered},
        {MeasureKind::exhausted, "exhausted", static_cast<double>(d.exhausted_at_least), false, std::nullopt},
    };
    if (string_or(object_at(info, "config"), "deliver_subject").empty()) {
        out.push_back({MeasureKind::waiting_pulls, "waiting_pulls", count("num_waiting"), false, std::nullopt});
    }
    if (d.delivered_ago) out.push_back({MeasureKind::last_delivery, "last_delivery", seconds(*d.delivered_ago), true, std::nullopt});
    if (d.acked_ago) out.push_back({MeasureKind::last_ack, "last_ack", seconds(*d.acked_ago), true, std::nullopt});
    if (d.pause) {
        out.push_back({MeasureKind::pause_remaining, "pause_remaining", seconds(d.pause->remaining), true, std::nullopt});
    }
    return out;
}

}  // namespace aa::consumer_diag
