// ensure-streams: the run that glues gathering the facts, planning,
// applying and rendering together.

#include "commands/ensure_streams/ensure_streams.hpp"

#include "commands/ensure_streams/gather.hpp"
#include "src/clustering.hpp"
#include "src/signals.hpp"

namespace aa::ensure_streams {

ExitCode run(const Options& options, CommandContext& context) {
    // Read before connecting: a bad phase is a usage error, whatever the server.
    const std::optional<int> phase =
        options.phase ? std::optional<int>(parse_phase(*options.phase, "--phase")) : std::nullopt;
    const TargetTopology target = target_topology(context.settings().topology, phase);
    const Facts facts = gather_facts(target, context);

    Result result;
    result.server = facts.server;
    const Flags flags{options.allow_delete, options.allow_data_loss, options.allow_fewer_replicas,
                      options.assume_clustered};
    result.plan = make_plan(target, facts, flags);
    result.dry_run = options.dry_run || options.check ? DryRun::yes : DryRun::no;
    result.check = options.check;
    if (result.dry_run == DryRun::no && !has_refusals(result.plan)) {
        result.report = apply(result.plan, context.jetstream());
        // A fresh account had no stream to show whether it is clustered; what was just written does.
        for (const auto& done : result.report->actions) note_stream_cluster(result.server, done.reply);
        result.stopped_by = held_signal();
        result.command_line = context.command_line();
    }

    const ExitCode code = emit(context.output(), result, render_human, to_json, exit_code);
    // Subjects that may have no stream: said on stderr too, where CI logs and --json users look.
    for (std::size_t m = 0; m < result.plan.moves.size(); ++m) {
        const MoveOutcome& done = move_outcome(result, m);
        if (done.torn) {
            context.output().err << "aa-nats: error: "
                                 << torn_move_message(result.plan.moves[m], done, result.command_line) << '\n';
        }
    }
    return code;
}

}  // namespace aa::ensure_streams
