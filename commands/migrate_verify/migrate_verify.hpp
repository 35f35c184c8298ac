#pragma once
// `aa-nats migrate-verify <phase>` and `aa-nats migrate-verify --detect`: is
// the server in the target state of a migration phase (0-3)? A gate for CI and
// runbooks: exit 0 verified, 1 not verified, 2 usage, 3 could not look.

#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "src/capture.hpp"
#include "src/cli_definition.hpp"
#include "src/command_context.hpp"
#include "src/service_settings.hpp"
#include "src/topology.hpp"

namespace aa::migrate_verify {

struct Options {
    std::string phase;    // as typed; validated strictly by aa::parse_phase (src/migration_phases.hpp)
    bool detect = false;  // report the highest phase whose target state holds
    std::optional<std::string> format;  // --format: read by the CLI into Output (src/output_format.hpp)
};

// Its arguments and options, bound to OPTIONS, what it is for, and how
// it runs (definition.cpp).
CommandDefinition definition(Options& options);

enum class Status { pass, fail, warn };
std::string_view to_string(Status status);

// One verified fact about the server.
struct Check {
    std::string id;           // stable, for scripts: "vendor.oura-durable"
    int phase = 0;            // the phase whose target state introduces it
    std::string description;  // one line, with the real names
    Status status = Status::fail;
    Json expected;
    Json found;
    std::string note;  // why, when expected/found alone do not say (may be empty)
};

// Everything the checks look at, gathered in one batch of requests.
struct Facts {
    std::optional<Json> core, vendor, dlq, legacy;  // stream infos; nullopt: no such stream
    std::optional<Json> hrv_consumer;               // the HRV durable's info on the core stream
    std::optional<Json> oura_consumer;              // the Oura durable's info on the vendor stream
    std::vector<Json> legacy_consumers;             // every consumer info on the legacy stream
    std::vector<FamilyCapture> capture;             // who captures each event subject family
};

// What the target states are made of: stream names and the services' durables/DLQ subject.
struct Targets {
    StreamNames names;
    ServiceSettings service;
    std::vector<std::string> families;  // the event subject families that must stay captured
};

// The checks of PHASE's target state, which includes every earlier phase's.
// Every phase starts with the capture invariant: each event subject family is
// captured by a stream, so a server left between two phases verifies none.
// A check that depends on something missing (a stream's subjects when the
// stream is absent) is left out, so one deviation fails exactly one check.
std::vector<Check> evaluate(int phase, const Facts& facts, const Targets& targets);

struct Counts {
    int passed = 0;
    int failed = 0;
    int warnings = 0;
    bool verified() const { return failed == 0; }  // warnings allowed
};
Counts count(const std::vector<Check>& checks);

struct PhaseOutcome {
    int phase = 0;
    Counts counts;
};

struct Result {
    ServerFacts server;
    std::optional<int> phase;  // the phase asked for; nullopt with --detect
    std::vector<Check> checks;  // of PHASE; with --detect, of the last phase (all checks)
    // --detect only:
    std::vector<PhaseOutcome> phases;  // one per phase, 0..3
    std::optional<int> detected;       // the highest verified phase, or none
    std::vector<FamilyCapture> capture;  // who captures each event subject family
};

// The --detect result: every phase evaluated, the highest verified one reported.
Result detect(const Facts& facts, const Targets& targets);
Result verify(int phase, const Facts& facts, const Targets& targets);

// 0 when the phase is verified (or --detect found one), else 1.
ExitCode exit_code(const Result& result);

void render_human(const Result& result, const Style& style, std::ostream& out);
Json to_json(const Result& result);
// For monitors (docs/monitoring.md): a plugin status line (render_nagios.cpp)
// and a Prometheus exposition (render_prometheus.cpp).
PluginCheck to_nagios(const Result& result);
Exposition to_prometheus(const Result& result);

// Validates the options, gathers the facts, prints the result; returns the exit code.
ExitCode run(const Options& options, CommandContext& context);

}  // namespace aa::migrate_verify
