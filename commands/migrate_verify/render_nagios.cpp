// migrate-verify as a monitoring plugin's status line: a phase that fails a
// check is CRITICAL, one verified with warnings WARNING, one verified without
// OK. With --detect: no phase verified is CRITICAL, else as the detected
// phase's checks say (docs/monitoring.md).

#include <fmt/format.h>

#include "commands/migrate_verify/check_text.hpp"
#include "commands/migrate_verify/migrate_verify.hpp"
#include "src/text.hpp"

namespace aa::migrate_verify {
namespace {

PluginStatus status_of(const Counts& counts) {
    if (!counts.verified()) return PluginStatus::critical;
    return counts.warnings > 0 ? PluginStatus::warning : PluginStatus::ok;
}

// The texts of the checks in STATUS, " / " between them.
std::string texts_of(const std::vector<Check>& checks, Status status) {
    std::vector<std::string> texts;
    for (const auto& check : checks) {
        if (check.status == status) texts.push_back(check_text(check));
    }
    return join(texts, " / ");
}

std::string verify_text(int phase, const std::vector<Check>& checks, const Counts& c) {
    if (!c.verified()) {
        return fmt::format("phase {} not verified ({}): {}", phase, counts_line(c), texts_of(checks, Status::fail));
    }
    if (c.warnings > 0) {
        return fmt::format("phase {} verified ({}): {}", phase, counts_line(c), texts_of(checks, Status::warn));
    }
    return fmt::format("phase {} verified ({})", phase, counts_line(c));
}

// The detected phase's outcome; null when no phase verified.
const PhaseOutcome* detected_outcome(const Result& result) {
    if (!result.detected) return nullptr;
    for (const auto& p : result.phases) {
        if (p.phase == *result.detected) return &p;
    }
    return nullptr;
}

std::string detect_text(const Result& result, const std::vector<std::string>& lost) {
    std::string text = result.detected ? fmt::format("detected phase {}", *result.detected) : "no migration phase verified";
    for (const auto& p : result.phases) {
        if (result.detected && p.phase <= *result.detected) continue;
        text += fmt::format("; phase {} not verified ({})", p.phase, counts_line(p.counts));
        break;  // the next phase is what the operator works towards
    }
    if (const PhaseOutcome* detected = detected_outcome(result); detected && detected->counts.warnings > 0) {
        text += fmt::format("; phase {} has warnings ({})", detected->phase, counts_line(detected->counts));
    }
    if (!lost.empty()) text += "; captured by no stream: " + join(lost);
    return text;
}

}  // namespace

PluginCheck to_nagios(const Result& result) {
    PluginCheck check;
    const std::vector<std::string> lost = lost_families(result.capture);
    if (result.phase) {
        const Counts c = count(result.checks);
        check.status = status_of(c);
        check.text = verify_text(*result.phase, result.checks, c);
        check.perfdata = {{"passed", c.passed, "", {}, {}, 0},
                          {"failed", c.failed, "", {}, 0, 0},
                          {"warnings", c.warnings, "", 0, {}, 0}};
    } else {
        const PhaseOutcome* detected = detected_outcome(result);
        check.status = detected ? status_of(detected->counts) : PluginStatus::critical;
        check.text = detect_text(result, lost);
        const std::optional<double> phase = result.detected ? std::optional<double>(*result.detected) : std::nullopt;
        check.perfdata = {{"detected_phase", phase, "", {}, {}, 0}};
    }
    check.perfdata.push_back({"uncaptured", static_cast<double>(lost.size()), "", {}, 0, 0});
    return check;
}

}  // namespace aa::migrate_verify
