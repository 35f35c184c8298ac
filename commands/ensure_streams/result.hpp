#pragma once
// ensure-streams, the result of a run: the plan, what applying it did, and
// how the run ends; rendered as text or JSON, and mapped to an exit code.

#include <cstddef>
#include <optional>
#include <ostream>
#include <string>

#include "commands/ensure_streams/plan.hpp"
#include "commands/ensure_streams/report.hpp"
#include "src/output.hpp"
#include "src/server_info.hpp"

namespace aa::ensure_streams {

enum class DryRun { no, yes };

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

}  // namespace aa::ensure_streams
