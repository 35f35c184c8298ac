#pragma once
// Small text helpers shared by the renderers and the plan/check wording.

#include <string>
#include <string_view>
#include <vector>

namespace aa {

// ITEMS separated by SEPARATOR: {"a", "b"} -> "a, b"; {} -> "".
std::string join(const std::vector<std::string>& items, std::string_view separator = ", ");

}  // namespace aa
