#pragma once
// ensure-streams, one write of a plan: the request that carries an action,
// and what the server's reply to it means, following up where the answer
// calls for it (a create that lost a race, a delete already done).

#include <chrono>

#include "commands/ensure_streams/plan.hpp"
#include "commands/ensure_streams/report.hpp"
#include "src/jetstream_client.hpp"

namespace aa::ensure_streams {

using Clock = std::chrono::steady_clock;

// The request carrying an action's write (create, update or delete).
ApiCall write_call(const StreamAction& a);

// Sends one request; ANSWERED becomes the time its reply arrived.
ApiReply send(const ApiCall& call, JetStreamClient& js, Clock::time_point& answered);

// What the reply to A's write means, following up where the server's answer
// calls for it: a create refused because the name is taken re-reads the
// stream and updates it if it differs; a delete of a stream already gone is done.
ApiReply settle(const StreamAction& a, ActionOutcome& outcome, ApiReply reply, JetStreamClient& js,
                Clock::time_point& answered);

// Marks the action applied, keeping the server's reply, or records its refusal.
ApplyOutcome record(ActionOutcome& outcome, ApiReply reply);

// Records a write that got no reply, or whose follow-up failed.
ApplyOutcome record_failure(ActionOutcome& outcome, const Error& e);

// Sends A's write alone, settles and records it.
ApplyOutcome apply_one(const StreamAction& a, ActionOutcome& outcome, JetStreamClient& js);

// The worse of two outcomes: no reply (its effect unknown) over a refusal.
ApplyOutcome worse(ApplyOutcome a, ApplyOutcome b);

}  // namespace aa::ensure_streams
