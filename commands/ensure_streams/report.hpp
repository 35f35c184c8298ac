#pragma once
// ensure-streams, the apply report: what happened when a plan was applied.
// The plan says what was decided; the report says what the server did.

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "src/json_access.hpp"

namespace aa::ensure_streams {

enum class ApplyOutcome {
    done,
    rejected,     // the server refused a write (its reason is in that action's outcome)
    unavailable,  // a write got no reply or no responders: its effect is unknown
};

// What became of one action of the plan.
struct ActionOutcome {
    bool applied = false;
    Json reply;         // the server's reply to the write: a stream info for a create or update
    std::string note;   // e.g. "created concurrently by another run"
    std::string error;  // apply failed: the server's reason
};

// What became of one subject move of the plan.
struct MoveOutcome {
    // Set once applied: an upper bound, from sending the release to the
    // claim's reply (the server's own gap is far shorter: docs/performance.md).
    std::optional<double> window_ms;
    // The release may have been applied and the claim was not (the link was
    // lost, or the claim refused): the subjects may be captured by no stream.
    bool torn = false;
    // Torn because the server refused the claim: its reason. Running the same
    // command again would be refused again until the cause is fixed.
    std::string claim_refused;
};

// One outcome per action and per move, in the plan's order.
struct ApplyReport {
    ApplyOutcome outcome = ApplyOutcome::done;
    std::vector<ActionOutcome> actions;  // actions[i] is what became of plan.actions[i]
    std::vector<MoveOutcome> moves;      // moves[i] is what became of plan.moves[i]
};

// A move may have left subjects captured by no stream.
inline bool has_torn_moves(const ApplyReport& report) {
    return std::any_of(report.moves.begin(), report.moves.end(), [](const MoveOutcome& m) { return m.torn; });
}

}  // namespace aa::ensure_streams
