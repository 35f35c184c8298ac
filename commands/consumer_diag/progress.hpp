#pragma once
// --watch arithmetic: consumption rate, drain rate, ETA and a sparkline, from
// samples alone (pure, so the unit tests feed it made-up clocks).

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "src/json_access.hpp"
#include "src/timestamp.hpp"

namespace aa::consumer_diag {

// One look at the consumer.
struct Sample {
    TimePoint at;
    std::uint64_t pending = 0;
    std::uint64_t processed = 0;  // deliveries no longer awaiting an ack: delivered.consumer_seq - num_ack_pending
};
Sample sample_of(const Json& info, TimePoint at);

struct Progress {
    std::optional<double> rate_per_second;         // messages processed per second
    std::optional<double> drain_per_second;        // net backlog decrease per second (negative: growing)
    std::optional<std::chrono::nanoseconds> eta;   // time to an empty backlog at the drain rate
};
// Over the last WINDOW samples (at least two are needed for rates).
Progress progress_of(const std::vector<Sample>& samples, std::size_t window = 10);

// "▁▂▄█" for the values, scaled between their minimum and maximum.
std::string sparkline(const std::vector<std::uint64_t>& values);

}  // namespace aa::consumer_diag
