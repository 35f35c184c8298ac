// consumer-diag's command line: its rows, bound to its Options.

#include "commands/consumer_diag/consumer_diag.hpp"
#include "src/output_format.hpp"
#include "src/service_variables.hpp"

namespace aa::consumer_diag {
namespace {

std::vector<BoundArgument> arguments(Options& options) {
    return {
        {{.name = "STREAM", .help = "stream of the consumer",
          .default_value = "the first of AA_STREAM_CANDIDATES that has the durable", .completion = Completion::stream},
         &options.stream},
        {{.name = "DURABLE", .help = "durable name", .default_value = "NORMALIZE_HRV_DURABLE",
          .completion = Completion::durable},
         &options.durable},
    };
}

std::vector<BoundOption> options_of(Options& options) {
    return {
        {{.flag = "--all", .help = "every consumer of STREAM, or of the topology's streams that exist, in one table"},
         &options.all},
        {kStallAfterOption, &options.stall_after},
        {{.flag = "--max-pending", .value_name = "N", .help = "fail when more than N messages are pending"},
         &options.max_pending},
        {{.flag = "--max-ack-pending", .value_name = "N", .help = "fail when more than N messages await acknowledgement"},
         &options.max_ack_pending},
        {{.flag = "--max-redelivered", .value_name = "N", .help = "fail when more than N messages were redelivered"},
         &options.max_redelivered},
        {kWatchOption, &options.watch},
        {kCountOption, &options.count},
        {kFormatOption, &options.format},
    };
}

}  // namespace

CommandDefinition definition(Options& options) {
    return {
        .name = "consumer-diag",
        .summary = "is a durable consumer healthy, where is it bound, when will it catch up",
        .description = "Diagnoses one durable consumer (by default the HRV normalizer's, looked up in "
                       "AA_STREAM_CANDIDATES in the order the service binds), or with --all every consumer of the "
                       "topology's streams: its verdict (healthy, behind, stalled, unbound...) and the reasons, "
                       "where it is bound, its backlog, and the thresholds given as CI gates. With --watch it "
                       "samples until stopped and shows the rate, the ETA and a pending sparkline.",
        .arguments = arguments(options),
        .options = options_of(options),
        .variables = {&kHrvDurableVariable, &kStreamCandidatesVariable, &kHrvMaxDeliverVariable,
                      &kHrvAckWaitVariable},
        .examples = {{"aa-nats consumer-diag", "the HRV durable, found through AA_STREAM_CANDIDATES; verdict and reasons"},
                     {"aa-nats consumer-diag --all", "every consumer of the topology streams; fails if any is unhealthy"},
                     {"aa-nats consumer-diag AA_CORE_HOT normalize-hrv-durable --max-pending 1000 --json",
                      "a CI gate"},
                     {"aa-nats consumer-diag --watch 5s", "live rate, ETA and pending sparkline; Ctrl-C to stop"}},
        .run = [&options](CommandContext& context) { return run(options, context); },
    };
}

}  // namespace aa::consumer_diag
