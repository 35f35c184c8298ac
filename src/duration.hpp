#pragma once
// Durations as operators write them ("750ms", "5s", "1m", "1h30m", "14d") and as
// the JetStream API stores them (integer nanoseconds).

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>

namespace aa {

// Parses a Go-style duration: one or more <number><unit> with units
// ns, us, ms, s, m, h, d. Throws ParseError on anything else or on overflow.
std::chrono::nanoseconds parse_duration(std::string_view text);

// Shortest exact human form: "48h", "14d", "2m", "1h30m", "750ms", "0s".
// Whole days are shown as days only from 3 days up, so 48h stays "48h".
std::string format_duration(std::chrono::nanoseconds value);

// format_duration for the JetStream convention where 0 means "no limit".
std::string format_limit_duration(std::int64_t nanos);

}  // namespace aa
