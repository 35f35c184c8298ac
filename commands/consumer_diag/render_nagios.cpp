// consumer-diag as a monitoring plugin's status line. A consumer that fails
// the check (stalled, blocked or paused with messages pending, unbound,
// missing, or over a --max-* threshold)
// is CRITICAL, one that passes with warnings (redeliveries, config drift, a
// replica behind) WARNING, else OK; a run is as bad as its worst consumer.
// The thresholds are the perfdata's critical values (docs/monitoring.md).

#include <optional>

#include <fmt/format.h>

#include "commands/consumer_diag/measures.hpp"
#include "commands/consumer_diag/render.hpp"
#include "src/text.hpp"

namespace aa::consumer_diag {
namespace {

PluginStatus status_of(const ConsumerReport& report) {
    if (!report.diagnosis.ok()) return PluginStatus::critical;
    return report.diagnosis.warnings.empty() ? PluginStatus::ok : PluginStatus::warning;
}

// "AA_CORE_HOT/normalize-hrv-durable", or the durable alone when no stream has it.
std::string name_of(const ConsumerReport& report) {
    const std::optional<std::string> stream = report.binding.bound_stream ? report.binding.bound_stream : report.stream;
    return stream ? *stream + '/' + report.durable : report.durable;
}

// "AA_CORE_HOT/normalize-hrv-durable stalled: why; warnings: what".
std::string summary_of(const ConsumerReport& report) {
    std::string text = fmt::format("{} {}: {}", name_of(report), to_string(report.diagnosis.verdict),
                                   join(report.diagnosis.reasons, "; "));
    if (!report.diagnosis.warnings.empty()) text += "; warnings: " + join(report.diagnosis.warnings, "; ");
    return text;
}

// The consumer's measures, each label after PREFIX ("" for one consumer,
// "STREAM/DURABLE " with --all), a --max-* threshold as the critical value.
void add_perfdata(const ConsumerReport& report, const std::string& prefix, std::vector<PerfDatum>& perfdata) {
    for (const Measure& m : measures_of(report)) {
        const std::optional<double> critical = m.limit ? std::optional<double>(static_cast<double>(*m.limit)) : std::nullopt;
        perfdata.push_back({prefix + std::string(m.name), m.value, m.seconds ? "s" : "", {}, critical, 0});
    }
}

// The summaries of the consumers that fail, and of those passing with warnings.
struct Sorted {
    std::vector<std::string> failing;
    std::vector<std::string> warning;
};

Sorted sorted(const AllResult& result) {
    Sorted out;
    for (const auto& c : result.consumers) {
        const PluginStatus status = status_of(c);
        if (status == PluginStatus::critical) out.failing.push_back(summary_of(c));
        if (status == PluginStatus::warning) out.warning.push_back(summary_of(c));
    }
    return out;
}

// "2 of 5 consumers fail: S/D stalled: why; ... | S/D missing: ...", the worst first.
std::string all_text(const AllResult& result, PluginStatus status, const Sorted& consumers) {
    const std::vector<std::string>& failing = consumers.failing;
    const std::vector<std::string>& warning = consumers.warning;
    const std::size_t total = result.consumers.size();
    std::string text;
    if (result.stream_given && !result.streams_missing.empty()) {
        text = fmt::format("stream {} not found", join(result.streams_missing));
    } else if (total == 0) {
        text = fmt::format("no consumers on {}", result.streams_checked.empty() ? "any stream" : join(result.streams_checked));
    } else if (status == PluginStatus::critical) {
        text = fmt::format("{} of {} consumers fail: {}", failing.size(), total, join(failing, " / "));
    } else if (status == PluginStatus::warning) {
        text = fmt::format("{} consumers pass, {} with warnings: {}", total, warning.size(), join(warning, " / "));
    } else {
        text = fmt::format("{} consumers pass on {}", total, join(result.streams_checked));
    }
    if (!result.stream_given && !result.streams_missing.empty()) text += " (not found: " + join(result.streams_missing) + ')';
    return text;
}

}  // namespace

PluginCheck to_nagios(const SingleResult& result) {
    PluginCheck check{status_of(result.consumer), summary_of(result.consumer), {}};
    add_perfdata(result.consumer, "", check.perfdata);
    return check;
}

PluginCheck to_nagios(const AllResult& result) {
    const Sorted consumers = sorted(result);
    // A stream named and not found fails the check (exit_code), as a failing consumer does.
    PluginStatus status = exit_code(result) == ExitCode::ok ? PluginStatus::ok : PluginStatus::critical;
    if (status == PluginStatus::ok && !consumers.warning.empty()) status = PluginStatus::warning;
    PluginCheck check{status, all_text(result, status, consumers), {}};
    check.perfdata.push_back({"consumers", static_cast<double>(result.consumers.size()), "", {}, {}, 0});
    check.perfdata.push_back({"failing", static_cast<double>(consumers.failing.size()), "", {}, 0, 0});
    for (const auto& c : result.consumers) add_perfdata(c, name_of(c) + ' ', check.perfdata);
    return check;
}

}  // namespace aa::consumer_diag
