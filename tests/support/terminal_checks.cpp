#include "tests/support/terminal_checks.hpp"

#include <doctest/doctest.h>

#include <algorithm>

namespace aa::test {

std::optional<std::vector<char32_t>> code_points(std::string_view text) {
    std::vector<char32_t> out;
    for (std::size_t i = 0; i < text.size();) {
        const auto lead = static_cast<unsigned char>(text[i]);
        const std::size_t n = lead < 0x80 ? 1 : lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc2 ? 2 : 0;
        if (n == 0 || i + n > text.size()) return std::nullopt;
        char32_t c = n == 1 ? lead : lead & (0x7f >> n);
        for (std::size_t k = 1; k < n; ++k) {
            const auto b = static_cast<unsigned char>(text[i + k]);
            if ((b & 0xc0) != 0x80) return std::nullopt;
            c = (c << 6) | (b & 0x3f);
        }
        out.push_back(c);
        i += n;
    }
    return out;
}

std::string terminal_hazards(const std::string& output) {
    const auto chars = code_points(output);
    if (!chars) return "not UTF-8";
    for (const char32_t c : *chars) {
        if ((c < 0x20 && c != '\n') || (c >= 0x7f && c <= 0x9f)) return "control character " + std::to_string(c);
    }
    return "";
}

void check_one_line_error(const RunResult& r, const std::string& needle) {
    INFO("stderr: ", r.err, "\nstdout: ", r.out);
    CHECK(r.err.starts_with("aa-nats: error: "));
    CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
    CHECK(r.err.find(needle) != std::string::npos);
    CHECK(terminal_hazards(r.err) == "");
}

}  // namespace aa::test
