#pragma once
// ensure-streams: subject lists compared as the configs list them (pattern by
// pattern, not by what the patterns match).

#include <algorithm>
#include <string>
#include <vector>

namespace aa::ensure_streams {

// The subjects of A that B does not list, in A's order.
inline std::vector<std::string> minus(const std::vector<std::string>& a, const std::vector<std::string>& b) {
    std::vector<std::string> out;
    for (const auto& s : a) {
        if (std::find(b.begin(), b.end(), s) == b.end()) out.push_back(s);
    }
    return out;
}

}  // namespace aa::ensure_streams
