#pragma once
// ensure-streams, the checks of one stream's action that can be made from
// that stream alone: what the server cannot do in place, what would delete
// stored messages, and what the operator must know about the messages a
// subject leaves behind.

#include <string>
#include <vector>

#include "commands/ensure_streams/plan.hpp"

namespace aa::ensure_streams {

// Why the create or update ACTION (towards DESIRED) may not be made; empty when it may.
std::vector<std::string> stream_refusals(const StreamAction& action, const DesiredStream& desired, const Facts& facts,
                                         Flags flags);

// Why stream NAME may not be deleted; empty when it may.
std::vector<std::string> delete_refusals(const std::string& name, const Facts& facts, Flags flags);

// The messages an update leaves in the stream on the subjects it removes.
std::vector<std::string> stranded_message_warnings(const StreamAction& action, const DesiredStream& desired,
                                                   const Facts& facts);

}  // namespace aa::ensure_streams
