#pragma once
// ensure-streams, applying a plan: its writes, in an order where the server
// never sees two streams capture one subject.

#include <cstddef>
#include <vector>

#include "commands/ensure_streams/plan.hpp"
#include "commands/ensure_streams/report.hpp"
#include "src/jetstream_client.hpp"

namespace aa::ensure_streams {

// The indices of the actions in the order to send them: unrelated ones first,
// then those releasing subjects, then those claiming them right after.
std::vector<std::size_t> apply_order(const Plan& plan);

// Sends the plan's writes, taken in apply_order, in three steps: those that
// move no subject and delete nothing together in one batch (every reply
// recorded), then each delete alone, then the releases and claims of subject
// moves together in one batch, with termination signals held until they are
// answered (src/signals.hpp). A failure (recorded as that action's error)
// stops the apply before the next of these steps.
ApplyReport apply(const Plan& plan, JetStreamClient& js);

}  // namespace aa::ensure_streams
