#pragma once
// ensure-streams: subject lists compared as the configs list them (pattern by
// pattern, not by what the patterns match).

#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace aa::ensure_streams {

// The subjects of A that B does not list, in A's order. B is hashed: either
// list may hold thousands of subjects.
inline std::vector<std::string> minus(const std::vector<std::string>& a, const std::vector<std::string>& b) {
    const std::unordered_set<std::string_view> listed(b.begin(), b.end());
    std::vector<std::string> out;
    for (const auto& s : a) {
        if (!listed.count(s)) out.push_back(s);
    }
    return out;
}

}  // namespace aa::ensure_streams
