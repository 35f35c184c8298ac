#pragma once
// ensure-streams, rolling back: a phase target moves subjects from the core
// or vendor stream back to the legacy stream with the same moves as forward.
// What the operator should know about the streams the subjects leave.

#include <string>
#include <vector>

#include "commands/ensure_streams/plan.hpp"

namespace aa::ensure_streams {

// One warning per move of PLAN back to the legacy stream: the stream left
// behind keeps its messages and consumers but gets nothing new, and until
// the subjects move forward again a durable filtered on them there is
// refused (err_code 10093) when FOREIGN_FILTERS_REFUSED (nats-server 2.9),
// accepted and fed nothing otherwise (2.10+).
std::vector<std::string> rollback_warnings(const Plan& plan, bool foreign_filters_refused);

}  // namespace aa::ensure_streams
