// ensure-streams, the subject moves of a plan: one batch, every reply
// recorded, each move judged complete or torn.

#include "commands/ensure_streams/apply_moves.hpp"

#include <algorithm>
#include <chrono>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <thread>

#include "commands/ensure_streams/write.hpp"

namespace aa::ensure_streams {
namespace {

// Settles a claim of subjects another stream has just released. On a cluster
// the meta leader may still hold the old subjects for a moment after the
// release was acknowledged, and refuse the claim as an overlap (err_code
// 10065, seen on a loaded 3-node 2.9.10 cluster); so may a standalone
// nats-server from 2.11.10, whose API workers can handle the pipelined
// release and claim at once. Retry briefly, as the release is known to have
// been accepted.
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

double ms_between(Clock::time_point from, Clock::time_point to) {
    return std::chrono::duration<double, std::milli>(to - from).count();
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

}  // namespace

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

}  // namespace aa::ensure_streams
