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

SubjectIndex::SubjectIndex(const std::vector<std::string>& patterns) {
    for (const auto& pattern : patterns) {
        std::size_t node = 0;
        for (const std::string_view token : tokens(pattern)) {
            const auto found = nodes_[node].children.find(token);
            if (found != nodes_[node].children.end()) {
                node = found->second;
                continue;
            }
            nodes_[node].children.emplace(std::string(token), nodes_.size());
            node = nodes_.size();
            nodes_.emplace_back();
        }
        nodes_[node].ends = true;
    }
}

namespace {

// A step of a walk: a node of the index, and the filter's token to match there.
struct Step {
    std::size_t node;
    std::size_t token;
};

}  // namespace

template <typename Branch>
bool SubjectIndex::walk(std::string_view filter, Branch&& branch) const {
    const auto f = tokens(filter);
    std::vector<Step> todo{{0, 0}};
    while (!todo.empty()) {
        const Step step = todo.back();
        todo.pop_back();
        if (step.token == f.size()) {
            if (nodes_[step.node].ends) return true;
            continue;
        }
        const auto next = [&](std::size_t child) { todo.push_back({child, step.token + 1}); };
        if (branch(nodes_[step.node].children, f[step.token], next)) return true;
    }
    return false;
}

bool SubjectIndex::any_overlaps(std::string_view filter) const {
    return walk(filter, [](const Children& children, std::string_view token, const auto& next) {
        // '>' on either side matches whatever one or more tokens the other has left.
        if (token == ">") return !children.empty();
        if (children.count(">")) return true;
        if (token == "*") {  // meets every token: each branch may overlap
            for (const auto& [_, child] : children) next(child);
            return false;
        }
        if (const auto star = children.find("*"); star != children.end()) next(star->second);
        if (const auto same = children.find(token); same != children.end()) next(same->second);
        return false;
    });
}

bool SubjectIndex::any_covers(std::string_view filter) const {
    return walk(filter, [](const Children& children, std::string_view token, const auto& next) {
        if (children.count(">")) return true;  // '>' covers one or more tokens of any kind
        if (token == ">") return false;        // nothing else covers '>'
        if (const auto star = children.find("*"); star != children.end()) next(star->second);
        if (token == "*") return false;  // a literal covers only itself
        if (const auto same = children.find(token); same != children.end()) next(same->second);
        return false;
    });
}

}  // namespace aa
