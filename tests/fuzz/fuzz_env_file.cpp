// libFuzzer target: --env-file contents.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "src/env_file.hpp"
#include "src/errors.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    try {
        for (const auto& [key, value] : aa::parse_env_file({reinterpret_cast<const char*>(data), size})) {
            if (key.empty() || key.find('=') != std::string::npos) std::abort();
        }
    } catch (const aa::ParseError&) {
    }
    return 0;
}
