#include "src/json_access.hpp"

#include <limits>

namespace aa {
namespace {

const Json* find(const Json& object, std::string_view key) {
    if (!object.is_object()) return nullptr;
    const auto it = object.find(key);
    return it == object.end() ? nullptr : &*it;
}

}  // namespace

std::int64_t int_or(const Json& object, std::string_view key, std::int64_t fallback) {
    const Json* value = find(object, key);
    if (value == nullptr) return fallback;
    if (value->is_number_integer()) {
        if (value->is_number_unsigned() &&
            value->get<std::uint64_t>() > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) {
            return std::numeric_limits<std::int64_t>::max();
        }
        return value->get<std::int64_t>();
    }
    return fallback;
}

std::uint64_t uint_or(const Json& object, std::string_view key, std::uint64_t fallback) {
    const Json* value = find(object, key);
    if (value == nullptr || !value->is_number_integer()) return fallback;
    if (value->is_number_unsigned()) return value->get<std::uint64_t>();
    const auto signed_value = value->get<std::int64_t>();
    return signed_value < 0 ? fallback : static_cast<std::uint64_t>(signed_value);
}

std::string string_or(const Json& object, std::string_view key, std::string_view fallback) {
    const Json* value = find(object, key);
    if (value == nullptr || !value->is_string()) return std::string(fallback);
    return value->get<std::string>();
}

bool bool_or(const Json& object, std::string_view key, bool fallback) {
    const Json* value = find(object, key);
    if (value == nullptr || !value->is_boolean()) return fallback;
    return value->get<bool>();
}

bool has_key(const Json& object, std::string_view key) { return find(object, key) != nullptr; }

const Json& object_at(const Json& object, std::string_view key) {
    static const Json empty = Json::object();
    const Json* value = find(object, key);
    return value != nullptr && value->is_object() ? *value : empty;
}

const Json& array_at(const Json& object, std::string_view key) {
    static const Json empty = Json::array();
    const Json* value = find(object, key);
    return value != nullptr && value->is_array() ? *value : empty;
}

std::vector<std::string> strings_at(const Json& object, std::string_view key) {
    std::vector<std::string> out;
    for (const auto& item : array_at(object, key)) {
        if (item.is_string()) out.push_back(item.get<std::string>());
    }
    return out;
}

}  // namespace aa
