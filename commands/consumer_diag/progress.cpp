#include "commands/consumer_diag/progress.hpp"

#include <algorithm>
#include <array>
#include <cmath>

namespace aa::consumer_diag {

Sample sample_of(const Json& info, TimePoint at) {
    Sample s;
    s.at = at;
    s.pending = uint_or(info, "num_pending");
    // Every delivery bumps delivered.consumer_seq; the ones still awaiting an
    // ack are not done yet. The ack floor would be simpler but stands still
    // behind a single unacked message while everything after it is processed.
    const std::uint64_t deliveries = uint_or(object_at(info, "delivered"), "consumer_seq");
    const std::uint64_t outstanding = uint_or(info, "num_ack_pending");
    s.processed = deliveries > outstanding ? deliveries - outstanding : 0;
    return s;
}

Progress progress_of(const std::vector<Sample>& samples, std::size_t window) {
    Progress p;
    if (samples.size() < 2 || window < 2) return p;
    const Sample& last = samples.back();
    const Sample& first = samples[samples.size() - std::min(window, samples.size())];
    const double seconds = std::chrono::duration<double>(last.at - first.at).count();
    if (seconds <= 0) return p;
    // A consumer re-created between samples restarts its sequences: no rate then.
    if (last.processed >= first.processed) {
        p.rate_per_second = static_cast<double>(last.processed - first.processed) / seconds;
    }
    p.drain_per_second = (static_cast<double>(first.pending) - static_cast<double>(last.pending)) / seconds;
    if (last.pending == 0) {
        p.eta = std::chrono::nanoseconds(0);
    } else if (*p.drain_per_second > 0) {
        const double eta_seconds = static_cast<double>(last.pending) / *p.drain_per_second;
        if (eta_seconds < 1e9) {  // beyond ~30 years it is "never" for an operator
            p.eta = std::chrono::nanoseconds(static_cast<std::int64_t>(std::llround(eta_seconds * 1e9)));
        }
    }
    return p;
}

std::string sparkline(const std::vector<std::uint64_t>& values) {
    static constexpr std::array<const char*, 8> kBars{"▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"};
    if (values.empty()) return "";
    const auto [lo, hi] = std::minmax_element(values.begin(), values.end());
    std::string out;
    for (const std::uint64_t v : values) {
        std::size_t level = 0;
        if (*hi > *lo) {
            level = static_cast<std::size_t>((static_cast<double>(v - *lo) / static_cast<double>(*hi - *lo)) * 7.0 + 0.5);
        }
        out += kBars[std::min<std::size_t>(level, 7)];
    }
    return out;
}

}  // namespace aa::consumer_diag
