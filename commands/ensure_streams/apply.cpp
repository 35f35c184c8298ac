// ensure-streams, applying a plan: writes in an order where the server never
// sees two streams capture one subject. A subject move (the release and the
// claims that follow it) goes out in one batch, back to back, while
// termination signals are held: the server handles the two in order, so the
// subjects have no stream only for the time it takes between them (not a
// round trip), and a signal cannot stop the run between them. A create that
// loses a race re-reads and continues.

#include <algorithm>
#include <chrono>
#include <set>
#include <thread>

#include <fmt/format.h>

#include "commands/ensure_streams/ensure_streams.hpp"
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
ApiReply continue_after_lost_race(StreamAction& a, JetStreamClient& js, Clock::time_point& answered) {
    const std::optional<Json> info = js.stream_info(a.stream);
    answered = Clock::now();
    if (!info) return send(write_call(a), js, answered);  // deleted again in between: try once more
    const Json& live = object_at(*info, "config");
    const std::vector<FieldChange> changes = diff_managed(live, *a.desired);
    if (changes.empty()) {
        a.note = "created concurrently by another run; it matches";
        return ApiReply{*info, std::nullopt};
    }
    a.note = "created concurrently by another run; updated to match";
    return send(JetStreamClient::update_stream_call(overlay_managed(live, *a.desired)), js, answered);
}

// What the reply to an action's write means, following up where the server's
// answer calls for it (a create that lost a race, a delete already done).
ApiReply settle(StreamAction& a, ApiReply reply, JetStreamClient& js, Clock::time_point& answered) {
    if (a.action == Action::create) {
        if (reply.is_error(err_code::kStreamNameInUse)) return continue_after_lost_race(a, js, answered);
        // A server that does not know a field drops it: say so rather than pretend.
        if (reply.ok() && a.config.contains("compression") &&
            !config_supports_compression(object_at(reply.body, "config"))) {
            a.note = "the server dropped compression: it does not support it";
        }
    }
    if (a.action == Action::remove && reply.is_error(err_code::kStreamNotFound)) {
        a.note = "already deleted by another run";
        return ApiReply{Json::object(), std::nullopt};
    }
    return reply;
}

// Settles a claim of subjects another stream has just released. On a cluster
// the meta leader may still hold the old subjects for a moment after the
// release was acknowledged, and refuse the claim as an overlap (err_code
// 10065, seen on a loaded 3-node 2.9.10 cluster): retry briefly, as the
// release is known to have been accepted.
ApiReply settle_claim(StreamAction& a, ApiReply reply, JetStreamClient& js, Clock::time_point& answered) {
    constexpr auto kPatience = std::chrono::seconds(3);
    const auto deadline = Clock::now() + kPatience;
    auto pause = std::chrono::milliseconds(10);
    reply = settle(a, std::move(reply), js, answered);
    while (reply.is_error(err_code::kSubjectsOverlap) && Clock::now() + pause <= deadline) {
        std::this_thread::sleep_for(pause);
        pause = std::min(pause * 2, std::chrono::milliseconds(200));
        reply = settle(a, send(write_call(a), js, answered), js, answered);
    }
    return reply;
}

// Marks the action applied, keeping the server's reply, or records its refusal.
ApplyOutcome record(StreamAction& a, ApiReply reply) {
    if (!reply.ok()) {
        a.error = describe_failure(reply);
        return ApplyOutcome::rejected;
    }
    a.reply = std::move(reply.body);
    a.applied = true;
    return ApplyOutcome::done;
}

ApplyOutcome record_failure(StreamAction& a, const Error& e) {
    a.error = e.what();
    return e.exit_code() == ExitCode::unavailable ? ApplyOutcome::unavailable : ApplyOutcome::rejected;
}

ApplyOutcome apply_one(StreamAction& a, JetStreamClient& js) {
    try {
        Clock::time_point answered;
        return record(a, settle(a, send(write_call(a), js, answered), js, answered));
    } catch (const Error& e) {  // timeout or no responders in the middle of the plan
        return record_failure(a, e);
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

// Whether every stream that releases subjects to CLAIMER in the plan's moves
// applied its release: only then is the claim's overlap refusal worth retrying.
bool releases_applied(const Plan& plan, const std::string& claimer) {
    for (const SubjectMove& move : plan.moves) {
        if (move.to != claimer) continue;
        const auto from = std::find_if(plan.actions.begin(), plan.actions.end(),
                                       [&](const StreamAction& a) { return a.stream == move.from; });
        if (from != plan.actions.end() && !from->applied) return false;
    }
    return true;
}

// The actions of GROUP (releases first, then claims) in one batch. Every
// reply of the batch is recorded, applied or refused: the server handled
// every request it got, so a claim it applied after another write of the
// batch failed is applied, and said so. A release the server refuses makes
// it refuse its claims too (they overlap); such a claim is not retried.
// Marks torn the moves whose release may have been applied and whose claim
// was not, and bounds the others' windows: from sending the release to the
// claim's reply. (The replies' gap would not do: the server flushes the
// replies to requests that arrived together at once.)
ApplyOutcome apply_moves(Plan& plan, const std::vector<std::size_t>& group, JetStreamClient& js) {
    std::vector<ApiCall> calls;
    for (const std::size_t i : group) calls.push_back(write_call(plan.actions[i]));
    std::set<std::string> maybe_applied;  // released, or sent without an answer
    std::map<std::string, Clock::time_point> answered;
    std::set<std::string> refused;  // the server answered the write with a refusal
    ApplyOutcome outcome = ApplyOutcome::done;
    const Clock::time_point sent = Clock::now();
    std::vector<CallOutcome> replies;
    try {
        replies = js.send_each(calls);
    } catch (const Error& e) {  // could not send: any of them may have left; the reason is said once
        outcome = record_failure(plan.actions[group.front()], e);
        for (const std::size_t i : group) maybe_applied.insert(plan.actions[i].stream);
    }
    const Clock::time_point received = Clock::now();
    for (std::size_t k = 0; k < replies.size(); ++k) {
        StreamAction& a = plan.actions[group[k]];
        if (!replies[k].reply) {
            a.error = replies[k].failure;
            outcome = worse(outcome, ApplyOutcome::unavailable);
            maybe_applied.insert(a.stream);
            continue;
        }
        answered[a.stream] = received;
        try {
            const bool claim = a.releases.empty();
            const bool released = releases_applied(plan, a.stream);
            ApiReply reply = claim && released ? settle_claim(a, std::move(*replies[k].reply), js, answered[a.stream])
                                               : settle(a, std::move(*replies[k].reply), js, answered[a.stream]);
            const ApplyOutcome recorded = record(a, std::move(reply));
            if (recorded == ApplyOutcome::rejected) {
                refused.insert(a.stream);
                if (claim && !released) a.error += "; not retried: the subjects it claims were not released";
            }
            outcome = worse(outcome, recorded);
        } catch (const Error& e) {  // a follow-up request (a re-read, a retry) failed
            outcome = worse(outcome, record_failure(a, e));
            maybe_applied.insert(a.stream);
        }
        if (a.applied) maybe_applied.insert(a.stream);
    }
    for (SubjectMove& move : plan.moves) {
        const auto to = std::find_if(plan.actions.begin(), plan.actions.end(),
                                     [&](const StreamAction& a) { return a.stream == move.to; });
        const bool claimed = to != plan.actions.end() && to->applied;
        move.torn = maybe_applied.count(move.from) && !claimed;
        // The release known applied, the claim refused by the server (not a lost link): running again
        // will not do until the cause is fixed.
        const auto from = std::find_if(plan.actions.begin(), plan.actions.end(),
                                       [&](const StreamAction& a) { return a.stream == move.from; });
        if (move.torn && refused.count(move.to) && from != plan.actions.end() && from->applied) {
            move.claim_refused = to->error;
        }
        if (claimed && answered.count(move.from)) move.window_ms = ms_between(sent, answered[move.to]);
    }
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

ApplyOutcome apply(Plan& plan, JetStreamClient& js) {
    std::vector<std::size_t> moving;
    for (const std::size_t i : apply_order(plan)) {
        if (moves_subjects(plan.actions[i])) {
            moving.push_back(i);
            continue;
        }
        const ApplyOutcome outcome = apply_one(plan.actions[i], js);
        if (outcome != ApplyOutcome::done) return outcome;
    }
    if (moving.empty()) return ApplyOutcome::done;
    // Between the release and the claim a signal must not end the run: it
    // would leave the subjects captured by no stream. It is honoured after.
    const HoldSignals hold;
    return apply_moves(plan, moving, js);
}

}  // namespace aa::ensure_streams
