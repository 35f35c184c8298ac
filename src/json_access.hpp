#pragma once
// Safe reads from JSON that others wrote: a missing key or a value of the
// wrong type gives the fallback, never an exception.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace aa {

using Json = nlohmann::json;

std::int64_t int_or(const Json& object, std::string_view key, std::int64_t fallback = 0);
std::uint64_t uint_or(const Json& object, std::string_view key, std::uint64_t fallback = 0);
std::string string_or(const Json& object, std::string_view key, std::string_view fallback = "");
bool bool_or(const Json& object, std::string_view key, bool fallback = false);
bool has_key(const Json& object, std::string_view key);

// The member KEY when it is an object (or array), else an empty object (array).
const Json& object_at(const Json& object, std::string_view key);
const Json& array_at(const Json& object, std::string_view key);

// Every string in the array member KEY.
std::vector<std::string> strings_at(const Json& object, std::string_view key);

}  // namespace aa
