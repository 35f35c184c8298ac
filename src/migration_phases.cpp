#include "src/migration_phases.hpp"

#include <stdexcept>

#include <fmt/format.h>

#include "src/errors.hpp"
#include "src/event_subjects.hpp"

namespace aa {
namespace {

StreamTarget wanted(const TopologySettings& settings, StreamRole role) { return {desired_stream(settings, role), true}; }

// ROLE's stream if it exists, capturing none of the families: a stream cannot
// have no subjects, so it keeps only its own name, which is what the server
// fills in. It is never created, and never deleted: what it stored and its
// consumers stay.
StreamTarget kept_without_subjects(const TopologySettings& settings, StreamRole role) {
    StreamTarget target = wanted(settings, role);
    target.stream.subjects = {target.stream.name};
    target.create_if_missing = false;
    return target;
}

}  // namespace

TargetTopology target_topology(const TopologySettings& settings, std::optional<int> phase) {
    TargetTopology target;
    target.mode = settings.mode;
    target.phase = phase;
    target.names = settings.names;
    target.legacy_name = settings.names.legacy;

    if (!phase) {
        for (const DesiredStream& stream : desired_streams(settings)) target.present.push_back({stream, true});
        target.summary = settings.mode == StreamMode::single ? "single mode: the legacy stream with every subject"
                                                             : "multi mode: core, vendor and DLQ streams";
        return target;
    }

    // Before phase 3, the streams of later phases that exist (a rollback left
    // them, or a run in multi mode made them) capture nothing of the families.
    StreamTarget legacy = wanted(settings, StreamRole::legacy);
    switch (*phase) {
        case 0:
            target.present = {kept_without_subjects(settings, StreamRole::core),
                              kept_without_subjects(settings, StreamRole::vendor), wanted(settings, StreamRole::dlq),
                              legacy};
            target.summary = "phase 0: legacy stream with all its subjects, DLQ; core and vendor streams (if any) "
                             "capturing none of them";
            break;
        case 1:
            legacy.stream.subjects = {event_subjects::kAthleteAlly, event_subjects::kSleep};
            target.present = {kept_without_subjects(settings, StreamRole::core), wanted(settings, StreamRole::vendor),
                              wanted(settings, StreamRole::dlq), legacy};
            target.summary = "phase 1: legacy stream without vendor.>, vendor, DLQ; core stream (if any) capturing "
                             "none of athlete-ally.>, sleep.*";
            break;
        case 2:
            target.present = {wanted(settings, StreamRole::core), wanted(settings, StreamRole::vendor),
                              wanted(settings, StreamRole::dlq), kept_without_subjects(settings, StreamRole::legacy)};
            target.summary = "phase 2: core, vendor, DLQ; legacy stream (if any) capturing none of the migrated subjects";
            break;
        case 3:
            target.present = {wanted(settings, StreamRole::core), wanted(settings, StreamRole::vendor),
                              wanted(settings, StreamRole::dlq)};
            target.absent = {{StreamRole::legacy, settings.names.legacy}};
            target.summary = "phase 3: core, vendor, DLQ; legacy stream deleted";
            break;
        default: throw std::invalid_argument("migration phase out of range");
    }
    return target;
}

int parse_phase(std::string_view text, std::string_view what) {
    if (text.size() == 1 && text[0] >= '0' && text[0] <= '0' + kLastPhase) return text[0] - '0';
    throw UsageError(fmt::format("{} \"{}\": expected 0, 1, 2 or 3", what, text));
}

}  // namespace aa
