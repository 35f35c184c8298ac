#pragma once
// RFC 3339 timestamps as the JetStream API writes them
// ("2026-11-27T03:46:01.097772425Z", Go's RFC3339Nano: 0-9 fraction digits,
// trailing zeros trimmed, "Z" or a "+hh:mm"/"-hh:mm" offset).

#include <chrono>
#include <string>
#include <string_view>

namespace aa {

using TimePoint = std::chrono::sys_time<std::chrono::nanoseconds>;

// Parses TEXT into a UTC time point. A pure function of the text: throws
// ParseError on anything that is not a valid RFC 3339 date-time with a zone
// (bad field ranges, Feb 30, more than 9 fraction digits, trailing bytes, ...)
// and on years outside 1..9999 and times that do not fit in 64-bit nanoseconds
// since 1970 (roughly 1678..2262), except Go's zero time "0001-01-01T00:00:00Z",
// which maps to TimePoint::min() so that callers can test is_zero_time().
TimePoint parse_timestamp(std::string_view text);

// True for Go's zero time (what the server sends for "never").
inline bool is_zero_time(TimePoint t) { return t == TimePoint::min(); }

// T in UTC to the second, as reports show a moment: "2026-12-07T20:15:00Z"
// (the fraction is cut, not rounded: a moment is never shown as later than it is).
std::string format_timestamp(TimePoint t);

}  // namespace aa
