// ensure-streams, the result: what became of each action and move, and the
// exit code a run ends with.

#include "commands/ensure_streams/result.hpp"

#include "src/signals.hpp"

namespace aa::ensure_streams {

const ActionOutcome& action_outcome(const Result& result, std::size_t i) {
    static const ActionOutcome not_applied;
    return result.report ? result.report->actions.at(i) : not_applied;
}

const MoveOutcome& move_outcome(const Result& result, std::size_t i) {
    static const MoveOutcome not_applied;
    return result.report ? result.report->moves.at(i) : not_applied;
}

ExitCode exit_code(const Result& result) {
    // In this order (docs/exit-codes.md). A write left without a reply is a
    // connection problem (3), as when reading; a move torn by the server's
    // refusal of the claim is a failed check (1). Either comes before a held
    // signal: subjects may be captured by no stream, which the operator must
    // act on, and 128 + N (or dying by the signal) would hide it.
    if (result.report && result.report->outcome == ApplyOutcome::unavailable) return ExitCode::unavailable;
    if (result.report && has_torn_moves(*result.report)) return ExitCode::check_failed;
    // Asked to stop, and stopped once the move in flight was done.
    if (result.stopped_by) return exit_code_for_signal(*result.stopped_by);
    if (has_refusals(result.plan) || result.failed()) return ExitCode::check_failed;
    if (result.check && (has_drift(result.plan) || has_capture_gaps(result.plan))) return ExitCode::check_failed;
    return ExitCode::ok;
}

}  // namespace aa::ensure_streams
