// ensure-streams' command line: its rows, bound to its Options, and how it runs.

#include "commands/ensure_streams/ensure_streams.hpp"
#include "src/migration_phases.hpp"

namespace aa::ensure_streams {
namespace {

std::vector<BoundOption> options_of(Options& options) {
    return {
        // A string, not an int: CLI11's conversion would take "01", "0x1", "+1" and " 2" for a phase.
        {{.flag = "--phase",
          .help = "converge on a migration phase instead of the mode's topology: 0 legacy + DLQ, 1 vendor split off, "
                  "2 core split off, 3 legacy deleted",
          .allowed = kPhaseNames,
          .completion = Completion::choice},
         &options.phase},
        {{.flag = "--dry-run", .help = "print the plan and change nothing"}, &options.dry_run},
        {{.flag = "--check",
          .help = "print the plan, change nothing, and exit 1 when the server differs from the target (CI drift gate)"},
         &options.check},
        {{.flag = "--allow-delete", .help = "allow deleting the legacy stream (phase 3)"}, &options.allow_delete},
        {{.flag = "--allow-data-loss",
          .help = "allow changes that delete stored messages (a lower max_age on a stream holding messages)"},
         &options.allow_data_loss},
        {{.flag = "--allow-fewer-replicas",
          .help = "allow lowering num_replicas below what a clustered stream runs at (without NODE_ENV=production "
                  "the target is 1)"},
         &options.allow_fewer_replicas},
        {{.flag = "--assume-clustered",
          .help = "JetStream runs clustered though aa-nats cannot see it (a cluster set to no_advertise, a lone "
                  "node of one): allow more than one replica where clustering is unknown; never where a "
                  "server shows it is standalone"},
         &options.assume_clustered},
    };
}

}  // namespace

CommandDefinition definition(Options& options) {
    return {
        .name = "ensure-streams",
        .summary = "make the server match the topology (or a migration phase), safely",
        .description = "Plans how to make the server match the topology of EVENT_STREAM_MODE (or with --phase a "
                       "migration phase), refuses anything unsafe before sending a thing (a change the server cannot "
                       "make in place, one that deletes stored messages, more replicas than a standalone server can "
                       "keep), then applies the plan in an order where no subject is ever captured by two streams, "
                       "and reports what it did. Fields set by hand on a stream survive; a second run reports every "
                       "stream unchanged. It holds SIGINT, SIGTERM and SIGHUP while a subject move is in flight.",
        .options = options_of(options),
        .examples = {{"aa-nats ensure-streams --dry-run", "the plan for EVENT_STREAM_MODE's topology; changes nothing"},
                     {"aa-nats ensure-streams", "apply it; a second run reports every stream unchanged"},
                     {"aa-nats ensure-streams --check --json",
                      "CI drift gate: exit 1 when the server differs from the topology"},
                     {"aa-nats ensure-streams --phase 1",
                      "migration step: move vendor.> from the legacy stream to AA_VENDOR_HOT"},
                     {"aa-nats ensure-streams --phase 3 --allow-delete", "the last step, once the legacy consumers drained"}},
        .run = [&options](CommandContext& context) { return run(options, context); },
    };
}

}  // namespace aa::ensure_streams
