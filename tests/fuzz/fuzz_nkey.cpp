// libFuzzer target: NKey seed files. What decodes must encode back to the
// same key and kind; everything else is a ParseError.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "src/errors.hpp"
#include "src/nkey_text.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    try {
        const aa::NkeySeed seed = aa::decode_nkey_seed(aa::seed_in_file({reinterpret_cast<const char*>(data), size}));
        const aa::NkeySeed again = aa::decode_nkey_seed(aa::encode_nkey_seed(seed));
        if (again.kind != seed.kind || again.ed25519_seed != seed.ed25519_seed) std::abort();
    } catch (const aa::ParseError&) {
    }
    return 0;
}
