// libFuzzer target: what servers and operators write as text: the INFO
// greeting, server URL lists (and their redaction), RFC 3339 timestamps.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "src/errors.hpp"
#include "src/server_info.hpp"
#include "src/server_url.hpp"
#include "src/timestamp.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
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
