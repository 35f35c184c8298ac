#pragma once
// ensure-streams, gathering the facts: what the managed streams look like
// and who captures each managed subject, asked of the server in one batch.
// What it costs follows the managed streams, not the account: no stream that
// overlaps none of the managed subjects is read.

#include "commands/ensure_streams/facts.hpp"
#include "src/command_context.hpp"

namespace aa::ensure_streams {

// The facts planning TARGET needs: one batch with the managed streams' infos
// (managed_streams), the streams overlapping each managed subject
// (managed_subjects) and the first page of consumers of each stream the
// target deletes; a second only for what that batch tells is needed (stored
// messages on the subjects an update removes, more pages of consumers or of
// overlapping streams).
Facts gather_facts(const TargetTopology& target, CommandContext& context);

}  // namespace aa::ensure_streams
