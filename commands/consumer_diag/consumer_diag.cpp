#include "commands/consumer_diag/consumer_diag.hpp"

#include "commands/consumer_diag/gather.hpp"
#include "commands/consumer_diag/plan.hpp"
#include "commands/consumer_diag/watch.hpp"

namespace aa::consumer_diag {

ExitCode run(const Options& options, CommandContext& context) {
    const Plan plan = plan_of(options, context.settings());
    if (plan.watch_interval) return watch(plan, context);

    JetStreamClient& js = context.jetstream();
    // The server's facts are asked for once the answers are in: reading its
    // greeting may take until then (src/greeting_probe.hpp).
    if (plan.all) {
        std::vector<StreamConsumers> streams = read_streams(plan, js);
        const AllResult result = all_result(plan, std::move(streams), context.server(), wall_now());
        return emit(context.output(), result, render_human, to_json, exit_code);
    }
    ConsumerReport consumer = gather_one(plan, js, wall_now());
    const SingleResult result{context.server(), std::move(consumer)};
    return emit(context.output(), result, render_human, to_json, exit_code);
}

}  // namespace aa::consumer_diag
