#pragma once
// `aa-nats consumer-diag [STREAM] [DURABLE]`: is a durable consumer healthy,
// which stream is it bound to, and when will it catch up.
//
// What main and the tests use: the options, run(), and the pure pieces
// (diagnose, choose_binding, the reports, their exit codes and renderings).
// The rest (the plan, gathering, --watch) is internal to this folder.

#include "commands/consumer_diag/options.hpp"
#include "commands/consumer_diag/render.hpp"
#include "commands/consumer_diag/report.hpp"
#include "src/command_context.hpp"

namespace aa::consumer_diag {

// Validates the options, gathers the facts, prints the result; returns the exit code.
ExitCode run(const Options& options, CommandContext& context);

}  // namespace aa::consumer_diag
