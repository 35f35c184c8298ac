#pragma once
// aa-nats' command line, whole: every command's definition bound to its
// option values, the global options, the variables, files and exit statuses.
// The one place that lists the commands.

#include "commands/completion/completion.hpp"
#include "commands/consumer_diag/consumer_diag.hpp"
#include "commands/ensure_streams/ensure_streams.hpp"
#include "commands/generate/generate.hpp"
#include "commands/migrate_verify/migrate_verify.hpp"
#include "commands/stream_info/stream_info.hpp"
#include "src/cli_definition.hpp"
#include "src/settings.hpp"

namespace aa {

// What parsing fills in: the global flags and each command's options.
struct CommandValues {
    GlobalFlags global;
    stream_info::Options stream_info;
    consumer_diag::Options consumer_diag;
    migrate_verify::Options migrate_verify;
    ensure_streams::Options ensure_streams;
    completion::Options completion;
    generate::Options generate;
};

// --format as given to the check that was parsed (consumer-diag or
// migrate-verify); nullopt when not given.
std::optional<std::string> format_given(const CommandValues& values);

// The definition, its rows bound to VALUES (which must outlive it).
CliDefinition cli_definition(CommandValues& values);

}  // namespace aa
