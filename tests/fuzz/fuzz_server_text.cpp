// libFuzzer target: what servers and operators write as text: the INFO
// greeting, server URL lists (and their redaction), RFC 3339 timestamps, and
// the escaping that puts any such text on a terminal.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "src/errors.hpp"
#include "src/server_info.hpp"
#include "src/server_url.hpp"
#include "src/text.hpp"
#include "src/timestamp.hpp"

namespace {

// The inverse of aa::printable, written independently as the oracle: "\\"
// is a backslash, "\xNN" the byte NN, anything else itself.
std::string unescape(std::string_view shown) {
    std::string out;
    for (std::size_t i = 0; i < shown.size();) {
        if (shown[i] != '\\') {
            out += shown[i++];
            continue;
        }
        if (shown.substr(i, 2) == "\\\\") {
            out += '\\';
            i += 2;
            continue;
        }
        if (i + 4 > shown.size() || shown[i + 1] != 'x') std::abort();  // a backslash that escapes nothing
        out += static_cast<char>(std::stoi(std::string(shown.substr(i + 2, 2)), nullptr, 16));
        i += 4;
    }
    return out;
}

// What a terminal is shown: valid UTF-8 without C0, DEL or C1 controls, that
// unescapes to exactly the original, and whose cut and padded forms fit.
void check_printable(std::string_view text) {
    const std::string shown = aa::printable(text);
    if (!aa::is_valid_utf8(shown)) std::abort();
    for (std::size_t i = 0; i < shown.size(); ++i) {
        const auto byte = static_cast<unsigned char>(shown[i]);
        if (byte < 0x20 || byte == 0x7f) std::abort();
        if (byte == 0xc2 && i + 1 < shown.size() && static_cast<unsigned char>(shown[i + 1]) <= 0x9f) std::abort();
    }
    if (unescape(shown) != text) std::abort();
    if (!aa::is_valid_utf8(text) && shown == text) std::abort();
    const std::size_t width = text.size() % 48;
    const std::string cut = aa::truncate_to_width(shown, width);
    if (aa::display_width(cut) > width || !aa::is_valid_utf8(cut)) std::abort();
    if (aa::display_width(aa::pad_to_width(cut, width)) != width) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    check_printable(text);
    try {
        aa::parse_info_line(text);
    } catch (const aa::ParseError&) {
    }
    try {
        aa::parse_timestamp(text);
    } catch (const aa::ParseError&) {
    }
    try {
        for (const auto& url : aa::parse_server_list(text)) {
            // A redacted URL never keeps a user-info part.
            const std::string redacted = aa::redact_url(url);
            const auto scheme = redacted.find("://");
            const std::string_view rest = std::string_view(redacted).substr(scheme == std::string::npos ? 0 : scheme + 3);
            if (rest.substr(0, rest.find('/')).find('@') != std::string_view::npos) std::abort();
        }
    } catch (const aa::ParseError&) {
    }
    return 0;
}
