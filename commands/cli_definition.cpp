#include "commands/cli_definition.hpp"

#include <fmt/format.h>

#include "src/build_info.hpp"
#include "src/global_options.hpp"
#include "src/nats_connection.hpp"
#include "src/service_variables.hpp"
#include "src/topology_variables.hpp"

namespace aa {
namespace {

// "aa-nats 0.1.0 (git 12e1508, nats.c 3.4.1)"; a build from sources outside
// git has no revision to show.
std::string version_line() {
    const std::string_view revision = git_revision();
    return fmt::format("aa-nats {} ({}nats.c {})", project_version(),
                       revision.empty() ? std::string() : fmt::format("git {}, ", revision), nats_library_version());
}

std::vector<CommandDefinition> commands(CommandValues& values) {
    return {stream_info::definition(values.stream_info),       consumer_diag::definition(values.consumer_diag),
            migrate_verify::definition(values.migrate_verify), ensure_streams::definition(values.ensure_streams),
            completion::definition(values.completion),         generate::definition(values.generate)};
}

std::vector<VariableGroup> variable_groups() {
    return {{"Topology variables", {kTopologyVariables.begin(), kTopologyVariables.end()}, true},
            {"Service variables", {kServiceVariables.begin(), kServiceVariables.end()}, false}};
}

std::vector<ExitStatus> exit_statuses() {
    return {
        {0, "ok", "the command did its job and every check passed"},
        {1, "check failed",
         "a stream named on the command line does not exist, a phase is not verified, drift found by "
         "ensure-streams --check, an unhealthy consumer"},
        {2, "usage or configuration error",
         "an unknown flag, a bad --timeout, EVENT_STREAM_MODE=dual, an invalid stream name, a phase that is not "
         "exactly 0, 1, 2 or 3, an unreadable --env-file or context file"},
        {3, "cannot talk to NATS/JetStream",
         "connection refused, DNS, TLS or authentication failure, a timeout, no JetStream, an unexpected API error"},
        {4, "internal error (a bug in aa-nats)", "an exception aa-nats did not expect; please report it"},
    };
}

std::vector<FileRow> files() {
    return {
        {"~/.config/nats/context/NAME.json",
         "natscli contexts, read by --context NAME ($XDG_CONFIG_HOME/nats/context/NAME.json when XDG_CONFIG_HOME is "
         "set): url, user, password, token, creds, nkey, cert, key, ca, jetstream_domain, jetstream_api_prefix"},
        {"~/.config/nats/context.txt", "the context chosen by nats context select, used when no --context is given"},
        {"FILE of --env-file",
         "a dotenv file (KEY=VALUE lines, # comments, quoted values, an optional export prefix) with any of the "
         "variables above; the real environment wins over it"},
    };
}

}  // namespace

CliDefinition cli_definition(CommandValues& values) {
    return {
        .name = "aa-nats",
        .version = std::string(project_version()),
        .version_line = version_line(),
        .summary = "inspect, verify and converge the AA JetStream stream topology",
        .description =
            "aa-nats operates the AA event streams on NATS JetStream during the migration from the legacy "
            "ATHLETE_ALLY_EVENTS stream to the AA_CORE_HOT, AA_VENDOR_HOT and AA_DLQ topology: at a terminal, in "
            "CI verification steps and as commands in runbooks.\n\n"
            "Every command prints human output, or exactly one JSON document with --json (also on failure), and "
            "ends with an exit status that tells a failed check from a failure to look. Global options may come "
            "before or after the command. Connection settings follow natscli: flags, NATS_* variables and natscli "
            "contexts.",
        .global_options = global_options(values.global),
        .commands = commands(values),
        .variable_groups = variable_groups(),
        .precedence = "flag > environment > --env-file > natscli context > default",
        .files = files(),
        .exit_statuses = exit_statuses(),
        .signal_status = "stopped by signal N (130 Ctrl-C, 143 SIGTERM)",
        .examples = {{"aa-nats ensure-streams --phase 1 && aa-nats migrate-verify 1",
                      "one migration step, then its gate"},
                     {"NATS_URL=nats://127.0.0.1:4223 aa-nats migrate-verify --detect --json",
                      "which migration phase the server on 127.0.0.1:4223 has reached, in JSON"},
                     {"source <(aa-nats completion bash)", "Tab completion in this bash session"}},
        .see_also = "nats(1), nats-server(8); docs/ in the aa-nats sources",
    };
}

std::optional<std::string> format_given(const CommandValues& values) {
    // Only one command is parsed, so at most one of them is set.
    return values.consumer_diag.format ? values.consumer_diag.format : values.migrate_verify.format;
}

}  // namespace aa
