// libFuzzer target: natscli context files.
#include <cstdint>
#include <string_view>

#include "src/context_file.hpp"
#include "src/errors.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    try {
        aa::parse_context({reinterpret_cast<const char*>(data), size});
    } catch (const aa::ParseError&) {
    }
    return 0;
}
