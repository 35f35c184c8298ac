#include "commands/migrate_verify.hpp"

#include <fmt/format.h>

#include "src/api_lookup.hpp"
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
    std::vector<ApiCall> calls{
        {stream_info_verb(n.core), nullptr},
        {stream_info_verb(n.vendor), nullptr},
        {stream_info_verb(n.dlq), nullptr},
        {stream_info_verb(n.legacy), nullptr},
        {consumer_info_verb(n.core, targets.service.hrv_durable), nullptr},
        {consumer_info_verb(n.vendor, targets.service.oura_durable), nullptr},
        {consumer_list_verb(n.legacy), Json{{"offset", 0}}},
    };
    constexpr std::size_t kFirstCaptureCall = 7;
    for (const auto& family : targets.families) calls.push_back({kStreamListVerb, streams_overlapping_body(family)});
    std::vector<ApiReply> replies = js.call_many(calls);
    auto subject = [&](std::size_t i) { return js.subject_of(calls[i].verb); };

    Facts facts;
    facts.core = info_or_absent(std::move(replies[0]), subject(0));
    facts.vendor = info_or_absent(std::move(replies[1]), subject(1));
    facts.dlq = info_or_absent(std::move(replies[2]), subject(2));
    facts.legacy = info_or_absent(std::move(replies[3]), subject(3));
    facts.hrv_consumer = info_or_absent(std::move(replies[4]), subject(4));
    facts.oura_consumer = info_or_absent(std::move(replies[5]), subject(5));
    ConsumerPage page = consumer_page_or_empty(std::move(replies[6]), subject(6));
    // More than one page (256) of legacy consumers is rare: only then a second trip.
    facts.legacy_consumers = page.complete ? std::move(page.consumers) : js.list_consumers(n.legacy);
    for (std::size_t i = 0; i < targets.families.size(); ++i) {
        const std::size_t call = kFirstCaptureCall + i;
        const auto streams = stream_page(std::move(replies[call]), subject(call));
        facts.capture.push_back(capture_of(targets.families[i], subjects_of_streams(streams)));
    }
    return facts;
}

}  // namespace

void add_options(CLI::App& command, Options& options) {
    command.add_option("PHASE", options.phase, "the migration phase to verify")->type_name("0|1|2|3");
    command.add_flag("--detect", options.detect, "report the highest phase whose target state holds (no PHASE)");
    command.footer("Service variables: NORMALIZE_HRV_DURABLE, NORMALIZE_OURA_DURABLE, NORMALIZE_HRV_DLQ_SUBJECT.");
}

ExitCode run(const Options& options, CommandContext& context) {
    const bool phase_given = !options.phase.empty();
    if (options.detect && phase_given) throw UsageError("give either a PHASE or --detect, not both");
    if (!options.detect && !phase_given) throw UsageError("missing PHASE (0, 1, 2 or 3), or --detect");
    // Parsed before connecting: a bad phase is a usage error, whatever the server.
    const int phase = phase_given ? aa::parse_phase(options.phase) : -1;

    const Settings& settings = context.settings();
    require_distinct_names(settings.topology.names);
    const Targets targets{settings.topology.names,
                          resolve_service_settings(settings.env, settings.topology.names.core,
                                                   settings.topology.names.legacy),
                          event_families(settings.topology.mode, /*migrating=*/true)};

    const Facts facts = gather(context.jetstream(), targets);
    Result result = phase_given ? verify(phase, facts, targets) : detect(facts, targets);
    result.server = context.server();
    for (const auto* info : {&facts.core, &facts.vendor, &facts.dlq, &facts.legacy}) {
        if (*info) note_stream_cluster(result.server, **info);
    }

    return emit(context.output(), result, render_human, to_json, exit_code);
}

}  // namespace aa::migrate_verify
