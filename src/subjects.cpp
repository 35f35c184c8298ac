#include "src/subjects.hpp"

namespace aa {
namespace {

std::vector<std::string_view> tokens(std::string_view subject) {
    std::vector<std::string_view> out;
    while (true) {
        const auto dot = subject.find('.');
        out.push_back(subject.substr(0, dot));
        if (dot == std::string_view::npos) break;
        subject.remove_prefix(dot + 1);
    }
    return out;
}

}  // namespace

bool subject_covers(std::string_view pattern, std::string_view filter) {
    const auto p = tokens(pattern);
    const auto f = tokens(filter);
    for (std::size_t i = 0; i < p.size(); ++i) {
        if (p[i] == ">") return i < f.size();  // '>' needs at least one token
        if (i >= f.size()) return false;
        if (p[i] == "*") {
            if (f[i] == ">") return false;  // '*' is one token, '>' may be many
            continue;
        }
        if (p[i] != f[i]) return false;  // a literal covers only itself
    }
    return p.size() == f.size();
}

bool subjects_overlap(std::string_view a, std::string_view b) {
    const auto x = tokens(a);
    const auto y = tokens(b);
    for (std::size_t i = 0;; ++i) {
        const bool x_done = i >= x.size();
        const bool y_done = i >= y.size();
        if (x_done || y_done) return x_done && y_done;
        if (x[i] == ">" || y[i] == ">") return true;
        if (x[i] == "*" || y[i] == "*") continue;
        if (x[i] != y[i]) return false;
    }
}

bool any_covers(const std::vector<std::string>& patterns, std::string_view filter) {
    for (const auto& p : patterns) {
        if (subject_covers(p, filter)) return true;
    }
    return false;
}

std::vector<std::string> uncovered(const std::vector<std::string>& patterns, const std::vector<std::string>& filters) {
    std::vector<std::string> out;
    for (const auto& filter : filters) {
        if (!any_covers(patterns, filter)) out.push_back(filter);
    }
    return out;
}

bool any_overlaps(const std::vector<std::string>& patterns, std::string_view filter) {
    for (const auto& p : patterns) {
        if (subjects_overlap(p, filter)) return true;
    }
    return false;
}

}  // namespace aa
