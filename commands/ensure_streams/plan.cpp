// ensure-streams, pure planning: one action per stream of the target, then
// the checks across streams (who owns which subject, who captures each event
// family), then what the operator should know.

#include "commands/ensure_streams/plan.hpp"

#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "commands/ensure_streams/capture.hpp"
#include "commands/ensure_streams/ownership.hpp"
#include "commands/ensure_streams/refusals.hpp"
#include "commands/ensure_streams/replicas.hpp"
#include "commands/ensure_streams/rollback.hpp"
#include "src/text.hpp"

namespace aa::ensure_streams {
namespace {

void refuse(StreamAction& action, const std::vector<std::string>& reasons) {
    if (reasons.empty()) return;
    action.action = Action::refused;
    if (!action.reason.empty()) action.reason += "; ";
    action.reason += join(reasons, "; ");
}

void refuse_each(Plan& plan, const std::map<std::string, std::vector<std::string>>& reasons_by_stream) {
    for (const auto& [stream, reasons] : reasons_by_stream) {
        for (auto& a : plan.actions) {
            if (a.stream == stream) refuse(a, reasons);
        }
    }
}

// What brings the target's stream T there: a create, an update or nothing,
// refused where the stream alone says it may not be made; none when T is
// missing and the target does not create it.
std::optional<StreamAction> plan_present(const StreamTarget& t, const Facts& facts, Flags flags, bool compression) {
    StreamAction a;
    a.stream = t.stream.name;
    a.role = t.stream.role;
    a.desired = t.stream;
    if (!facts.streams.count(t.stream.name)) {
        if (!t.create_if_missing) return std::nullopt;
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
    return a;
}

StreamAction plan_removal(const AbsentStream& absent, const Facts& facts, Flags flags) {
    StreamAction a;
    a.stream = absent.name;
    a.role = absent.role;
    a.intended = a.action = Action::remove;
    refuse(a, delete_refusals(absent.name, facts, flags));
    return a;
}

// What the operator should know about the plan as a whole, once every action is settled.
void add_plan_warnings(Plan& plan, const Facts& facts, Flags flags, bool compression) {
    const TargetTopology& target = plan.target;
    for (auto& warning : replica_warnings(plan, facts, flags)) plan.warnings.push_back(std::move(warning));
    // 2.10 brought compression and stopped refusing durables filtered outside their stream's subjects.
    for (auto& warning : rollback_warnings(plan, /*foreign_filters_refused=*/!compression)) {
        plan.warnings.push_back(std::move(warning));
    }
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

Plan make_plan(const TargetTopology& target, const Facts& facts, Flags flags) {
    Plan plan;
    plan.target = target;
    const bool compression = compression_supported(facts);
    for (const StreamTarget& t : target.present) {
        std::optional<StreamAction> a = plan_present(t, facts, flags, compression);
        if (!a) continue;
        for (auto& warning : stranded_message_warnings(*a, t.stream, facts)) plan.warnings.push_back(std::move(warning));
        plan.actions.push_back(std::move(*a));
    }
    for (const AbsentStream& absent : target.absent) {
        if (facts.streams.count(absent.name)) plan.actions.push_back(plan_removal(absent, facts, flags));
    }
    const SubjectMap live = live_subjects(facts);
    const SubjectMap final = final_subjects(plan, live);
    refuse_each(plan, check_subject_ownership(plan, live, final));
    refuse_each(plan, check_capture(plan, live, final));
    add_plan_warnings(plan, facts, flags, compression);
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
