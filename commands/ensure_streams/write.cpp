// ensure-streams, one write of a plan and what its reply means.

#include "commands/ensure_streams/write.hpp"

#include <optional>
#include <string>

#include <fmt/format.h>

namespace aa::ensure_streams {
namespace {

std::string describe_failure(const ApiReply& reply) {
    return fmt::format("{} (err_code {})", reply.error->description, reply.error->err_code);
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

}  // namespace

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

ApiReply send(const ApiCall& call, JetStreamClient& js, Clock::time_point& answered) {
    ApiReply reply = js.send(call);
    answered = Clock::now();
    return reply;
}

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

ApplyOutcome worse(ApplyOutcome a, ApplyOutcome b) {
    if (a == ApplyOutcome::unavailable || b == ApplyOutcome::unavailable) return ApplyOutcome::unavailable;
    if (a == ApplyOutcome::rejected || b == ApplyOutcome::rejected) return ApplyOutcome::rejected;
    return ApplyOutcome::done;
}

}  // namespace aa::ensure_streams
