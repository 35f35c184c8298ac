#include "src/reply_shapes.hpp"

#include <charconv>
#include <string>

#include <fmt/format.h>

#include "src/errors.hpp"
#include "src/json_text.hpp"

namespace aa {
namespace {

const Json* member(const Json& object, std::string_view key) {
    const auto it = object.find(key);
    return it == object.end() ? nullptr : &*it;
}

// The string member KEY of OBJECT (an object); ParseError naming WHAT when absent or another type.
const std::string& string_member(const Json& object, std::string_view key, std::string_view what) {
    const Json* value = member(object, key);
    if (value == nullptr || !value->is_string()) throw ParseError(fmt::format("not {}: no \"{}\" string", what, key));
    return value->get_ref<const std::string&>();
}

void check_object_member(const Json& object, std::string_view key, std::string_view what) {
    const Json* value = member(object, key);
    if (value == nullptr || !value->is_object()) throw ParseError(fmt::format("not {}: no \"{}\" object", what, key));
}

void check_named(const std::string& found, std::string_view expected, std::string_view what) {
    if (found.empty() || (!expected.empty() && found != expected)) {
        throw ParseError(fmt::format("not {}: it names \"{}\"", what, found));
    }
}

// "total" and "offset" are counts (integers of at least 0) and the items,
// under KEY, an array or null.
void check_list_page(const Json& page, std::string_view key) {
    constexpr std::string_view what = "a list page";
    for (const std::string_view count : {"total", "offset"}) {
        const Json* value = member(page, count);
        if (value == nullptr || !value->is_number_unsigned()) {
            throw ParseError(fmt::format("not {}: no \"{}\" count", what, count));
        }
    }
    if (const Json* items = member(page, key); items != nullptr && !items->is_array() && !items->is_null()) {
        throw ParseError(fmt::format("not {}: its \"{}\" are not a list", what, key));
    }
}

}  // namespace

void check_stream_info(const Json& info, std::string_view name) {
    constexpr std::string_view what = "a stream info";
    if (!info.is_object()) throw ParseError(fmt::format("not {}: not an object", what));
    check_object_member(info, "config", what);
    const Json& config = info.at("config");
    check_named(string_member(config, "name", "a stream info's config"), name, what);
    if (const Json* subjects = member(config, "subjects"); subjects != nullptr && !subjects->is_null()) {
        if (!subjects->is_array()) throw ParseError(fmt::format("not {}: its subjects are not a list", what));
        for (const Json& subject : *subjects) {
            if (!subject.is_string()) throw ParseError(fmt::format("not {}: a subject that is not a string", what));
        }
    }
    check_object_member(info, "state", what);
}

void check_consumer_info(const Json& info, std::string_view stream, std::string_view durable) {
    constexpr std::string_view what = "a consumer info";
    if (!info.is_object()) throw ParseError(fmt::format("not {}: not an object", what));
    check_named(string_member(info, "stream_name", what), stream, what);
    check_named(string_member(info, "name", what), durable, what);
    check_object_member(info, "config", what);
}

void check_stream_list(const Json& page) {
    check_list_page(page, "streams");
    for (const Json& info : array_at(page, "streams")) check_stream_info(info, "");
}

void check_consumer_list(const Json& page, std::string_view stream) {
    check_list_page(page, "consumers");
    for (const Json& info : array_at(page, "consumers")) check_consumer_info(info, stream, "");
}

std::int64_t count_in_text(std::string_view page, std::string_view key) {
    const auto text = json_text::first_member(page, key);
    std::int64_t number = -1;
    if (text) {
        const auto [end, error] = std::from_chars(text->data(), text->data() + text->size(), number);
        if (error != std::errc() || end != text->data() + text->size()) number = -1;
    }
    if (number < 0) throw ParseError(fmt::format("not a list page: no \"{}\" count", key));
    return number;
}

std::string stream_name_in_text(std::string_view info) {
    const auto config = json_text::first_member(info, "config");
    const auto name = config ? json_text::first_member(*config, "name") : std::nullopt;
    std::string found = name ? json_text::string_value(*name).value_or("") : "";
    const auto state = json_text::first_member(info, "state");
    if (!config || !json_text::is_object(*config) || found.empty() || !state || !json_text::is_object(*state)) {
        throw ParseError("not a list page of stream infos: an item without config.name or state");
    }
    return found;
}

}  // namespace aa
