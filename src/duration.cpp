#include "src/duration.hpp"

#include <array>
#include <cmath>
#include <cstdint>
#include <limits>

#include <fmt/format.h>

#include "src/errors.hpp"

namespace aa {
namespace {

struct Unit {
    std::string_view suffix;
    std::int64_t nanos;
};

constexpr std::int64_t kMicro = 1'000;
constexpr std::int64_t kMilli = 1'000'000;
constexpr std::int64_t kSecond = 1'000'000'000;
constexpr std::int64_t kMinute = 60 * kSecond;
constexpr std::int64_t kHour = 60 * kMinute;
constexpr std::int64_t kDay = 24 * kHour;

// Longer suffixes first so "ms" is not read as "m".
constexpr std::array<Unit, 7> kUnits{{
    {"ns", 1}, {"us", kMicro}, {"ms", kMilli}, {"s", kSecond}, {"m", kMinute}, {"h", kHour}, {"d", kDay},
}};

bool is_digit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

std::chrono::nanoseconds parse_duration(std::string_view text) {
    const std::string shown(text.substr(0, 64));
    if (text.empty()) throw ParseError("empty duration");
    long double total = 0;
    std::size_t pos = 0;
    while (pos < text.size()) {
        const std::size_t number_start = pos;
        long double number = 0;
        bool any_digit = false;
        while (pos < text.size() && is_digit(text[pos])) {
            number = number * 10 + (text[pos] - '0');
            any_digit = true;
            ++pos;
        }
        if (pos < text.size() && text[pos] == '.') {
            ++pos;
            long double scale = 0.1L;
            while (pos < text.size() && is_digit(text[pos])) {
                number += (text[pos] - '0') * scale;
                scale /= 10;
                any_digit = true;
                ++pos;
            }
        }
        if (!any_digit) {
            throw ParseError(fmt::format("invalid duration \"{}\": expected a number at position {}", shown,
                                         number_start + 1));
        }
        const Unit* unit = nullptr;
        for (const Unit& candidate : kUnits) {
            if (text.substr(pos).starts_with(candidate.suffix)) {
                // "m" must not swallow the "m" of "ms".
                if (candidate.suffix == "m" && text.substr(pos).starts_with("ms")) continue;
                unit = &candidate;
                break;
            }
        }
        if (unit == nullptr) {
            throw ParseError(fmt::format("invalid duration \"{}\": missing or unknown unit (use ms, s, m, h or d)", shown));
        }
        pos += unit->suffix.size();
        total += number * static_cast<long double>(unit->nanos);
        if (total > static_cast<long double>(std::numeric_limits<std::int64_t>::max())) {
            throw ParseError(fmt::format("invalid duration \"{}\": too large", shown));
        }
    }
    // Decimal fractions are not exact in binary: round to the nearest
    // nanosecond so "39.036s" is 39036000000ns, not one less.
    return std::chrono::nanoseconds(static_cast<std::int64_t>(std::llroundl(total)));
}

std::string format_duration(std::chrono::nanoseconds value) {
    std::int64_t ns = value.count();
    if (ns == 0) return "0s";
    std::string sign;
    if (ns < 0) {
        if (ns == std::numeric_limits<std::int64_t>::min()) return "-292y";
        sign = "-";
        ns = -ns;
    }
    if (ns % kDay == 0 && ns / kDay >= 3) return fmt::format("{}{}d", sign, ns / kDay);
    if (ns < kSecond) {
        if (ns % kMilli == 0) return fmt::format("{}{}ms", sign, ns / kMilli);
        if (ns % kMicro == 0) return fmt::format("{}{}us", sign, ns / kMicro);
        return fmt::format("{}{}ns", sign, ns);
    }
    std::string out = sign;
    const std::int64_t hours = ns / kHour;
    const std::int64_t minutes = (ns % kHour) / kMinute;
    const std::int64_t rest = ns % kMinute;
    if (hours > 0) out += fmt::format("{}h", hours);
    if (minutes > 0) out += fmt::format("{}m", minutes);
    if (rest > 0) {
        if (rest % kSecond == 0) {
            out += fmt::format("{}s", rest / kSecond);
        } else {
            // Sub-second remainder: show seconds with up to millisecond precision.
            out += fmt::format("{:.3f}s", static_cast<double>(rest) / kSecond);
        }
    }
    return out;
}

std::string format_limit_duration(std::int64_t nanos) {
    if (nanos <= 0) return "unlimited";
    return format_duration(std::chrono::nanoseconds(nanos));
}

}  // namespace aa
