#pragma once
// ensure-streams, rolling back: a phase target moves subjects from the core
// or vendor stream back to the legacy stream with the same moves as forward.
// What the operator should know about the streams the subjects leave.

#include <string>
#include <vector>

#include "commands/ensure_streams/plan.hpp"

namespace aa::ensure_streams {

// One warning per move of PLAN back to the legacy stream: the stream left
// behind keeps its messages and consumers but gets nothing new, and, checked
// on nats-server 2.9.10, accepts no new durable filtered on the moved
// subjects (err_code 10093) until they move forward again.
std::vector<std::string> rollback_warnings(const Plan& plan);

}  // namespace aa::ensure_streams
