// libFuzzer target: json_text against nlohmann::json as the oracle. validate()
// accepts exactly what nlohmann::json::accept accepts nested no deeper than
// json_text::kMaxDepth, and on accepted text
// member() and items() cut out what a tree built from it holds.
#include <algorithm>
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

// How deep TEXT nests, told by nlohmann's SAX parser (which keeps its own
// stack): the oracle for validate()'s depth bound. 0 when TEXT is not JSON.
struct DepthCounter : nlohmann::json_sax<aa::Json> {
    std::size_t depth = 0;
    std::size_t deepest = 0;
    bool open() {
        deepest = std::max(deepest, ++depth);
        return true;
    }
    bool close() {
        --depth;
        return true;
    }
    bool null() override { return true; }
    bool boolean(bool) override { return true; }
    bool number_integer(number_integer_t) override { return true; }
    bool number_unsigned(number_unsigned_t) override { return true; }
    bool number_float(number_float_t, const string_t&) override { return true; }
    bool string(string_t&) override { return true; }
    bool binary(binary_t&) override { return true; }
    bool start_object(std::size_t) override { return open(); }
    bool key(string_t&) override { return true; }
    bool end_object() override { return close(); }
    bool start_array(std::size_t) override { return open(); }
    bool end_array() override { return close(); }
    bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override { return false; }
};

bool accepted_within_depth(std::string_view text) {
    if (!aa::Json::accept(text)) return false;
    DepthCounter counter;
    aa::Json::sax_parse(text, &counter);
    return counter.deepest <= aa::json_text::kMaxDepth;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    bool valid = true;
    try {
        aa::json_text::validate(text);
    } catch (const aa::ParseError&) {
        valid = false;
    }
    require(valid == accepted_within_depth(text));
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
