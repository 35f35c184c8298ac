// ensure-streams, pure planning: from the facts about the server and the
// target topology to a plan of one action per stream, refusing before
// anything is sent whatever the server cannot do, or would do with data loss.

#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "commands/ensure_streams/replicas.hpp"
#include "commands/ensure_streams/capture.hpp"
#include "commands/ensure_streams/ensure_streams.hpp"
#include "src/duration.hpp"
#include "src/subjects.hpp"
#include "src/text.hpp"

namespace aa::ensure_streams {
namespace {

std::vector<std::string> minus(const std::vector<std::string>& a, const std::vector<std::string>& b) {
    std::vector<std::string> out;
    for (const auto& s : a) {
        if (std::find(b.begin(), b.end(), s) == b.end()) out.push_back(s);
    }
    return out;
}

const Json& config_of(const Facts& facts, const std::string& name) {
    return object_at(facts.streams.at(name), "config");
}

std::uint64_t messages_of(const Facts& facts, const std::string& name) {
    return uint_or(object_at(facts.streams.at(name), "state"), "messages");
}

const FieldChange* change_of(const StreamAction& action, std::string_view field) {
    for (const auto& c : action.changes) {
        if (c.field == field) return &c;
    }
    return nullptr;
}

// The checks of a create or update that can be made from the stream alone.
std::vector<std::string> stream_refusals(const StreamAction& action, const DesiredStream& desired, const Facts& facts,
                                         Flags flags) {
    std::vector<std::string> reasons;
    if (action.intended == Action::create) {
        return replica_refusals({std::nullopt, desired.replicas}, facts.server.clustering, flags.allow_fewer_replicas);
    }
    if (action.intended != Action::update) return reasons;

    const Json& live = config_of(facts, action.stream);
    if (change_of(action, "num_replicas") != nullptr) {
        const ReplicaChange replicas{static_cast<int>(int_or(live, "num_replicas", 1)), desired.replicas};
        reasons = replica_refusals(replicas, facts.server.clustering, flags.allow_fewer_replicas);
    }
    const std::uint64_t stored = messages_of(facts, action.stream);
    if (const FieldChange* storage = change_of(action, "storage")) {
        reasons.push_back(fmt::format(
            "storage cannot change in place ({} → {}): create a new stream with {} storage and move the data, or "
            "delete {} (and its {} messages) and run again",
            describe_value("storage", storage->from), describe_value("storage", storage->to),
            describe_value("storage", storage->to), action.stream, stored));
    }
    if (bool_or(live, "sealed")) reasons.push_back("the stream is sealed: the server refuses every change to it");
    if (flags.allow_data_loss) return reasons;

    const std::int64_t old_age = int_or(live, "max_age");
    const std::int64_t new_age = desired.max_age_ns;
    const bool age_lowered = new_age > 0 && (old_age <= 0 || new_age < old_age);
    if (age_lowered && stored > 0) {
        reasons.push_back(fmt::format(
            "lowering max_age from {} to {} deletes stored messages older than {} ({} messages stored): pass "
            "--allow-data-loss to accept",
            format_limit_duration(old_age), format_limit_duration(new_age), format_limit_duration(new_age), stored));
    }
    return reasons;
}

// Removing a subject does not delete what the stream stored on it (verified on
// nats-server 2.9.10: the messages stay, readable by sequence and by the
// stream's consumers, until they age out). So it is not data loss and needs
// no --allow-data-loss, but the operator must know the messages do not move.
std::vector<std::string> stranded_message_warnings(const StreamAction& action, const DesiredStream& desired,
                                                   const Facts& facts) {
    std::vector<std::string> warnings;
    if (action.action != Action::update) return warnings;
    const Json& live = config_of(facts, action.stream);
    for (const auto& subject : minus(strings_at(live, "subjects"), desired.subjects)) {
        const auto found = facts.subject_messages.find({action.stream, subject});
        if (found == facts.subject_messages.end() || found->second == 0) continue;
        warnings.push_back(fmt::format(
            "{} stored messages on {} stay in {}, where its consumers can still read them until they age out "
            "(max_age {}); they are not copied to the subject's new stream",
            found->second, subject, action.stream, format_limit_duration(int_or(live, "max_age"))));
    }
    return warnings;
}

std::vector<std::string> delete_refusals(const std::string& name, const Facts& facts, Flags flags) {
    std::vector<std::string> reasons;
    if (!flags.allow_delete) {
        reasons.push_back(fmt::format("deleting {} ({} stored messages) needs --allow-delete", name,
                                      messages_of(facts, name)));
    }
    const auto consumers = facts.consumers.find(name);
    if (consumers == facts.consumers.end()) return reasons;
    for (const Json& consumer : consumers->second) {
        const auto pending = uint_or(consumer, "num_pending");
        const auto unacked = uint_or(consumer, "num_ack_pending");
        if (pending > 0 || unacked > 0) {
            reasons.push_back(fmt::format(
                "consumer {} still has {} pending and {} unacknowledged messages: let it drain, then run again",
                string_or(consumer, "name"), pending, unacked));
        }
    }
    return reasons;
}

void refuse(StreamAction& action, const std::vector<std::string>& reasons) {
    if (reasons.empty()) return;
    action.action = Action::refused;
    if (!action.reason.empty()) action.reason += "; ";
    action.reason += join(reasons, "; ");
}

std::string overlap_reason(const Plan& plan, const std::vector<std::string>& subjects, const std::string& other,
                           const std::vector<std::string>& other_subjects) {
    const char* verb = subjects.size() == 1 ? "overlaps" : "overlap";
    if (other == plan.target.legacy_name && !plan.target.phase && plan.target.mode == StreamMode::multi) {
        return fmt::format(
            "{} {} the legacy stream {} (which captures {}): migrate phase by phase with --phase 1, "
            "--phase 2, then --phase 3 --allow-delete, or keep EVENT_STREAM_MODE=single",
            join(subjects), verb, other, join(other_subjects));
    }
    return fmt::format("{} {} stream {} (which captures {} and keeps it in this plan): take it out of {} first",
                       join(subjects), verb, other, join(other_subjects), other);
}

// Compares the subjects each stream captures now with what it would capture
// once the plan is applied: refuses an action whose new subjects another stream
// keeps (an overlap the server would reject), and marks the actions that take
// subjects from another stream (claims) or give them up (releases), which
// order the apply and make the plan's subject moves.
void check_subject_ownership(Plan& plan, const SubjectMap& live, const SubjectMap& final) {
    for (auto& a : plan.actions) {
        if (a.intended != Action::create && a.intended != Action::update) continue;
        const auto current = live.count(a.stream) ? live.at(a.stream) : std::vector<std::string>{};
        std::map<std::string, std::vector<std::string>> overlaps;  // other stream -> our subjects it keeps
        for (const auto& subject : minus(strings_at(a.config, "subjects"), current)) {
            for (const auto& [other, other_subjects] : final) {
                if (other != a.stream && any_overlaps(other_subjects, subject)) overlaps[other].push_back(subject);
            }
            // A claim: another stream captures the subject now and will not
            // once the plan is applied (updated without it, or deleted).
            for (const auto& [other, other_subjects] : live) {
                if (other == a.stream || !any_overlaps(other_subjects, subject)) continue;
                if (final.count(other) && any_overlaps(final.at(other), subject)) continue;
                if (std::find(a.claims.begin(), a.claims.end(), subject) == a.claims.end()) a.claims.push_back(subject);
                // A named copy: clang 14 cannot capture a structured binding.
                const std::string& from = other;
                auto move = std::find_if(plan.moves.begin(), plan.moves.end(), [&](const SubjectMove& m) {
                    return m.from == from && m.to == a.stream;
                });
                if (move == plan.moves.end()) {
                    SubjectMove added;
                    added.from = other;
                    added.to = a.stream;
                    plan.moves.push_back(std::move(added));
                    move = std::prev(plan.moves.end());
                }
                move->subjects.push_back(subject);
            }
        }
        std::vector<std::string> reasons;
        for (const auto& [other, subjects] : overlaps) {
            reasons.push_back(overlap_reason(plan, subjects, other, live.count(other) ? live.at(other) : final.at(other)));
        }
        refuse(a, reasons);
    }
    for (auto& a : plan.actions) {
        if (a.intended != Action::update && a.intended != Action::remove) continue;
        const auto kept = a.intended == Action::update ? strings_at(a.config, "subjects") : std::vector<std::string>{};
        for (const auto& subject : minus(live.at(a.stream), kept)) {
            for (const auto& [other, other_subjects] : final) {
                if (other != a.stream && any_overlaps(other_subjects, subject)) {
                    a.releases.push_back(subject);
                    break;
                }
            }
        }
    }
}

}  // namespace

std::string_view to_string(Action action) {
    switch (action) {
        case Action::create: return "create";
        case Action::update: return "update";
        case Action::unchanged: return "unchanged";
        case Action::remove: return "delete";
        case Action::refused: return "refused";
    }
    return "unknown";
}

FactNeeds fact_needs(const TargetTopology& target, const std::map<std::string, Json>& streams) {
    FactNeeds needs;
    for (const StreamTarget& t : target.present) {
        const auto found = streams.find(t.stream.name);
        if (found == streams.end() || uint_or(object_at(found->second, "state"), "messages") == 0) continue;
        for (const auto& subject : minus(strings_at(object_at(found->second, "config"), "subjects"), t.stream.subjects)) {
            needs.subject_counts.emplace_back(t.stream.name, subject);
        }
    }
    for (const AbsentStream& a : target.absent) {
        if (streams.count(a.name)) needs.consumer_lists.push_back(a.name);
    }
    return needs;
}

bool compression_supported(const Facts& facts) {
    if (!facts.streams.empty()) {
        return std::any_of(facts.streams.begin(), facts.streams.end(), [](const auto& entry) {
            return config_supports_compression(object_at(entry.second, "config"));
        });
    }
    // No stream to tell: the version from the greeting (2.10 introduced compression).
    if (!facts.server.version) return false;
    int major = 0;
    int minor = 0;
    if (std::sscanf(facts.server.version->c_str(), "%d.%d", &major, &minor) != 2) return false;
    return major > 2 || (major == 2 && minor >= 10);
}

Plan make_plan(const TargetTopology& target, const Facts& facts, Flags flags) {
    Plan plan;
    plan.target = target;
    const bool compression = compression_supported(facts);

    for (const StreamTarget& t : target.present) {
        StreamAction a;
        a.stream = t.stream.name;
        a.role = t.stream.role;
        a.desired = t.stream;
        if (!facts.streams.count(t.stream.name)) {
            if (!t.create_if_missing) continue;
            a.intended = Action::create;
            a.config = create_config(t.stream, compression);
            a.changes = creation_changes(a.config);
        } else {
            const Json& live = config_of(facts, t.stream.name);
            a.changes = diff_managed(live, t.stream);
            a.intended = a.changes.empty() ? Action::unchanged : Action::update;
            if (!a.changes.empty()) a.config = overlay_managed(live, t.stream);
        }
        a.action = a.intended;
        refuse(a, stream_refusals(a, t.stream, facts, flags));
        for (auto& warning : stranded_message_warnings(a, t.stream, facts)) plan.warnings.push_back(std::move(warning));
        plan.actions.push_back(std::move(a));
    }
    for (const AbsentStream& absent : target.absent) {
        if (!facts.streams.count(absent.name)) continue;
        StreamAction a;
        a.stream = absent.name;
        a.role = absent.role;
        a.intended = a.action = Action::remove;
        refuse(a, delete_refusals(absent.name, facts, flags));
        plan.actions.push_back(std::move(a));
    }
    const SubjectMap live = live_subjects(facts);
    const SubjectMap final = final_subjects(plan, live);
    check_subject_ownership(plan, live, final);
    for (auto& [stream, reasons] : check_capture(plan, live, final)) {
        for (auto& a : plan.actions) {
            if (a.stream == stream) refuse(a, reasons);
        }
    }
    for (auto& warning : replica_warnings(plan, facts)) plan.warnings.push_back(std::move(warning));

    if (!compression) {
        plan.warnings.push_back(fmt::format(
            "compression s2 is not applied: this server (nats-server {}) does not support it; this is not drift",
            facts.server.version.value_or("version unknown")));
    }
    const auto legacy = facts.streams.find(target.legacy_name);
    const bool legacy_targeted = std::any_of(plan.actions.begin(), plan.actions.end(),
                                             [&](const StreamAction& a) { return a.stream == target.legacy_name; });
    if (!target.phase && target.mode == StreamMode::multi && legacy != facts.streams.end() && !legacy_targeted &&
        !has_refusals(plan)) {
        plan.warnings.push_back(fmt::format(
            "the legacy stream {} still exists ({} messages) and captures none of the topology's subjects: "
            "--phase 3 --allow-delete deletes it",
            target.legacy_name, uint_or(object_at(legacy->second, "state"), "messages")));
    }
    if (target.phase && *target.phase >= 2 && target.mode == StreamMode::single) {
        plan.warnings.push_back(
            "EVENT_STREAM_MODE=single: services in single mode read the legacy stream, which from phase 2 on "
            "captures none of the migrated subjects");
    }
    return plan;
}

bool has_refusals(const Plan& plan) {
    return std::any_of(plan.actions.begin(), plan.actions.end(),
                       [](const StreamAction& a) { return a.action == Action::refused; });
}

bool has_capture_gaps(const Plan& plan) { return !gaps(plan.capture_now).empty(); }

bool has_drift(const Plan& plan) {
    return std::any_of(plan.actions.begin(), plan.actions.end(),
                       [](const StreamAction& a) { return a.intended != Action::unchanged; });
}

}  // namespace aa::ensure_streams
