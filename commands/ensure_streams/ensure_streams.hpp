#pragma once
// `aa-nats ensure-streams [--phase N] [--dry-run|--check]`: make the server
// match the topology, safely and idempotently. Every run builds a plan first
// (pure: facts -> plan), refuses anything unsafe before sending a thing, then
// applies the plan in an order where the server never sees an overlap.

#include <chrono>
#include <map>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "src/capture.hpp"
#include "src/command_context.hpp"
#include "src/migration_phases.hpp"
#include "src/stream_diff.hpp"

namespace aa::ensure_streams {

enum class DryRun { no, yes };

struct Options {
    // --phase as typed (nullopt: no phase, the mode's topology); read with
    // parse_phase before connecting, as migrate-verify reads its PHASE.
    std::optional<std::string> phase;
    bool dry_run = false;
    bool check = false;
    bool allow_delete = false;
    bool allow_data_loss = false;
    bool allow_fewer_replicas = false;
};

void add_options(CLI::App& command, Options& options);

// ---- Facts: what the server looks like, gathered before planning ----------

struct Facts {
    ServerFacts server;
    std::map<std::string, Json> streams;  // every stream's info in the account, by name
    // Stored messages per (stream, subject pattern) for the subjects an update
    // would remove; absent means not asked (stream empty or nothing removed).
    std::map<std::pair<std::string, std::string>, std::uint64_t> subject_messages;
    // The consumers of every stream the target wants deleted.
    std::map<std::string, std::vector<Json>> consumers;
};

// Which extra facts planning needs, known from the target and the streams alone.
struct FactNeeds {
    std::vector<std::pair<std::string, std::string>> subject_counts;  // (stream, removed subject)
    std::vector<std::string> consumer_lists;                          // streams to be deleted
};
FactNeeds fact_needs(const TargetTopology& target, const std::map<std::string, Json>& streams);

// Whether streams may be created with compression: a live stream config that
// echoes it (2.10+), else, with no stream to tell, a server version >= 2.10.
bool compression_supported(const Facts& facts);

// ---- Plan ------------------------------------------------------------------

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
// what happened goes into an ApplyReport.
Plan make_plan(const TargetTopology& target, const Facts& facts, Flags flags);

bool has_refusals(const Plan& plan);
bool has_drift(const Plan& plan);  // anything but "unchanged"
bool has_capture_gaps(const Plan& plan);  // an event subject family lost now

// ---- Apply -----------------------------------------------------------------

// The indices of the actions in the order to send them: unrelated ones first,
// then those releasing subjects, then those claiming them right after.
std::vector<std::size_t> apply_order(const Plan& plan);

enum class ApplyOutcome {
    done,
    rejected,     // the server refused a write (its reason is in that action's outcome)
    unavailable,  // a write got no reply or no responders: its effect is unknown
};

// What became of one action of the plan.
struct ActionOutcome {
    bool applied = false;
    Json reply;         // the server's reply to the write: a stream info for a create or update
    std::string note;   // e.g. "created concurrently by another run"
    std::string error;  // apply failed: the server's reason
};

// What became of one subject move of the plan.
struct MoveOutcome {
    // Set once applied: an upper bound, from sending the release to the
    // claim's reply (the server's own gap is far shorter: docs/performance.md).
    std::optional<double> window_ms;
    // The release may have been applied and the claim was not (the link was
    // lost, or the claim refused): the subjects may be captured by no stream.
    bool torn = false;
    // Torn because the server refused the claim: its reason. Running the same
    // command again would be refused again until the cause is fixed.
    std::string claim_refused;
};

// What applying a plan did. The plan says what was decided; this says what
// happened, one outcome per action and per move, in the plan's order.
struct ApplyReport {
    ApplyOutcome outcome = ApplyOutcome::done;
    std::vector<ActionOutcome> actions;  // actions[i] is what became of plan.actions[i]
    std::vector<MoveOutcome> moves;      // moves[i] is what became of plan.moves[i]
};

bool has_torn_moves(const ApplyReport& report);  // a move may have left subjects without a stream

// Sends the plan's writes in apply_order; stops at the first failure,
// recorded as that action's error, except inside the batch of moves, sent
// together: there every reply is recorded. The releases and claims of subject
// moves go out last, together in one batch, with termination signals held
// until they are answered (src/signals.hpp).
ApplyReport apply(const Plan& plan, JetStreamClient& js);

// ---- Result ----------------------------------------------------------------

struct Result {
    ServerFacts server;
    Plan plan;
    std::optional<ApplyReport> report;  // what applying the plan did; none when it was not applied
    DryRun dry_run = DryRun::no;
    bool check = false;
    // A termination signal that arrived during a subject move, held until the
    // move was done: the run reports, then ends by it (exit code 128 + it),
    // unless a move was torn or a write unanswered: that exit code wins.
    std::optional<int> stopped_by;
    // How the operator ran this command (secrets replaced), to name the
    // command that completes a torn move; empty when unknown.
    std::string command_line;

    bool failed() const { return report && report->outcome != ApplyOutcome::done; }
};

// What became of the plan's I-th action or move: nothing yet (not applied, no
// window) when the plan was not applied.
const ActionOutcome& action_outcome(const Result& result, std::size_t i);
const MoveOutcome& move_outcome(const Result& result, std::size_t i);

ExitCode exit_code(const Result& result);
// One line: which subjects a torn move may have left without a stream, and
// the command that completes the move (COMMAND_LINE, or words when empty).
// For the terminal: names and subjects are escaped by printable().
std::string torn_move_message(const SubjectMove& move, const MoveOutcome& outcome, const std::string& command_line);
void render_human(const Result& result, const Style& style, std::ostream& out);
Json to_json(const Result& result);

ExitCode run(const Options& options, CommandContext& context);

}  // namespace aa::ensure_streams
