#pragma once
// ensure-streams, gathering the facts: what the managed streams look like
// and who captures each managed subject. What it costs follows the managed
// streams, not the account: no stream that overlaps none of the managed
// subjects is read, and the server scans its streams for a subject only
// when no managed stream covers it.

#include "commands/ensure_streams/facts.hpp"
#include "src/command_context.hpp"

namespace aa::ensure_streams {

// The facts planning TARGET needs. One batch: the managed streams' infos
// (managed_streams) and the first page of consumers of each stream the
// target deletes. A second only for what that batch tells is needed: the
// streams overlapping each managed subject no managed stream covers or a
// target stream is to claim (subjects_to_ask: a fresh server, a subject
// captured by no stream or only in part, or by a stream outside the
// topology; a subject move), and the stored
// messages on the subjects an update removes. More pages of overlapping
// streams or of consumers, rarely, after that.
Facts gather_facts(const TargetTopology& target, CommandContext& context);

}  // namespace aa::ensure_streams
