// migrate-verify's command line: its rows, bound to its Options, and how it runs.

#include "commands/migrate_verify/migrate_verify.hpp"
#include "src/migration_phases.hpp"
#include "src/output_format.hpp"

namespace aa::migrate_verify {

CommandDefinition definition(Options& options) {
    return {
        .name = "migrate-verify",
        .summary = "is the server in the target state of migration phase 0-3? (--detect: which phase)",
        .description = "Checks the server against the target state of a migration phase, which includes every "
                       "earlier phase's: the streams that must exist and must not, their subjects, the services' "
                       "durables on their target streams, the DLQ subject, and that every event subject family is "
                       "captured by a stream. Each check is reported with what was expected and found. A gate for "
                       "CI and runbooks: exit 0 verified (warnings allowed), 1 not verified. With --detect it "
                       "reports the highest phase whose target state holds.",
        .arguments = {{{.name = "PHASE",
                        .help = "the migration phase to verify",
                        .allowed = kPhaseNames,
                        .completion = Completion::choice},
                       &options.phase}},
        .options = {{{.flag = "--detect", .help = "report the highest phase whose target state holds (no PHASE)"},
                     &options.detect},
                    {kFormatOption, &options.format}},
        .variables = {&kHrvDurableVariable, &kOuraDurableVariable, &kHrvDlqSubjectVariable},
        .examples = {{"aa-nats migrate-verify 2", "exit 0 verified, 1 not yet, 2 usage, 3 cannot reach NATS"},
                     {"aa-nats migrate-verify --detect --json", "which phase has the server reached?"}},
        .run = [&options](CommandContext& context) { return run(options, context); },
    };
}

}  // namespace aa::migrate_verify
