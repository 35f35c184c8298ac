// stream-info's command line: its rows, bound to its Options, and how it runs.

#include "commands/stream_info/stream_info.hpp"

namespace aa::stream_info {

CommandDefinition definition(Options& options) {
    return {
        .name = "stream-info",
        .summary = "what the streams look like now, and how they differ from the topology",
        .description = "Shows the topology's core, vendor, DLQ and legacy streams (or the streams named, or with "
                       "--all every stream in the account): subjects, storage, retention, replicas and their "
                       "cluster state, messages and bytes, and how each managed stream differs from the topology "
                       "(the drift ensure-streams would act on). First it says which stream captures each event "
                       "subject family. A stream named on the command line that does not exist fails the command.",
        .arguments = {{{.name = "STREAM",
                        .help = "streams to show",
                        .default_value = "the topology's core, vendor, DLQ and legacy streams",
                        .completion = Completion::stream,
                        .many = true},
                       &options.names}},
        .options = {{{.flag = "--all", .help = "every stream in the account, as a table sorted by name"}, &options.all}},
        .examples = {{"aa-nats stream-info", "the core, vendor, DLQ and legacy streams, with drift"},
                     {"aa-nats stream-info --all", "every stream in the account, as a table"},
                     {"aa-nats stream-info AA_CORE_HOT --json", "one stream, the server's own stream info in JSON"}},
        .run = [&options](CommandContext& context) { return run(options, context); },
    };
}

}  // namespace aa::stream_info
