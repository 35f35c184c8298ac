#pragma once
// The verdict on one consumer, from its CONSUMER.INFO reply alone: a pure
// function (no I/O, no clock), unit-tested on real replies with an injected "now".

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "commands/consumer_diag/pause.hpp"
#include "commands/consumer_diag/priority.hpp"
#include "src/json_access.hpp"
#include "src/timestamp.hpp"

namespace aa::consumer_diag {

// What a consumer's state amounts to. healthy and backlog pass, the others fail
// (Diagnosis::ok, where an exceeded threshold fails too); a run fails when any
// consumer it reports fails (exit_code in report.hpp). The order of the
// enumerators means nothing: no verdict is compared with another.
enum class Verdict { healthy, backlog, stalled, blocked, unbound, missing };
std::string_view to_string(Verdict verdict);

// Gates a run fails on, besides a bad verdict (unset when absent).
struct Thresholds {
    std::chrono::nanoseconds stall_after = std::chrono::minutes(5);
    std::optional<std::uint64_t> max_pending;
    std::optional<std::uint64_t> max_ack_pending;
    std::optional<std::uint64_t> max_redelivered;
};

// What the service configures when it binds (NORMALIZE_HRV_MAX_DELIVER, NORMALIZE_HRV_ACK_WAIT_MS).
struct ExpectedConfig {
    std::int64_t max_deliver = 5;
    std::chrono::milliseconds ack_wait{60000};
};

struct Diagnosis {
    Verdict verdict = Verdict::missing;
    std::vector<std::string> reasons;   // why this verdict, and every threshold exceeded
    std::vector<std::string> warnings;  // worth a look, never fails the check by itself
    bool threshold_exceeded = false;
    std::vector<std::string> thresholds_exceeded;  // their flags: "--max-pending"
    // Messages that used up max_deliver and will not be retried. The server
    // does not count them; this is num_redelivered - num_ack_pending, a lower bound.
    std::uint64_t exhausted_at_least = 0;
    std::optional<std::chrono::nanoseconds> delivered_ago;  // since delivered.last_active
    std::optional<std::chrono::nanoseconds> acked_ago;      // since ack_floor.last_active
    // Paused (2.11+): with messages pending it is blocked, else it passes and a reason says so.
    std::optional<Pause> pause;
    // Priority groups and their pinned clients (2.11+); shown, never judged.
    std::optional<Priority> priority;

    bool ok() const;
};

// The verdict on one consumer, from its CONSUMER.INFO reply (null when it does
// not exist) as of NOW. EXPECTED, when given, is compared with its config.
Diagnosis diagnose(const Json& info, TimePoint now, const Thresholds& thresholds,
                   const std::optional<ExpectedConfig>& expected);

// "12s ago", or "never" when nothing happened: as reasons and reports say it.
std::string ago(const std::optional<std::chrono::nanoseconds>& elapsed);

}  // namespace aa::consumer_diag
