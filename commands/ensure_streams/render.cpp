// Human and JSON renderings of an ensure-streams result: the plan, one line
// per stream, then what was done. Stream names, values, reasons and the
// server's error texts reach the terminal through printable().

#include <algorithm>

#include <fmt/format.h>

#include "commands/ensure_streams/result.hpp"
#include "src/server_line.hpp"
#include "src/signals.hpp"
#include "src/text.hpp"

namespace aa::ensure_streams {
namespace {

std::string stream_label(const StreamAction& a) {
    return a.role ? fmt::format("{} ({})", printable(a.stream), to_string(*a.role)) : printable(a.stream);
}

std::string list_changes(const std::vector<FieldChange>& changes, bool creation) {
    std::vector<std::string> parts;
    for (const auto& c : changes) {
        parts.push_back(creation ? fmt::format("{} {}", c.field, describe_value(c.field, c.to))
                                 : fmt::format("{}: {} → {}", c.field, describe_value(c.field, c.from),
                                               describe_value(c.field, c.to)));
    }
    return join(parts, creation ? ", " : "; ");
}

std::string action_line(const StreamAction& a, const Style& style) {
    switch (a.action) {
        case Action::create:
            return fmt::format("{} {}  {}", style.good("+ create   "), stream_label(a),
                               printable(list_changes(a.changes, true)));
        case Action::update:
            return fmt::format("{} {}  {}", style.warn("~ update   "), stream_label(a),
                               printable(list_changes(a.changes, false)));
        case Action::unchanged: return fmt::format("{} {}", style.dim("= unchanged"), stream_label(a));
        case Action::remove: return fmt::format("{} {}", style.bad("- delete   "), stream_label(a));
        case Action::refused:
            return fmt::format("{} {}: {}", style.bad("! refused  "), stream_label(a), printable(a.reason));
    }
    return {};
}

// What applying the plan did: each note and failure, each move, then the counts.
void render_applied(const Result& result, const Style& style, std::ostream& out) {
    const Plan& plan = result.plan;
    int created = 0, updated = 0, deleted = 0;
    for (std::size_t i = 0; i < plan.actions.size(); ++i) {
        if (!action_outcome(result, i).applied) continue;
        created += plan.actions[i].action == Action::create;
        updated += plan.actions[i].action == Action::update;
        deleted += plan.actions[i].action == Action::remove;
    }
    const std::string counts = fmt::format("{} created, {} updated, {} deleted", created, updated, deleted);
    for (std::size_t i = 0; i < plan.actions.size(); ++i) {
        const StreamAction& a = plan.actions[i];
        const ActionOutcome& done = action_outcome(result, i);
        if (!done.note.empty()) out << printable(fmt::format("{}: {}", a.stream, done.note)) << '\n';
        if (!done.error.empty()) {
            out << style.bad(printable_excerpt(fmt::format("{}: {} failed: {}", a.stream, to_string(a.action), done.error)))
                << '\n';
        }
    }
    for (std::size_t m = 0; m < plan.moves.size(); ++m) {
        const SubjectMove& move = plan.moves[m];
        const MoveOutcome& done = move_outcome(result, m);
        if (done.torn) out << style.bad(torn_move_message(move, done, result.command_line)) << '\n';
        if (!done.window_ms) continue;
        out << fmt::format("Moved {} from {} to {}: at most {:.1f} ms without a stream.\n",
                           printable(join(move.subjects)), printable(move.from), printable(move.to), *done.window_ms);
    }
    out << (result.failed() ? style.bad(fmt::format("Failed after {}.", counts)) : style.good(fmt::format("Applied: {}.", counts)))
        << '\n';
}

// SIGNAL arrived during the subject move and was held: whether the run ends by
// it, or by an exit code that says what the operator must act on.
void render_held_signal(const Result& result, int signal, const Style& style, std::ostream& out) {
    const ExitCode code = exit_code(result);
    if (signal_of(code) == signal) {
        out << style.warn(fmt::format("Stopped by {}: it arrived during the subject move and was held until the "
                                      "move was answered.",
                                      signal_name(signal)))
            << '\n';
        return;
    }
    // What the operator must act on comes first (docs/exit-codes.md).
    const bool torn = result.report && has_torn_moves(*result.report);
    out << style.warn(fmt::format("{} was received during the subject move and held until the move was "
                                  "answered; the run ends with exit {}, not by the signal, as {}.",
                                  signal_name(signal), static_cast<int>(code),
                                  torn ? "a move above did not complete" : "a write above went unanswered"))
        << '\n';
}

void render_outcome(const Result& result, const Style& style, std::ostream& out) {
    const Plan& plan = result.plan;
    if (has_refusals(plan)) {
        out << style.bad("Refused: nothing was applied.") << '\n';
        return;
    }
    if (result.check) {
        out << (has_drift(plan) ? style.bad("Check: the server differs from the target.")
                                : style.good("Check: the server matches the target."))
            << '\n';
        return;
    }
    if (result.dry_run == DryRun::yes) {
        out << "Dry run: nothing was changed.\n";
        return;
    }
    if (!has_drift(plan)) {
        out << style.good("Nothing to do: every stream matches the target.") << '\n';
        return;
    }
    render_applied(result, style, out);
    if (result.stopped_by) render_held_signal(result, *result.stopped_by, style, out);
}

// Event subject families no stream captures now, and whether the plan
// captures them again: shown before the plan, since messages are being lost.
void render_capture_gaps(const Plan& plan, const Style& style, std::ostream& out) {
    const auto lost = gaps(plan.capture_now);
    for (const FamilyCapture* gap : lost) {
        out << style.bad("LOST ") << printable(describe_capture(*gap)) << '\n';
        const auto after = std::find_if(plan.capture_after.begin(), plan.capture_after.end(),
                                        [&](const FamilyCapture& c) { return c.family == gap->family; });
        if (after != plan.capture_after.end() && !after->lost()) {
            out << fmt::format("     this plan captures it again: {}\n", printable(after->streams.front().stream));
        } else {
            out << "     this plan does not capture it: add it to a stream of the topology\n";
        }
    }
    if (!lost.empty()) out << '\n';
}

}  // namespace

std::string torn_move_message(const SubjectMove& move, const MoveOutcome& outcome, const std::string& command_line) {
    // Names, subjects and the server's reason escaped for the terminal; the command
    // line is already shell-quoted (control characters as $'\xNN') and must stay pasteable.
    const std::string subjects = printable(join(move.subjects));
    const std::string from = printable(move.from);
    const std::string to = printable(move.to);
    if (!outcome.claim_refused.empty()) {
        return fmt::format(
            "moving {} from {} to {} did not complete: the server refused the claim on {}: {}. {} is captured by no "
            "stream until that is fixed (JetStream publishes to it fail), and the same command will likely be refused "
            "again: fix the cause, then complete the move with: {}",
            subjects, from, to, to, printable(outcome.claim_refused), subjects,
            command_line.empty() ? "the same ensure-streams command" : command_line);
    }
    return fmt::format(
        "moving {} from {} to {} did not complete: {} may be captured by no stream (JetStream publishes to it fail); "
        "complete the move with: {}",
        subjects, from, to, subjects, command_line.empty() ? "the same ensure-streams command, run again" : command_line);
}

void render_human(const Result& result, const Style& style, std::ostream& out) {
    out << "NATS JetStream @ " << describe_server(result.server) << '\n';
    out << "Target: " << result.plan.target.summary << "\n\n";
    render_capture_gaps(result.plan, style, out);
    for (const auto& a : result.plan.actions) out << action_line(a, style) << '\n';
    if (result.plan.actions.empty()) out << "(no streams in the target)\n";
    for (std::size_t m = 0; m < result.plan.moves.size(); ++m) {
        const SubjectMove& move = result.plan.moves[m];
        if (!move_outcome(result, m).window_ms) {
            out << fmt::format("  moves {} from {} to {} (removal first, addition right after)\n",
                               printable(join(move.subjects)), printable(move.from), printable(move.to));
        }
    }
    out << '\n';
    for (const auto& warning : result.plan.warnings) out << style.warn("warning: ") << printable(warning) << '\n';
    if (!result.plan.warnings.empty()) out << '\n';
    render_outcome(result, style, out);
}

Json to_json(const Result& result) {
    const Plan& plan = result.plan;
    Json actions = Json::array();
    for (std::size_t i = 0; i < plan.actions.size(); ++i) {
        const StreamAction& a = plan.actions[i];
        const ActionOutcome& done = action_outcome(result, i);
        Json changes = Json::array();
        for (const auto& c : a.changes) changes.push_back(to_json(c));
        Json item{{"stream", a.stream}, {"action", to_string(a.action)}, {"changes", std::move(changes)},
                  {"applied", done.applied}};
        if (a.role) item["role"] = to_string(*a.role);
        if (a.action == Action::refused) {
            item["reason"] = a.reason;
            item["intended"] = to_string(a.intended);
        }
        if (!done.note.empty()) item["note"] = done.note;
        if (!done.error.empty()) item["error"] = done.error;
        actions.push_back(std::move(item));
    }
    Json moves = Json::array();
    for (std::size_t k = 0; k < plan.moves.size(); ++k) {
        const SubjectMove& m = plan.moves[k];
        const MoveOutcome& done = move_outcome(result, k);
        Json move{{"subjects", m.subjects}, {"from", m.from}, {"to", m.to},
                  {"window_ms", done.window_ms ? Json(*done.window_ms) : Json(nullptr)}, {"torn", done.torn}};
        if (done.torn) move["complete_with"] = result.command_line;
        if (!done.claim_refused.empty()) move["claim_refused"] = done.claim_refused;
        moves.push_back(std::move(move));
    }
    return Json{{"schema_version", kJsonSchemaVersion},
                {"mode", to_string(plan.target.mode)},
                {"phase", plan.target.phase ? Json(*plan.target.phase) : Json(nullptr)},
                {"target", plan.target.summary},
                {"dry_run", result.dry_run == DryRun::yes},
                {"check", result.check},
                {"server", to_json(result.server)},
                {"actions", std::move(actions)},
                {"subject_moves", std::move(moves)},
                {"warnings", plan.warnings},
                {"capture", to_json(plan.capture_now)},
                {"uncaptured", lost_families(plan.capture_now)},
                {"uncaptured_after", lost_families(plan.capture_after)},
                {"drift", has_drift(plan)},
                {"stopped_by", result.stopped_by ? Json(signal_name(*result.stopped_by)) : Json(nullptr)},
                {"exit_code", static_cast<int>(exit_code(result))}};
}

}  // namespace aa::ensure_streams
