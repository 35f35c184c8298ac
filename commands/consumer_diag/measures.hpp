#pragma once
// The numbers of one consumer that monitors read, in the order both
// monitoring formats give them: the plugin's perfdata and the Prometheus
// metrics (docs/monitoring.md).

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "commands/consumer_diag/report.hpp"

namespace aa::consumer_diag {

enum class MeasureKind { pending, ack_pending, redelivered, exhausted, waiting_pulls, last_delivery, last_ack, pause_remaining };

struct Measure {
    MeasureKind kind;
    std::string_view name;  // the perfdata label: "pending", "last_delivery", ...
    double value;
    bool seconds;                         // an age or a time left, in seconds; else a count of messages or requests
    std::optional<std::uint64_t> limit;  // the --max-* threshold given for it, if any
};

// REPORT's measures: pending, ack_pending, redelivered, exhausted, then
// waiting_pulls (pull consumers), last_delivery and last_ack (when ever),
// pause_remaining (while paused, 2.11+).
// None for a consumer that does not exist.
std::vector<Measure> measures_of(const ConsumerReport& report);

}  // namespace aa::consumer_diag
