// ensure-streams, applying a plan: writes in an order where the server never
// sees two streams capture one subject. A subject move (the release and the
// claims that follow it) goes out in one batch, back to back, while
// termination signals are held: the server handles the two in order, so the
// subjects have no stream only for the time it takes between them (not a
// round trip), and a signal cannot stop the run between them. A create that
// loses a race re-reads and continues. The plan is only read: what happened
// goes into the apply report.

#include "commands/ensure_streams/apply.hpp"

#include <algorithm>
#include <chrono>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <thread>

#include <fmt/format.h>

#include "src/signals.hpp"

namespace aa::ensure_streams {
namespace {

using Clock = std::chrono::steady_clock;

bool writes(const StreamAction& a) {
    return a.action == Action::create || a.action == Action::update || a.action == Action::remove;
}

bool moves_subjects(const StreamAction& a) { return !a.claims.empty() || !a.releases.empty(); }

std::string describe_failure(const ApiReply& reply) {
    return fmt::format("{} (err_code {})", reply.error->description, reply.error->err_code);
}

// The request carrying an action's write (apply_order holds writes only).
ApiCall write_call(const StreamAction& a) {
    switch (a.action) {
        case Action::create: return JetStreamClient::create_stream_call(a.config);
        case Action::update: return JetStreamClient::update_stream_call(a.config);
        case Action::remove: return JetStreamClient::delete_stream_call(a.stream);
        case Action::unchanged:
        case Action::refused: break;
    }
    return {};
}

// Sends one request; ANSWERED becomes the time its reply arrived.
ApiReply send(const ApiCall& call, JetStreamClient& js, Clock::time_point& answered) {
    ApiReply reply = js.send(call);
    answered = Clock::now();
    return reply;
}

// A create refused because the name is taken: another run got there first.
// Re-read the stream and, if it differs in managed fields, update it.
ApiReply continue_after_lost_race(const StreamAction& a, ActionOutcome& outcome, JetStreamClient& js,
                                  Clock::time_point& answered) {
    const std::optional<Json> info = js.stream_info(a.stream);
    answered = Clock::now();
    if (!info) return send(write_call(a), js, answered);  // deleted again in between: try once more
    const Json& live = object_at(*info, "config");
    const std::vector<FieldChange> changes = diff_managed(live, *a.desired);
    if (changes.empty()) {
        outcome.note = "created concurrently by another run; it matches";
        return ApiReply{*info, std::nullopt};
    }
    outcome.note = "created concurrently by another run; updated to match";
    return send(JetStreamClient::update_stream_call(overlay_managed(live, *a.desired)), js, answered);
}

// What the reply to an action's write means, following up where the server's
// answer calls for it (a create that lost a race, a delete already done).
ApiReply settle(const StreamAction& a, ActionOutcome& outcome, ApiReply reply, JetStreamClient& js,
                Clock::time_point& answered) {
    if (a.action == Action::create) {
        if (reply.is_error(err_code::kStreamNameInUse)) return continue_after_lost_race(a, outcome, js, answered);
        // A server that does not know a field drops it: say so rather than pretend.
        if (reply.ok() && a.config.contains("compression") &&
            !config_supports_compression(object_at(reply.body, "config"))) {
            outcome.note = "the server dropped compression: it does not support it";
        }
    }
    if (a.action == Action::remove && reply.is_error(err_code::kStreamNotFound)) {
        outcome.note = "already deleted by another run";
        return ApiReply{Json::object(), std::nullopt};
    }
    return reply;
}

// Settles a claim of subjects another stream has just released. On a cluster
// the meta leader may still hold the old subjects for a moment after the
// release was acknowledged, and refuse the claim as an overlap (err_code
// 10065, seen on a loaded 3-node 2.9.10 cluster): retry briefly, as the
// release is known to have been accepted.
ApiReply settle_claim(const StreamAction& a, ActionOutcome& outcome, ApiReply reply, JetStreamClient& js,
                      Clock::time_point& answered) {
    constexpr auto kPatience = std::chrono::seconds(3);
    const auto deadline = Clock::now() + kPatience;
    auto pause = std::chrono::milliseconds(10);
    reply = settle(a, outcome, std::move(reply), js, answered);
    while (reply.is_error(err_code::kSubjectsOverlap) && Clock::now() + pause <= deadline) {
        std::this_thread::sleep_for(pause);
        pause = std::min(pause * 2, std::chrono::milliseconds(200));
        reply = settle(a, outcome, send(write_call(a), js, answered), js, answered);
    }
    return reply;
}

// Marks the action applied, keeping the server's reply, or records its refusal.
ApplyOutcome record(ActionOutcome& outcome, ApiReply reply) {
    if (!reply.ok()) {
        outcome.error = describe_failure(reply);
        return ApplyOutcome::rejected;
    }
    outcome.reply = std::move(reply.body);
    outcome.applied = true;
    return ApplyOutcome::done;
}

ApplyOutcome record_failure(ActionOutcome& outcome, const Error& e) {
    outcome.error = e.what();
    return e.exit_code() == ExitCode::unavailable ? ApplyOutcome::unavailable : ApplyOutcome::rejected;
}

ApplyOutcome apply_one(const StreamAction& a, ActionOutcome& outcome, JetStreamClient& js) {
    try {
        Clock::time_point answered;
        return record(outcome, settle(a, outcome, send(write_call(a), js, answered), js, answered));
    } catch (const Error& e) {  // timeout or no responders in the middle of the plan
        return record_failure(outcome, e);
    }
}

double ms_between(Clock::time_point from, Clock::time_point to) {
    return std::chrono::duration<double, std::milli>(to - from).count();
}

// The worse of two outcomes: no reply (its effect unknown) over a refusal.
ApplyOutcome worse(ApplyOutcome a, ApplyOutcome b) {
    if (a == ApplyOutcome::unavailable || b == ApplyOutcome::unavailable) return ApplyOutcome::unavailable;
    if (a == ApplyOutcome::rejected || b == ApplyOutcome::rejected) return ApplyOutcome::rejected;
    return ApplyOutcome::done;
}

// The index of STREAM's action in PLAN, or none.
std::optional<std::size_t> action_index(const Plan& plan, const std::string& stream) {
    for (std::size_t i = 0; i < plan.actions.size(); ++i) {
        if (plan.actions[i].stream == stream) return i;
    }
    return std::nullopt;
}

// Whether every stream that releases subjects to CLAIMER in the plan's moves
// applied its release: only then is the claim's overlap refusal worth retrying.
bool releases_applied(const Plan& plan, const ApplyReport& report, const std::string& claimer) {
    for (const SubjectMove& move : plan.moves) {
        if (move.to != claimer) continue;
        const std::optional<std::size_t> from = action_index(plan, move.from);
        if (from && !report.actions[*from].applied) return false;
    }
    return true;
}

// What the batch of moves told, by stream, to judge the moves once every reply is in.
struct BatchLog {
    Clock::time_point sent;
    std::set<std::string> maybe_applied;  // released, or sent without an answer
    std::map<std::string, Clock::time_point> answered;
    std::set<std::string> refused;  // the server answered the write with a refusal
};

// Settles and records the reply to one write of the batch (a claim whose
// releases were applied retries an overlap refusal).
ApplyOutcome record_batch_reply(const Plan& plan, ApplyReport& report, std::size_t i, ApiReply reply,
                                BatchLog& log, JetStreamClient& js) {
    const StreamAction& a = plan.actions[i];
    ActionOutcome& outcome = report.actions[i];
    ApplyOutcome recorded = ApplyOutcome::done;
    try {
        const bool claim = a.releases.empty();
        const bool released = releases_applied(plan, report, a.stream);
        ApiReply settled = claim && released ? settle_claim(a, outcome, std::move(reply), js, log.answered[a.stream])
                                             : settle(a, outcome, std::move(reply), js, log.answered[a.stream]);
        recorded = record(outcome, std::move(settled));
        if (recorded == ApplyOutcome::rejected) {
            log.refused.insert(a.stream);
            if (claim && !released) outcome.error += "; not retried: the subjects it claims were not released";
        }
    } catch (const Error& e) {  // a follow-up request (a re-read, a retry) failed
        recorded = record_failure(outcome, e);
        log.maybe_applied.insert(a.stream);
    }
    if (outcome.applied) log.maybe_applied.insert(a.stream);
    return recorded;
}

// Marks torn the moves whose release may have been applied and whose claim
// was not, and bounds the others' windows: from sending the release to the
// claim's reply. (The replies' gap would not do: the server flushes the
// replies to requests that arrived together at once.)
void judge_moves(const Plan& plan, ApplyReport& report, const BatchLog& log) {
    for (std::size_t m = 0; m < plan.moves.size(); ++m) {
        const SubjectMove& move = plan.moves[m];
        MoveOutcome& outcome = report.moves[m];
        const std::optional<std::size_t> to = action_index(plan, move.to);
        const std::optional<std::size_t> from = action_index(plan, move.from);
        const bool claimed = to && report.actions[*to].applied;
        outcome.torn = log.maybe_applied.count(move.from) && !claimed;
        // The release known applied, the claim refused by the server (not a lost link): running again
        // will not do until the cause is fixed.
        if (outcome.torn && log.refused.count(move.to) && from && report.actions[*from].applied) {
            outcome.claim_refused = report.actions[*to].error;
        }
        if (claimed && log.answered.count(move.from)) outcome.window_ms = ms_between(log.sent, log.answered.at(move.to));
    }
}

// The actions of GROUP (releases first, then claims) in one batch. Every
// reply of the batch is recorded, applied or refused: the server handled
// every request it got, so a claim it applied after another write of the
// batch failed is applied, and said so. A release the server refuses makes
// it refuse its claims too (they overlap); such a claim is not retried.
ApplyOutcome apply_moves(const Plan& plan, ApplyReport& report, const std::vector<std::size_t>& group,
                         JetStreamClient& js) {
    std::vector<ApiCall> calls;
    for (const std::size_t i : group) calls.push_back(write_call(plan.actions[i]));
    BatchLog log;
    ApplyOutcome outcome = ApplyOutcome::done;
    log.sent = Clock::now();
    std::vector<CallOutcome> replies;
    try {
        replies = js.send_each(calls);
    } catch (const Error& e) {  // could not send: any of them may have left; the reason is said once
        outcome = record_failure(report.actions[group.front()], e);
        for (const std::size_t i : group) log.maybe_applied.insert(plan.actions[i].stream);
    }
    const Clock::time_point received = Clock::now();
    for (std::size_t k = 0; k < replies.size(); ++k) {
        const std::size_t i = group[k];
        if (!replies[k].reply) {
            report.actions[i].error = replies[k].failure;
            outcome = worse(outcome, ApplyOutcome::unavailable);
            log.maybe_applied.insert(plan.actions[i].stream);
            continue;
        }
        log.answered[plan.actions[i].stream] = received;
        outcome = worse(outcome, record_batch_reply(plan, report, i, std::move(*replies[k].reply), log, js));
    }
    judge_moves(plan, report, log);
    return outcome;
}

}  // namespace

std::vector<std::size_t> apply_order(const Plan& plan) {
    std::vector<std::size_t> order;
    auto take = [&](auto&& belongs) {
        for (std::size_t i = 0; i < plan.actions.size(); ++i) {
            if (writes(plan.actions[i]) && belongs(plan.actions[i])) order.push_back(i);
        }
    };
    take([](const StreamAction& a) { return a.claims.empty() && a.releases.empty(); });
    take([](const StreamAction& a) { return !a.releases.empty(); });
    take([](const StreamAction& a) { return a.releases.empty() && !a.claims.empty(); });
    return order;
}

ApplyReport apply(const Plan& plan, JetStreamClient& js) {
    ApplyReport report;
    report.actions.resize(plan.actions.size());
    report.moves.resize(plan.moves.size());
    std::vector<std::size_t> moving;
    for (const std::size_t i : apply_order(plan)) {
        if (moves_subjects(plan.actions[i])) {
            moving.push_back(i);
            continue;
        }
        report.outcome = apply_one(plan.actions[i], report.actions[i], js);
        if (report.outcome != ApplyOutcome::done) return report;
    }
    if (moving.empty()) return report;
    // Between the release and the claim a signal must not end the run: it
    // would leave the subjects captured by no stream. It is honoured after.
    const HoldSignals hold;
    report.outcome = apply_moves(plan, report, moving, js);
    return report;
}

}  // namespace aa::ensure_streams
