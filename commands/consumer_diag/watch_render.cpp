// --watch renderings: the rate, ETA and trend block, the one-line sample, and progress in JSON.

#include "commands/consumer_diag/watch_render.hpp"

#include <algorithm>

#include <fmt/chrono.h>
#include <fmt/format.h>

#include "commands/consumer_diag/render.hpp"
#include "src/duration.hpp"
#include "src/text.hpp"

namespace aa::consumer_diag {
namespace {

std::string rate_text(const std::optional<double>& rate) {
    return rate ? fmt::format("{:.1f}/s", *rate) : "-";
}

std::string eta_text(const Progress& p) {
    if (p.eta) return p.eta->count() == 0 ? "caught up" : format_duration(std::chrono::ceil<std::chrono::seconds>(*p.eta));
    if (p.drain_per_second && *p.drain_per_second < 0) return "never (growing)";
    if (p.drain_per_second) return "never (not draining)";
    return "-";
}

std::string rfc3339_seconds(TimePoint t) {
    return fmt::format("{:%Y-%m-%dT%H:%M:%SZ}", std::chrono::floor<std::chrono::seconds>(t));
}

}  // namespace

void render_watch_block(const Progress& progress, const std::vector<Sample>& samples, std::ostream& out) {
    std::vector<std::uint64_t> pending;
    const std::size_t shown = std::min<std::size_t>(samples.size(), 40);
    for (std::size_t i = samples.size() - shown; i < samples.size(); ++i) pending.push_back(samples[i].pending);
    out << label("Rate:") << rate_text(progress.rate_per_second) << " processed, backlog "
        << (progress.drain_per_second ? fmt::format("{:+.1f}/s", -*progress.drain_per_second) : std::string("-"))
        << '\n';
    out << label("ETA:") << eta_text(progress) << '\n';
    out << label("Pending Trend:") << sparkline(pending) << '\n';
}

std::string watch_line(const ConsumerReport& report, const Progress& progress, TimePoint now) {
    const Json& info = report.binding.info;
    return fmt::format("{} {}/{} verdict={} pending={} ack_pending={} redelivered={} waiting={} rate={} eta={}",
                       rfc3339_seconds(now), printable(report.binding.bound_stream.value_or("-")), printable(report.durable),
                       to_string(report.diagnosis.verdict), uint_or(info, "num_pending"),
                       uint_or(info, "num_ack_pending"), uint_or(info, "num_redelivered"), uint_or(info, "num_waiting"),
                       rate_text(progress.rate_per_second), eta_text(progress));
}

Json to_json(const Progress& progress) {
    auto number = [](const std::optional<double>& v) { return v ? Json(*v) : Json(nullptr); };
    return Json{{"rate_per_second", number(progress.rate_per_second)},
                {"drain_per_second", number(progress.drain_per_second)},
                {"eta_ms", progress.eta ? Json(std::chrono::duration_cast<std::chrono::milliseconds>(*progress.eta).count())
                                        : Json(nullptr)}};
}

}  // namespace aa::consumer_diag
