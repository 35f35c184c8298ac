#include "commands/migrate_verify/migrate_verify.hpp"

#include <fmt/format.h>

#include "src/clustering.hpp"
#include "src/migration_phases.hpp"

namespace aa::migrate_verify {
namespace {

// Every stream name must be distinct: a legacy stream that is also the core
// stream cannot both be deleted and hold the core subjects.
void require_distinct_names(const StreamNames& names) {
    for (std::size_t i = 0; i < kAllRoles.size(); ++i) {
        for (std::size_t j = i + 1; j < kAllRoles.size(); ++j) {
            if (names.of(kAllRoles[i]) == names.of(kAllRoles[j])) {
                throw UsageError(fmt::format("the {} and {} streams have the same name \"{}\" (check STREAM_*_NAME)",
                                             to_string(kAllRoles[i]), to_string(kAllRoles[j]),
                                             names.of(kAllRoles[i])));
            }
        }
    }
}

// All facts in one round trip: the four stream infos, the two durables on
// their target streams, the first page of the legacy stream's consumers, and
// the streams that capture each event subject family.
Facts gather(JetStreamClient& js, const Targets& targets) {
    const StreamNames& n = targets.names;
    Questions questions;
    const auto core = questions.stream_info(n.core);
    const auto vendor = questions.stream_info(n.vendor);
    const auto dlq = questions.stream_info(n.dlq);
    const auto legacy = questions.stream_info(n.legacy);
    const auto hrv_consumer = questions.consumer_info(n.core, targets.service.hrv_durable);
    const auto oura_consumer = questions.consumer_info(n.vendor, targets.service.oura_durable);
    const auto legacy_consumers = questions.first_consumer_page(n.legacy);
    std::vector<Ticket<std::vector<Json>>> capturing;
    for (const auto& family : targets.families) capturing.push_back(questions.streams_overlapping(family));
    Answers answers = js.ask(questions);

    Facts facts;
    facts.core = answers.take(core);
    facts.vendor = answers.take(vendor);
    facts.dlq = answers.take(dlq);
    facts.legacy = answers.take(legacy);
    facts.hrv_consumer = answers.take(hrv_consumer).info;
    facts.oura_consumer = answers.take(oura_consumer).info;
    ConsumerPage page = answers.take(legacy_consumers);
    // More than one page (256) of legacy consumers is rare: only then a second trip.
    facts.legacy_consumers = page.complete ? std::move(page.consumers) : js.list_consumers(n.legacy);
    for (std::size_t i = 0; i < targets.families.size(); ++i) {
        facts.capture.push_back(capture_of(targets.families[i], subjects_of_streams(answers.take(capturing[i]))));
    }
    return facts;
}

// PHASE or --detect, read before connecting: a bad phase is a usage error,
// whatever the server. nullopt: --detect.
std::optional<int> phase_of(const Options& options) {
    const bool phase_given = !options.phase.empty();
    if (options.detect && phase_given) throw UsageError("give either a PHASE or --detect, not both");
    if (!options.detect && !phase_given) throw UsageError("missing PHASE (0, 1, 2 or 3), or --detect");
    return phase_given ? std::optional<int>(aa::parse_phase(options.phase)) : std::nullopt;
}

Targets targets_of(const Settings& settings) {
    require_distinct_names(settings.topology.names);
    return Targets{settings.topology.names,
                   resolve_service_settings(settings.env, settings.topology.names.core, settings.topology.names.legacy),
                   event_families(settings.topology.mode, /*migrating=*/true)};
}

// The server, its clustering settled by the stream infos FACTS hold.
ServerFacts server_of(CommandContext& context, const Facts& facts) {
    ServerFacts server = context.server();
    for (const auto* info : {&facts.core, &facts.vendor, &facts.dlq, &facts.legacy}) {
        if (*info) note_stream_cluster(server, **info);
    }
    return server;
}

}  // namespace

ExitCode run(const Options& options, CommandContext& context) {
    const std::optional<int> phase = phase_of(options);
    const Targets targets = targets_of(context.settings());
    const Facts facts = gather(context.jetstream(), targets);
    Result result = phase ? verify(*phase, facts, targets) : detect(facts, targets);
    result.server = server_of(context, facts);
    return emit(context.output(), result, render_human, to_json, exit_code, to_nagios, to_prometheus);
}

}  // namespace aa::migrate_verify
