#include "src/timestamp.hpp"

#include <cstdint>
#include <limits>
#include <string>

#include <fmt/chrono.h>
#include <fmt/format.h>

#include "src/errors.hpp"

namespace aa {
namespace {

// Reads exactly WIDTH digits at POS.
int digits(std::string_view text, std::size_t pos, std::size_t width, const std::string& shown) {
    if (pos + width > text.size()) throw ParseError(fmt::format("invalid timestamp \"{}\": too short", shown));
    int value = 0;
    for (std::size_t i = pos; i < pos + width; ++i) {
        if (text[i] < '0' || text[i] > '9') {
            throw ParseError(fmt::format("invalid timestamp \"{}\": expected a digit at position {}", shown, i + 1));
        }
        value = value * 10 + (text[i] - '0');
    }
    return value;
}

void expect(std::string_view text, std::size_t pos, char wanted, const std::string& shown) {
    if (pos >= text.size() || (text[pos] != wanted && !(wanted == 'T' && text[pos] == 't'))) {
        throw ParseError(fmt::format("invalid timestamp \"{}\": expected '{}' at position {}", shown, wanted, pos + 1));
    }
}

bool leap(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int days_in_month(int year, int month) {
    static constexpr int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return month == 2 && leap(year) ? 29 : kDays[month - 1];
}

// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
std::int64_t days_from_civil(std::int64_t y, int m, int d) {
    y -= m <= 2 ? 1 : 0;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const std::int64_t yoe = y - era * 400;
    const std::int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

// The optional ".fffffffff" at POS, in nanoseconds; POS moves past it.
std::int64_t fraction_at(std::string_view text, std::size_t& pos, const std::string& shown) {
    std::int64_t fraction_ns = 0;
    if (pos >= text.size() || text[pos] != '.') return fraction_ns;
    ++pos;
    std::size_t count = 0;
    std::int64_t scale = 100'000'000;
    while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') {
        if (++count > 9) throw ParseError(fmt::format("invalid timestamp \"{}\": more than 9 fraction digits", shown));
        fraction_ns += (text[pos] - '0') * scale;
        scale /= 10;
        ++pos;
    }
    if (count == 0) throw ParseError(fmt::format("invalid timestamp \"{}\": empty fraction", shown));
    return fraction_ns;
}

// The zone at POS ("Z" or "+HH:MM"/"-HH:MM") as seconds east of UTC; POS moves past it.
std::int64_t zone_offset_at(std::string_view text, std::size_t& pos, const std::string& shown) {
    if (pos < text.size() && (text[pos] == 'Z' || text[pos] == 'z')) {
        ++pos;
        return 0;
    }
    if (pos >= text.size() || (text[pos] != '+' && text[pos] != '-')) {
        throw ParseError(fmt::format("invalid timestamp \"{}\": missing time zone (\"Z\" or an offset)", shown));
    }
    const int sign = text[pos] == '-' ? -1 : 1;
    const int off_hour = digits(text, pos + 1, 2, shown);
    expect(text, pos + 3, ':', shown);
    const int off_minute = digits(text, pos + 4, 2, shown);
    if (off_hour > 23 || off_minute > 59) {
        throw ParseError(fmt::format("invalid timestamp \"{}\": zone offset out of range", shown));
    }
    pos += 6;
    return sign * (off_hour * 3600 + off_minute * 60);
}

}  // namespace

TimePoint parse_timestamp(std::string_view text) {
    const std::string shown(text.substr(0, 64));
    // YYYY-MM-DDTHH:MM:SS
    const int year = digits(text, 0, 4, shown);
    expect(text, 4, '-', shown);
    const int month = digits(text, 5, 2, shown);
    expect(text, 7, '-', shown);
    const int day = digits(text, 8, 2, shown);
    expect(text, 10, 'T', shown);
    const int hour = digits(text, 11, 2, shown);
    expect(text, 13, ':', shown);
    const int minute = digits(text, 14, 2, shown);
    expect(text, 16, ':', shown);
    const int second = digits(text, 17, 2, shown);
    if (year < 1 || month < 1 || month > 12 || day < 1 || day > days_in_month(year, month) || hour > 23 ||
        minute > 59 || second > 59) {
        throw ParseError(fmt::format("invalid timestamp \"{}\": a field is out of range", shown));
    }

    std::size_t pos = 19;
    const std::int64_t fraction_ns = fraction_at(text, pos, shown);
    const std::int64_t offset_seconds = zone_offset_at(text, pos, shown);
    if (pos != text.size()) throw ParseError(fmt::format("invalid timestamp \"{}\": unexpected trailing text", shown));

    if (year == 1 && month == 1 && day == 1 && hour == 0 && minute == 0 && second == 0 && fraction_ns == 0 &&
        offset_seconds == 0) {
        return TimePoint::min();  // Go's zero time: "never"
    }
    const std::int64_t seconds =
        days_from_civil(year, month, day) * 86400 + hour * 3600 + minute * 60 + second - offset_seconds;
    // int64 nanoseconds reach from 1677-09-21 to 2262-04-11.
    constexpr std::int64_t kLimit = std::numeric_limits<std::int64_t>::max() / 1'000'000'000 - 1;
    if (seconds > kLimit || seconds < -kLimit) {
        throw ParseError(fmt::format("invalid timestamp \"{}\": outside the representable range", shown));
    }
    return TimePoint(std::chrono::nanoseconds(seconds * 1'000'000'000 + fraction_ns));
}

std::string format_timestamp(TimePoint t) {
    return fmt::format("{:%Y-%m-%dT%H:%M:%SZ}", std::chrono::floor<std::chrono::seconds>(t));
}

}  // namespace aa
