#include "src/migration_phases.hpp"

#include <stdexcept>

#include <fmt/format.h>

#include "src/errors.hpp"
#include "src/event_subjects.hpp"

namespace aa {
namespace {

StreamTarget wanted(const TopologySettings& settings, StreamRole role) { return {desired_stream(settings, role), true}; }

}  // namespace

TargetTopology target_topology(const TopologySettings& settings, std::optional<int> phase) {
    TargetTopology target;
    target.mode = settings.mode;
    target.phase = phase;
    target.legacy_name = settings.names.legacy;
    const std::string& legacy_name = settings.names.legacy;

    if (!phase) {
        for (const DesiredStream& stream : desired_streams(settings)) target.present.push_back({stream, true});
        target.summary = settings.mode == StreamMode::single ? "single mode: the legacy stream with every subject"
                                                             : "multi mode: core, vendor and DLQ streams";
        return target;
    }

    StreamTarget legacy = wanted(settings, StreamRole::legacy);
    switch (*phase) {
        case 0:
            target.present = {wanted(settings, StreamRole::dlq), legacy};
            target.summary = "phase 0: legacy stream with all its subjects, DLQ";
            break;
        case 1:
            legacy.stream.subjects = {event_subjects::kAthleteAlly, event_subjects::kSleep};
            target.present = {wanted(settings, StreamRole::vendor), wanted(settings, StreamRole::dlq), legacy};
            target.summary = "phase 1: legacy stream without vendor.>, vendor, DLQ";
            break;
        case 2:
            legacy.stream.subjects = {legacy_name};
            legacy.create_if_missing = false;
            target.present = {wanted(settings, StreamRole::core), wanted(settings, StreamRole::vendor),
                              wanted(settings, StreamRole::dlq), legacy};
            target.summary = "phase 2: core, vendor, DLQ; legacy stream (if any) capturing none of the migrated subjects";
            break;
        case 3:
            target.present = {wanted(settings, StreamRole::core), wanted(settings, StreamRole::vendor),
                              wanted(settings, StreamRole::dlq)};
            target.absent = {{StreamRole::legacy, legacy_name}};
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
