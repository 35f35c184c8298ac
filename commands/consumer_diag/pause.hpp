#pragma once
// A consumer's pause (nats-server 2.11+): while paused the server delivers
// nothing, to pull and push consumers alike, until pause_until. Read from the
// CONSUMER.INFO reply alone; servers before 2.11 send none of its keys.

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "src/json_access.hpp"
#include "src/timestamp.hpp"

namespace aa::consumer_diag {

struct Pause {
    std::string until_text;                 // config.pause_until as the server sent it (JSON carries it exact)
    std::optional<TimePoint> until;         // the same, read; nullopt when unreadable
    std::chrono::nanoseconds remaining{0};  // pause_remaining: counted on the server's clock, so no skew with ours
};

// The pause of the consumer INFO describes, or nullopt when it is not paused.
// The server's own "paused" decides: it sets it only while pause_until is
// ahead by its clock, and keeps neither key once the pause has ended. An
// unreadable pause_until is noted in WARNINGS (the pause still counts).
std::optional<Pause> pause_of(const Json& info, std::vector<std::string>& warnings);

// "until 2026-12-07T20:15:00Z (59m left)", as reasons and reports say it.
std::string describe(const Pause& pause);
// "59m left": the --all table's short form.
std::string time_left(const Pause& pause);

}  // namespace aa::consumer_diag
