#pragma once
// `aa-nats ensure-streams [--phase N] [--dry-run|--check]`: make the server
// match the topology, safely and idempotently. Every run builds a plan first
// (pure: facts -> plan), refuses anything unsafe before sending a thing, then
// applies the plan in an order where the server never sees an overlap, and
// reports what it did.
//
// The command's public header, for main and the tests. Inside the folder the
// layers are, bottom up: facts, plan (with its steps capture, replicas,
// refusals, ownership), report, then gather, apply and result; this file
// sits on top.

#include <optional>
#include <string>

#include "commands/ensure_streams/apply.hpp"
#include "commands/ensure_streams/facts.hpp"
#include "commands/ensure_streams/plan.hpp"
#include "commands/ensure_streams/report.hpp"
#include "commands/ensure_streams/result.hpp"
#include "src/cli_definition.hpp"
#include "src/command_context.hpp"

namespace aa::ensure_streams {

struct Options {
    // --phase as typed (nullopt: no phase, the mode's topology); read with
    // parse_phase before connecting, as migrate-verify reads its PHASE.
    std::optional<std::string> phase;
    bool dry_run = false;
    bool check = false;
    bool allow_delete = false;
    bool allow_data_loss = false;
    bool allow_fewer_replicas = false;
    bool assume_clustered = false;
};

// Its options, bound to OPTIONS, what it is for, and how it runs
// (definition.cpp).
CommandDefinition definition(Options& options);

// Gathers the facts, plans, applies unless asked not to, and emits the result.
ExitCode run(const Options& options, CommandContext& context);

}  // namespace aa::ensure_streams
