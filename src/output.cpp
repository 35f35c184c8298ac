#include "src/output.hpp"

#include <array>

#include <fmt/format.h>

namespace aa {

std::string Style::paint(std::string_view code, std::string_view text) const {
    if (!color_) return std::string(text);
    return fmt::format("\x1b[{}m{}\x1b[0m", code, text);
}

void Output::print_json(const Json& document, JsonLayout layout) const {
    // Invalid UTF-8 from a server must not abort the dump: replace it.
    const int indent = layout == JsonLayout::line ? -1 : 2;
    out << document.dump(indent, ' ', false, Json::error_handler_t::replace) << '\n';
    out.flush();
}

bool should_color(bool is_terminal, bool no_color_flag, bool no_color_env) {
    return is_terminal && !no_color_flag && !no_color_env;
}

std::string format_bytes(std::uint64_t bytes) {
    static constexpr std::array<const char*, 6> kUnits{"B", "KiB", "MiB", "GiB", "TiB", "PiB"};
    if (bytes < 1024) return fmt::format("{} B", bytes);
    double value = static_cast<double>(bytes);
    std::size_t unit = 0;
    while (value >= 1024 && unit + 1 < kUnits.size()) {
        value /= 1024;
        ++unit;
    }
    return fmt::format("{:.1f} {}", value, kUnits[unit]);
}

std::string format_count(std::uint64_t value) {
    const std::string digits = std::to_string(value);
    std::string out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        out += digits[i];
        const std::size_t remaining = digits.size() - i - 1;
        if (remaining > 0 && remaining % 3 == 0) out += ',';
    }
    return out;
}

}  // namespace aa
