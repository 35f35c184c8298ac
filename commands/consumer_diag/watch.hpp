#pragma once
// consumer-diag --watch: sample one consumer every interval until --count
// samples or Ctrl-C, one frame per sample.

#include "commands/consumer_diag/plan.hpp"
#include "src/command_context.hpp"

namespace aa::consumer_diag {

// Samples until --count or Ctrl-C. Returns ok after Ctrl-C, else the last sample's code.
ExitCode watch(const Plan& plan, CommandContext& context);

}  // namespace aa::consumer_diag
