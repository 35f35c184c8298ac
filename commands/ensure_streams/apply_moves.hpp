#pragma once
// ensure-streams, the subject moves of a plan: their releases and claims go
// out in one batch, back to back, and every reply is recorded; then each move
// is judged complete (with the window it left its subjects without a stream)
// or torn.

#include <cstddef>
#include <vector>

#include "commands/ensure_streams/plan.hpp"
#include "commands/ensure_streams/report.hpp"
#include "src/jetstream_client.hpp"

namespace aa::ensure_streams {

// The actions of GROUP (releases first, then claims) in one batch. Every
// reply of the batch is recorded, applied or refused: the server handled
// every request it got, so a claim it applied after another write of the
// batch failed is applied, and said so. A release the server refuses makes
// it refuse its claims too (they overlap); such a claim is not retried.
// The caller holds termination signals (src/signals.hpp) around it.
ApplyOutcome apply_moves(const Plan& plan, ApplyReport& report, const std::vector<std::size_t>& group,
                         JetStreamClient& js);

}  // namespace aa::ensure_streams
