// ensure-streams, applying a plan: writes in an order where the server never
// sees two streams capture one subject, a create that loses a race re-reads
// and continues, and the time moved subjects had no stream is measured.

#include <algorithm>
#include <chrono>
#include <thread>

#include <fmt/format.h>

#include "commands/ensure_streams.hpp"

namespace aa::ensure_streams {
namespace {

using Clock = std::chrono::steady_clock;

bool writes(const StreamAction& a) {
    return a.action == Action::create || a.action == Action::update || a.action == Action::remove;
}

std::string describe_failure(const ApiReply& reply) {
    return fmt::format("{} (err_code {})", reply.error->description, reply.error->err_code);
}

// A create refused because the name is taken: another run got there first.
// Re-read the stream and, if it differs in managed fields, update it.
ApiReply continue_after_lost_race(StreamAction& a, JetStreamClient& js) {
    const std::optional<Json> info = js.stream_info(a.stream);
    if (!info) {
        ApiReply retry = js.create_stream(a.config);  // deleted again in between: try once more
        return retry;
    }
    const Json& live = object_at(*info, "config");
    const std::vector<FieldChange> changes = diff_managed(live, *a.desired);
    if (changes.empty()) {
        a.note = "created concurrently by another run; it matches";
        return ApiReply{*info, std::nullopt};
    }
    a.note = "created concurrently by another run; updated to match";
    return js.update_stream(overlay_managed(live, *a.desired));
}

ApiReply send(StreamAction& a, JetStreamClient& js) {
    switch (a.action) {
        case Action::create: {
            ApiReply reply = js.create_stream(a.config);
            if (reply.is_error(err_code::kStreamNameInUse)) return continue_after_lost_race(a, js);
            // A server that does not know a field drops it: say so rather than pretend.
            if (reply.ok() && a.config.contains("compression") &&
                !config_supports_compression(object_at(reply.body, "config"))) {
                a.note = "the server dropped compression: it does not support it";
            }
            return reply;
        }
        case Action::update: return js.update_stream(a.config);
        case Action::remove: {
            ApiReply reply = js.delete_stream(a.stream);
            if (reply.is_error(err_code::kStreamNotFound)) {
                a.note = "already deleted by another run";
                return ApiReply{Json::object(), std::nullopt};
            }
            return reply;
        }
        case Action::unchanged:
        case Action::refused: break;
    }
    return ApiReply{Json::object(), std::nullopt};
}

// Sends an action that claims subjects another stream has just released. On a
// cluster the meta leader may still hold the old subjects for a moment after
// the release was acknowledged, and refuse the claim as an overlap (err_code
// 10065, seen on a loaded 3-node 2.9.10 cluster): retry briefly, as the
// release is known to have been accepted.
ApiReply send_claim(StreamAction& a, JetStreamClient& js) {
    constexpr auto kPatience = std::chrono::seconds(3);
    const auto deadline = Clock::now() + kPatience;
    auto pause = std::chrono::milliseconds(10);
    while (true) {
        ApiReply reply = send(a, js);
        if (!reply.is_error(err_code::kSubjectsOverlap) || Clock::now() + pause > deadline) return reply;
        std::this_thread::sleep_for(pause);
        pause = std::min(pause * 2, std::chrono::milliseconds(200));
    }
}

double ms_between(Clock::time_point from, Clock::time_point to) {
    return std::chrono::duration<double, std::milli>(to - from).count();
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
    std::map<std::string, Clock::time_point> sent;
    std::map<std::string, Clock::time_point> done;
    ApplyOutcome outcome = ApplyOutcome::done;
    for (const std::size_t i : apply_order(plan)) {
        StreamAction& a = plan.actions[i];
        sent[a.stream] = Clock::now();
        try {
            ApiReply reply = a.claims.empty() ? send(a, js) : send_claim(a, js);
            if (!reply.ok()) {
                a.error = describe_failure(reply);
                outcome = ApplyOutcome::rejected;
                break;
            }
            a.reply = std::move(reply.body);
        } catch (const Error& e) {  // timeout or no responders in the middle of the plan
            a.error = e.what();
            outcome = e.exit_code() == ExitCode::unavailable ? ApplyOutcome::unavailable : ApplyOutcome::rejected;
            break;
        }
        done[a.stream] = Clock::now();
        a.applied = true;
    }
    for (SubjectMove& move : plan.moves) {
        if (sent.count(move.from) && done.count(move.to)) move.window_ms = ms_between(sent[move.from], done[move.to]);
    }
    return outcome;
}

}  // namespace aa::ensure_streams
