// libFuzzer target: durations from flags and env (NATS_TIMEOUT, --stall-after, ...).
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "src/duration.hpp"
#include "src/errors.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    try {
        const auto value = aa::parse_duration(text);
        if (value.count() < 0) std::abort();  // no sign is accepted, so nothing negative
        // Whole milliseconds survive the human form unchanged.
        if (value.count() % 1'000'000 == 0 && aa::parse_duration(aa::format_duration(value)) != value) std::abort();
    } catch (const aa::ParseError&) {
    }
    return 0;
}
