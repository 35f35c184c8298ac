#include "src/text.hpp"

#include <fmt/format.h>

namespace aa {
namespace {

// The code point that starts at TEXT[POS] and its length in bytes; length 0
// when the bytes there are not well-formed UTF-8 (RFC 3629).
struct Decoded {
    char32_t code_point = 0;
    std::size_t length = 0;
};

Decoded decode_at(std::string_view text, std::size_t pos) {
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
    const unsigned char lead = byte(pos);
    if (lead < 0x80) return {lead, 1};
    std::size_t length = 0;
    char32_t code_point = 0;
    // The second byte's range excludes overlong forms, surrogates and code points past U+10FFFF.
    unsigned char low = 0x80;
    unsigned char high = 0xbf;
    if (lead >= 0xc2 && lead <= 0xdf) {
        length = 2;
        code_point = lead & 0x1f;
    } else if (lead >= 0xe0 && lead <= 0xef) {
        length = 3;
        code_point = lead & 0x0f;
        if (lead == 0xe0) low = 0xa0;
        if (lead == 0xed) high = 0x9f;
    } else if (lead >= 0xf0 && lead <= 0xf4) {
        length = 4;
        code_point = lead & 0x07;
        if (lead == 0xf0) low = 0x90;
        if (lead == 0xf4) high = 0x8f;
    } else {
        return {};
    }
    if (text.size() - pos < length) return {};
    for (std::size_t i = 1; i < length; ++i) {
        const unsigned char b = byte(pos + i);
        if (b < (i == 1 ? low : 0x80) || b > (i == 1 ? high : 0xbf)) return {};
        code_point = (code_point << 6) | (b & 0x3f);
    }
    return {code_point, length};
}

// Characters that move the cursor, change the terminal's state, or break or
// reorder the line they are on.
bool disturbs_terminal(char32_t c) {
    return c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f) || c == 0x061c || c == 0x200e || c == 0x200f ||
           (c >= 0x2028 && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
}

bool is_zero_width(char32_t c) {
    return (c >= 0x0300 && c <= 0x036f) || (c >= 0x1ab0 && c <= 0x1aff) || (c >= 0x1dc0 && c <= 0x1dff) ||
           (c >= 0x200b && c <= 0x200d) || (c >= 0x20d0 && c <= 0x20ff) || (c >= 0xfe00 && c <= 0xfe0f) ||
           (c >= 0xfe20 && c <= 0xfe2f) || (c >= 0xe0100 && c <= 0xe01ef);
}

// East Asian wide and fullwidth characters and the wide emoji blocks (the ranges fmt uses).
bool is_wide(char32_t c) {
    return c >= 0x1100 &&
           (c <= 0x115f || c == 0x2329 || c == 0x232a || (c >= 0x2e80 && c <= 0xa4cf && c != 0x303f) ||
            (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe10 && c <= 0xfe19) ||
            (c >= 0xfe30 && c <= 0xfe6f) || (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6) ||
            (c >= 0x20000 && c <= 0x2fffd) || (c >= 0x30000 && c <= 0x3fffd) || (c >= 0x1f300 && c <= 0x1f64f) ||
            (c >= 0x1f900 && c <= 0x1f9ff));
}

bool is_hex_digit(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

// What cannot be split in printable() output: one character, or one escape.
struct PrintedUnit {
    std::size_t bytes = 1;
    std::size_t columns = 1;
};

PrintedUnit unit_at(std::string_view text, std::size_t pos) {
    if (text[pos] == '\\') {
        if (text.substr(pos, 2) == "\\\\") return {2, 2};
        if (text.size() - pos >= 4 && text[pos + 1] == 'x' && is_hex_digit(text[pos + 2]) && is_hex_digit(text[pos + 3])) {
            return {4, 4};
        }
    }
    const Decoded decoded = decode_at(text, pos);
    if (decoded.length == 0) return {1, 1};
    const std::size_t columns = is_zero_width(decoded.code_point) ? 0 : is_wide(decoded.code_point) ? 2 : 1;
    return {decoded.length, columns};
}

void append_escaped(std::string& out, std::string_view bytes) {
    for (const char c : bytes) out += fmt::format("\\x{:02x}", static_cast<unsigned char>(c));
}

}  // namespace

std::string join(const std::vector<std::string>& items, std::string_view separator) {
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i > 0) out += separator;
        out += items[i];
    }
    return out;
}

std::string_view trim(std::string_view text, std::string_view blanks) {
    const auto first = text.find_first_not_of(blanks);
    return first == std::string_view::npos ? std::string_view{} : trim_end(text.substr(first), blanks);
}

std::string_view trim_end(std::string_view text, std::string_view blanks) {
    const auto last = text.find_last_not_of(blanks);
    return last == std::string_view::npos ? std::string_view{} : text.substr(0, last + 1);
}

bool is_valid_utf8(std::string_view text) {
    for (std::size_t pos = 0; pos < text.size();) {
        const Decoded decoded = decode_at(text, pos);
        if (decoded.length == 0) return false;
        pos += decoded.length;
    }
    return true;
}

std::string printable(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t pos = 0; pos < text.size();) {
        const Decoded decoded = decode_at(text, pos);
        if (decoded.length == 0) {  // not UTF-8: escape this byte, resume at the next
            append_escaped(out, text.substr(pos, 1));
            ++pos;
            continue;
        }
        const std::string_view character = text.substr(pos, decoded.length);
        if (decoded.code_point == '\\') {
            out += "\\\\";
        } else if (disturbs_terminal(decoded.code_point)) {
            append_escaped(out, character);
        } else {
            out += character;
        }
        pos += decoded.length;
    }
    return out;
}

std::size_t display_width(std::string_view text) {
    std::size_t columns = 0;
    for (std::size_t pos = 0; pos < text.size();) {
        const PrintedUnit unit = unit_at(text, pos);
        columns += unit.columns;
        pos += unit.bytes;
    }
    return columns;
}

std::string truncate_to_width(std::string_view text, std::size_t width) {
    if (display_width(text) <= width) return std::string(text);
    constexpr std::string_view kEllipsis = "...";
    if (width < kEllipsis.size()) return std::string(width, '.');
    const std::size_t room = width - kEllipsis.size();
    std::size_t pos = 0;
    std::size_t columns = 0;
    // Zero-width marks right after the last kept character stay with it.
    while (pos < text.size()) {
        const PrintedUnit unit = unit_at(text, pos);
        if (columns + unit.columns > room) break;
        columns += unit.columns;
        pos += unit.bytes;
    }
    return std::string(text.substr(0, pos)) + std::string(kEllipsis);
}

std::string printable_excerpt(std::string_view text) {
    std::string shown = printable(text);
    const std::size_t columns = display_width(shown);
    if (columns <= kMaxShownTextColumns) return shown;
    const std::string kept = truncate_to_width(shown, kMaxShownTextColumns);  // ends with "..."
    return fmt::format("{} [{} more columns cut; --json shows the whole text]", kept,
                       columns - (display_width(kept) - 3));
}

std::string pad_to_width(std::string_view text, std::size_t width) {
    const std::size_t columns = display_width(text);
    std::string out(text);
    if (columns < width) out.append(width - columns, ' ');
    return out;
}

}  // namespace aa
