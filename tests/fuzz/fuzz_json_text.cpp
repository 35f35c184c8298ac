// libFuzzer target: json_text against nlohmann::json as the oracle. validate()
// accepts exactly what nlohmann::json::accept accepts, and on accepted text
// member() and items() cut out what a tree built from it holds.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "src/errors.hpp"
#include "src/json_access.hpp"
#include "src/json_text.hpp"

namespace {

void require(bool condition) {
    if (!condition) std::abort();
}

aa::Json tree(std::string_view text) { return aa::Json::parse(text); }

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    bool valid = true;
    try {
        aa::json_text::validate(text);
    } catch (const aa::ParseError&) {
        valid = false;
    }
    require(valid == aa::Json::accept(text));
    if (!valid) return 0;
    const aa::Json whole = tree(text);
    const auto items = aa::json_text::items(text);
    require(items.size() == (whole.is_array() ? whole.size() : 0));
    for (std::size_t i = 0; i < items.size(); ++i) require(tree(items[i]) == whole[i]);
    if (whole.is_object()) {
        for (const auto& [key, value] : whole.items()) {
            const auto found = aa::json_text::member(text, key);
            require(found.has_value() && tree(*found) == value);
            require(aa::json_text::first_member(text, key).has_value());
            require(aa::json_text::string_value(aa::Json(key).dump()) == key);
        }
    }
    require(!aa::json_text::member(text, "\x01no such key").has_value() || whole.contains("\x01no such key"));
    return 0;
}
