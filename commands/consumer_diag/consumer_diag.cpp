#include "commands/consumer_diag/consumer_diag.hpp"

#include "commands/consumer_diag/gather.hpp"
#include "commands/consumer_diag/plan.hpp"
#include "commands/consumer_diag/watch.hpp"

#include <fmt/format.h>

namespace aa::consumer_diag {

ExitCode run(const Options& options, CommandContext& context) {
    const Plan plan = plan_of(options, context.settings());
    if (plan.watch_interval) {
        // A monitor polls one check and reads one answer; --watch prints a sample per interval.
        const OutputFormat format = context.output().format;
        if (format != OutputFormat::text && format != OutputFormat::json) {
            throw UsageError(fmt::format("--watch prints a sample per interval; --format {} prints one check: run "
                                         "it without --watch",
                                         to_string(format)));
        }
        return watch(plan, context);
    }

    JetStreamClient& js = context.jetstream();
    // The server's facts are asked for once the answers are in: reading its
    // greeting may take until then (src/greeting_probe.hpp).
    if (plan.all) {
        std::vector<StreamConsumers> streams = read_streams(plan, js);
        const AllResult result = all_result(plan, std::move(streams), context.server(), wall_now());
        return emit(context.output(), result, render_human, to_json, exit_code, to_nagios, to_prometheus);
    }
    ConsumerReport consumer = gather_one(plan, js, wall_now());
    const SingleResult result{context.server(), std::move(consumer)};
    return emit(context.output(), result, render_human, to_json, exit_code, to_nagios, to_prometheus);
}

}  // namespace aa::consumer_diag
