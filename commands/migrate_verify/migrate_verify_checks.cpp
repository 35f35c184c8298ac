// The per-phase target states of the migration as checks: a pure function
// from the gathered facts to pass/fail/warn, so every case is unit-testable.

#include <fmt/format.h>

#include "commands/migrate_verify/migrate_verify.hpp"
#include "src/event_subjects.hpp"
#include "src/migration_phases.hpp"
#include "src/subjects.hpp"
#include "src/text.hpp"

namespace aa::migrate_verify {
namespace {

std::vector<std::string> subjects_of(const Json& stream_info) {
    return strings_at(object_at(stream_info, "config"), "subjects");
}

const char* presence(bool present) { return present ? "present" : "absent"; }

Check stream_exists(std::string id, int phase, StreamRole role, const std::string& name,
                    const std::optional<Json>& info) {
    return Check{std::move(id), phase, fmt::format("{} stream {} exists", to_string(role), name),
                 info ? Status::pass : Status::fail, "present", presence(info.has_value()), ""};
}

// STREAM captures every subject in REQUIRED (a wider pattern counts: "dlq.>" captures "dlq.a.b").
Check captures(std::string id, int phase, const std::string& name, const Json& info,
               const std::vector<std::string>& required) {
    const auto subjects = subjects_of(info);
    const std::vector<std::string> missing = uncovered(subjects, required);
    return Check{std::move(id),
                 phase,
                 fmt::format("{} captures {}", name, join(required)),
                 missing.empty() ? Status::pass : Status::fail,
                 required,
                 subjects,
                 missing.empty() ? "" : fmt::format("not captured: {}", join(missing))};
}

// The legacy stream, if present, captures nothing that overlaps RELEASED. The
// server gives a stream without subjects its own name as subject: that is fine.
Check releases(std::string id, int phase, const std::string& legacy_name, const std::optional<Json>& legacy,
               const std::vector<std::string>& released) {
    Check check{std::move(id), phase, fmt::format("legacy stream {} captures none of {}", legacy_name, join(released)),
                Status::pass, Json::array(), nullptr, ""};
    if (!legacy) {
        check.note = fmt::format("stream {} does not exist (already deleted)", legacy_name);
        return check;
    }
    std::vector<std::string> still;
    for (const auto& subject : subjects_of(*legacy)) {
        for (const auto& moved : released) {
            if (subjects_overlap(subject, moved)) {
                still.push_back(subject);
                break;
            }
        }
    }
    if (!still.empty()) {
        check.status = Status::fail;
        check.note = fmt::format("still captures {}", join(still));
    }
    check.found = still;
    return check;
}

bool lives_on_legacy(const Facts& facts, const std::string& durable) {
    for (const auto& consumer : facts.legacy_consumers) {
        if (string_or(consumer, "name") == durable) return true;
    }
    return false;
}

Check durable_exists(std::string id, int phase, const std::string& durable, const std::string& stream,
                     const std::optional<Json>& consumer, const Facts& facts, const std::string& legacy_name) {
    Check check{std::move(id), phase, fmt::format("durable {} exists on {}", durable, stream),
                consumer ? Status::pass : Status::fail, "present", presence(consumer.has_value()), ""};
    if (!consumer && lives_on_legacy(facts, durable)) {
        check.note = fmt::format("it exists on the legacy stream {} only", legacy_name);
    }
    return check;
}

// The consumer's filter subject(s) fall within what its stream captures;
// a consumer without a filter reads the whole stream and passes.
Check filter_captured(std::string id, int phase, const std::string& durable, const std::string& stream,
                      const Json& stream_info, const Json& consumer) {
    const Json& config = object_at(consumer, "config");
    std::vector<std::string> filters = strings_at(config, "filter_subjects");  // 2.10+
    if (const auto single = string_or(config, "filter_subject"); !single.empty()) filters.push_back(single);
    const auto subjects = subjects_of(stream_info);
    const std::vector<std::string> outside = uncovered(subjects, filters);
    Check check{std::move(id),
                phase,
                fmt::format("filter subject of {} is captured by {}", durable, stream),
                outside.empty() ? Status::pass : Status::fail,
                subjects,
                filters,
                ""};
    if (filters.empty()) check.note = "no filter: the consumer reads the whole stream";
    if (!outside.empty()) check.note = fmt::format("{} captures no message for {}", stream, join(outside));
    return check;
}

// Legacy consumers with pending or unacknowledged messages: deleting the
// legacy stream (phase 3) would lose them, so they warn in phase 2 and fail in 3.
Check legacy_drained(int phase, const std::string& legacy_name, const Facts& facts) {
    Check check{"legacy.consumers-drained", 2,
                fmt::format("consumers of legacy stream {} have no pending or unacknowledged messages", legacy_name),
                Status::pass, Json::array(), Json::array(), ""};
    if (!facts.legacy) {
        check.note = fmt::format("stream {} does not exist", legacy_name);
        return check;
    }
    std::vector<std::string> names;
    for (const auto& consumer : facts.legacy_consumers) {
        const auto pending = uint_or(consumer, "num_pending");
        const auto unacked = uint_or(consumer, "num_ack_pending");
        if (pending == 0 && unacked == 0) continue;
        const std::string name = string_or(consumer, "name");
        check.found.push_back(Json{{"consumer", name}, {"num_pending", pending}, {"num_ack_pending", unacked}});
        names.push_back(name);
    }
    if (!names.empty()) {
        check.status = phase >= 3 ? Status::fail : Status::warn;
        check.note = fmt::format("drain {} before deleting {}: this blocks phase 3", join(names), legacy_name);
    }
    return check;
}

// "vendor.>" -> "capture.vendor": a stable id per family.
std::string capture_id(const std::string& family) { return "capture." + family.substr(0, family.find('.')); }

// The capture invariant for one family, part of every phase's target state.
Check captured(const FamilyCapture& capture) {
    std::vector<std::string> streams;
    for (const auto& s : capture.streams) streams.push_back(s.stream);
    Check check{capture_id(capture.family), 0, fmt::format("{} is captured by a stream", capture.family),
                capture.lost() ? Status::fail : Status::pass, "captured", std::string(to_string(capture.state)), ""};
    check.note = capture.lost() ? describe_capture(capture) : fmt::format("by {}", join(streams));
    return check;
}

}  // namespace

std::string_view to_string(Status status) {
    switch (status) {
        case Status::pass: return "pass";
        case Status::fail: return "fail";
        case Status::warn: return "warn";
    }
    return "fail";
}

std::vector<Check> evaluate(int phase, const Facts& facts, const Targets& targets) {
    const StreamNames& n = targets.names;
    const ServiceSettings& s = targets.service;
    std::vector<Check> checks;

    // Every phase: no event subject family is left without a stream.
    for (const FamilyCapture& capture : facts.capture) checks.push_back(captured(capture));

    // Phase 0: the DLQ stream catches dead letters, the HRV consumer's included.
    checks.push_back(stream_exists("dlq.exists", 0, StreamRole::dlq, n.dlq, facts.dlq));
    if (facts.dlq) {
        checks.push_back(captures("dlq.captures-dlq", 0, n.dlq, *facts.dlq, {event_subjects::kDlq}));
        checks.push_back(captures("dlq.captures-hrv-dlq-subject", 0, n.dlq, *facts.dlq, {s.hrv_dlq_subject}));
    }
    if (phase < 1) return checks;

    // Phase 1: vendor traffic and its consumer moved to the vendor stream.
    checks.push_back(stream_exists("vendor.exists", 1, StreamRole::vendor, n.vendor, facts.vendor));
    if (facts.vendor) {
        checks.push_back(captures("vendor.captures-vendor", 1, n.vendor, *facts.vendor, {event_subjects::kVendor}));
        checks.push_back(durable_exists("vendor.oura-durable", 1, s.oura_durable, n.vendor, facts.oura_consumer, facts,
                                        n.legacy));
        if (facts.oura_consumer) {
            checks.push_back(filter_captured("vendor.oura-filter", 1, s.oura_durable, n.vendor, *facts.vendor,
                                             *facts.oura_consumer));
        }
    }
    checks.push_back(releases("legacy.released-vendor", 1, n.legacy, facts.legacy, {event_subjects::kVendor}));
    if (phase < 2) return checks;

    // Phase 2: athlete and sleep traffic and the HRV consumer moved to the core stream.
    checks.push_back(stream_exists("core.exists", 2, StreamRole::core, n.core, facts.core));
    if (facts.core) {
        checks.push_back(captures("core.captures-core", 2, n.core, *facts.core,
                                  {event_subjects::kAthleteAlly, event_subjects::kSleep}));
        checks.push_back(
            durable_exists("core.hrv-durable", 2, s.hrv_durable, n.core, facts.hrv_consumer, facts, n.legacy));
        if (facts.hrv_consumer) {
            checks.push_back(
                filter_captured("core.hrv-filter", 2, s.hrv_durable, n.core, *facts.core, *facts.hrv_consumer));
        }
    }
    checks.push_back(releases("legacy.released-core", 2, n.legacy, facts.legacy,
                              {event_subjects::kAthleteAlly, event_subjects::kSleep}));
    checks.push_back(legacy_drained(phase, n.legacy, facts));
    if (phase < 3) return checks;

    // Phase 3: the legacy stream is gone.
    checks.push_back(Check{"legacy.absent", 3, fmt::format("legacy stream {} does not exist", n.legacy),
                           facts.legacy ? Status::fail : Status::pass, "absent", presence(facts.legacy.has_value()),
                           ""});
    return checks;
}

Counts count(const std::vector<Check>& checks) {
    Counts c;
    for (const auto& check : checks) {
        switch (check.status) {
            case Status::pass: ++c.passed; break;
            case Status::fail: ++c.failed; break;
            case Status::warn: ++c.warnings; break;
        }
    }
    return c;
}

Result verify(int phase, const Facts& facts, const Targets& targets) {
    Result result;
    result.phase = phase;
    result.checks = evaluate(phase, facts, targets);
    result.capture = facts.capture;
    return result;
}

Result detect(const Facts& facts, const Targets& targets) {
    Result result;
    for (int phase = kFirstPhase; phase <= kLastPhase; ++phase) {
        const Counts counts = count(evaluate(phase, facts, targets));
        result.phases.push_back({phase, counts});
        // Target states are cumulative, so the highest verified phase is the one reached.
        if (counts.verified()) result.detected = phase;
    }
    result.checks = evaluate(kLastPhase, facts, targets);
    result.capture = facts.capture;
    return result;
}

ExitCode exit_code(const Result& result) {
    if (!result.phase) return result.detected ? ExitCode::ok : ExitCode::check_failed;
    return count(result.checks).verified() ? ExitCode::ok : ExitCode::check_failed;
}

}  // namespace aa::migrate_verify
