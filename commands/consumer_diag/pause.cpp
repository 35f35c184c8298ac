#include "commands/consumer_diag/pause.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "src/duration.hpp"
#include "src/errors.hpp"

namespace aa::consumer_diag {

std::optional<Pause> pause_of(const Json& info, std::vector<std::string>& warnings) {
    if (!bool_or(info, "paused")) return std::nullopt;
    Pause pause;
    pause.until_text = string_or(object_at(info, "config"), "pause_until");
    pause.remaining = std::chrono::nanoseconds(std::max<std::int64_t>(0, int_or(info, "pause_remaining")));
    try {
        pause.until = parse_timestamp(pause.until_text);
    } catch (const ParseError& e) {
        warnings.push_back(fmt::format("pause_until: {}", e.what()));
    }
    return pause;
}

std::string time_left(const Pause& pause) {
    // Whole seconds, cut: "59m59s left" right after a pause of an hour, never more than is left.
    return format_duration(std::chrono::floor<std::chrono::seconds>(pause.remaining)) + " left";
}

std::string describe(const Pause& pause) {
    if (!pause.until) return fmt::format("({})", time_left(pause));
    return fmt::format("until {} ({})", format_timestamp(*pause.until), time_left(pause));
}

}  // namespace aa::consumer_diag
