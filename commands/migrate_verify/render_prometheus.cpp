// migrate-verify as a Prometheus exposition: the phases verified, each
// check's result labelled {check, phase}, and the subject families no stream
// captures (metric names, types and labels: docs/monitoring.md).

#include "commands/migrate_verify/migrate_verify.hpp"

namespace aa::migrate_verify {
namespace {

constexpr MetricFamily kPhaseVerified{
    "aa_nats_migration_phase_verified", MetricType::gauge,
    "1 when the server is in the phase's target state (warnings allowed), 0 when not; --detect: every phase"};
constexpr MetricFamily kDetectedPhase{"aa_nats_migration_detected_phase", MetricType::gauge,
                                      "--detect: the highest migration phase verified, -1 for none"};
constexpr MetricFamily kCheckPassed{"aa_nats_migration_check_passed", MetricType::gauge,
                                    "1 when the check passed (a warning passes too), 0 when it failed"};
constexpr MetricFamily kCheckWarning{"aa_nats_migration_check_warning", MetricType::gauge,
                                     "1 when the check passed with a warning, else 0"};
constexpr MetricFamily kUncaptured{"aa_nats_subject_family_uncaptured", MetricType::gauge,
                                   "1 when no stream captures the whole event subject family (messages are lost), else 0"};

constexpr std::string_view kCommand = "migrate-verify";

}  // namespace

Exposition to_prometheus(const Result& result) {
    Exposition out;
    add_completed_run(out, kCommand, exit_code(result) == ExitCode::ok);
    if (result.phase) {
        out.add(kPhaseVerified, {{"phase", std::to_string(*result.phase)}}, count(result.checks).verified() ? 1 : 0);
    } else {
        for (const auto& p : result.phases) {
            out.add(kPhaseVerified, {{"phase", std::to_string(p.phase)}}, p.counts.verified() ? 1 : 0);
        }
        out.add(kDetectedPhase, {}, result.detected ? *result.detected : -1);
    }
    for (const auto& check : result.checks) {
        const Labels labels{{"check", check.id}, {"phase", std::to_string(check.phase)}};
        out.add(kCheckPassed, labels, check.status == Status::fail ? 0 : 1);
        out.add(kCheckWarning, labels, check.status == Status::warn ? 1 : 0);
    }
    for (const auto& capture : result.capture) out.add(kUncaptured, {{"family", capture.family}}, capture.lost() ? 1 : 0);
    return out;
}

}  // namespace aa::migrate_verify
