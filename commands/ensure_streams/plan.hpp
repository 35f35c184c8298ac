#pragma once
// ensure-streams, the plan: from the facts about the server and the target
// topology to one action per stream, refusing before anything is sent
// whatever the server cannot do, or would do with data loss. Pure.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "commands/ensure_streams/facts.hpp"
#include "src/capture.hpp"
#include "src/stream_diff.hpp"

namespace aa::ensure_streams {

enum class Action { create, update, unchanged, remove, refused };
std::string_view to_string(Action action);  // "create", "update", "unchanged", "delete", "refused"

struct StreamAction {
    std::string stream;
    std::optional<StreamRole> role;
    Action action = Action::unchanged;
    Action intended = Action::unchanged;  // what a refused action would have done
    std::vector<FieldChange> changes;
    std::string reason;  // refused: why, and the way out
    Json config;         // create/update: the whole config to send
    std::optional<DesiredStream> desired;  // create/update: to re-plan after losing a race
    // Subjects this action takes from another stream (claims) or gives up so
    // another can take them (releases): they order the apply.
    std::vector<std::string> claims;
    std::vector<std::string> releases;
};

// Subjects leaving one stream for another: the release and the claim.
struct SubjectMove {
    std::vector<std::string> subjects;
    std::string from;
    std::string to;
};

struct Flags {
    bool allow_delete = false;
    bool allow_data_loss = false;
    bool allow_fewer_replicas = false;  // lowering num_replicas on a clustered stream
    bool assume_clustered = false;      // more than one replica where JetStream's clustering is unknown
};

struct Plan {
    TargetTopology target;
    std::vector<StreamAction> actions;
    std::vector<SubjectMove> moves;
    std::vector<std::string> warnings;
    // Who captures each event subject family now, and once the plan is
    // applied. A plan never takes a family from every stream: the action that
    // would is refused.
    std::vector<FamilyCapture> capture_now;
    std::vector<FamilyCapture> capture_after;
};

// The pure planner. A plan is what was decided: apply only reads it, and
// what happened goes into an ApplyReport (report.hpp).
Plan make_plan(const TargetTopology& target, const Facts& facts, Flags flags);

bool has_refusals(const Plan& plan);
bool has_drift(const Plan& plan);  // anything but "unchanged"
bool has_capture_gaps(const Plan& plan);  // an event subject family lost now

}  // namespace aa::ensure_streams
