#include "commands/consumer_diag/watch_frame.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "commands/consumer_diag/render.hpp"
#include "commands/consumer_diag/render_parts.hpp"
#include "src/duration.hpp"

namespace aa::consumer_diag {
namespace {

constexpr std::size_t kKeptSamples = 120;  // enough for the rate window and the trend
constexpr std::size_t kTrendLength = 40;   // columns of the sparkline
constexpr const char* kHomeAndClear = "\x1b[H\x1b[J";

std::string rate_text(const std::optional<double>& rate) {
    return rate ? fmt::format("{:.1f}/s", *rate) : "-";
}

std::string eta_text(const Progress& p) {
    if (p.eta) return p.eta->count() == 0 ? "caught up" : format_duration(std::chrono::ceil<std::chrono::seconds>(*p.eta));
    if (p.drain_per_second && *p.drain_per_second < 0) return "never (growing)";
    if (p.drain_per_second) return "never (not draining)";
    return "-";
}

// The backlog's change per second: "-2.3/s" while it drains, "+0.0/s" while it stands still.
std::string backlog_change_text(const std::optional<double>& drain_per_second) {
    if (!drain_per_second) return "-";
    // Negating a zero drain gives -0.0, which would print as "-0.0/s".
    const double change = *drain_per_second == 0 ? 0.0 : -*drain_per_second;
    return fmt::format("{:+.1f}/s", change);
}

void render_progress(const Progress& progress, const std::vector<std::uint64_t>& trend, std::ostream& out) {
    out << label("Rate:") << rate_text(progress.rate_per_second) << " processed, backlog "
        << backlog_change_text(progress.drain_per_second) << '\n';
    out << label("ETA:") << eta_text(progress) << '\n';
    out << label("Pending Trend:") << sparkline(trend) << '\n';
}

Json to_json(const Progress& progress) {
    auto number = [](const std::optional<double>& v) { return v ? Json(*v) : Json(nullptr); };
    return Json{{"rate_per_second", number(progress.rate_per_second)},
                {"drain_per_second", number(progress.drain_per_second)},
                {"eta_ms", progress.eta ? Json(std::chrono::duration_cast<std::chrono::milliseconds>(*progress.eta).count())
                                        : Json(nullptr)}};
}

}  // namespace

WatchFrame WatchHistory::record(const ServerFacts& server, ConsumerReport consumer, TimePoint at) {
    if (consumer.binding.bound_stream) {
        samples_.push_back(sample_of(consumer.binding.info, at));
    } else {
        samples_.clear();  // a consumer that vanished restarts the arithmetic
    }
    if (samples_.size() > kKeptSamples) samples_.erase(samples_.begin());
    WatchFrame frame{server, at, std::move(consumer), progress_of(samples_), {}};
    const std::size_t shown = std::min(samples_.size(), kTrendLength);
    for (std::size_t i = samples_.size() - shown; i < samples_.size(); ++i) frame.trend.push_back(samples_[i].pending);
    return frame;
}

void render_human(const WatchFrame& frame, const Style& style, std::ostream& out) {
    render_header(frame.server, " at " + format_timestamp(frame.at), out);
    render_consumer(frame.consumer, style, out);
    render_progress(frame.progress, frame.trend, out);
    out << '\n';
}

Json to_json(const WatchFrame& frame) {
    Json doc = to_json(SingleResult{frame.server, frame.consumer});
    doc["progress"] = to_json(frame.progress);
    return doc;
}

ExitCode exit_code(const WatchFrame& frame) { return exit_code(frame.consumer); }

ExitCode emit_frame(const Output& output, const WatchFrame& frame) {
    if (output.terminal && !output.json()) output.out << kHomeAndClear;
    const ExitCode code = emit(output, frame, render_human, to_json, exit_code, JsonLayout::line);
    output.out.flush();
    return code;
}

}  // namespace aa::consumer_diag
