#pragma once
// NATS subject wildcards ('*' one token, '>' one or more trailing tokens), as
// JetStream uses them to decide which stream captures what.

#include <cstddef>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace aa {

// True when every subject FILTER can match is also matched by PATTERN
// ("athlete-ally.>" covers "athlete-ally.hrv.*"; "sleep.*" does not cover "sleep.>").
bool subject_covers(std::string_view pattern, std::string_view filter);

// True when some subject is matched by both A and B (what the server calls an overlap).
bool subjects_overlap(std::string_view a, std::string_view b);

// True when some pattern in PATTERNS covers FILTER.
bool any_covers(const std::vector<std::string>& patterns, std::string_view filter);

// The FILTERS that no pattern in PATTERNS covers, in their order.
std::vector<std::string> uncovered(const std::vector<std::string>& patterns, const std::vector<std::string>& filters);

// True when some pattern in PATTERNS overlaps FILTER.
bool any_overlaps(const std::vector<std::string>& patterns, std::string_view filter);

// PATTERNS indexed token by token, so that "does any of them overlap (cover)
// this filter" costs about the filter's tokens instead of the number of
// patterns: a stream may list 200,000 subjects (or a reply claim it does),
// and asking that of each of its subjects, pattern by pattern, was quadratic.
// Answers exactly as any_overlaps and any_covers do. The walks keep their own
// stack, so a subject of thousands of tokens costs memory, not the call stack.
class SubjectIndex {
public:
    SubjectIndex() = default;
    explicit SubjectIndex(const std::vector<std::string>& patterns);

    bool any_overlaps(std::string_view filter) const;
    bool any_covers(std::string_view filter) const;

private:
    using Children = std::map<std::string, std::size_t, std::less<>>;  // token ('*' and '>' too) -> node
    struct Node {
        Children children;
        bool ends = false;  // a pattern ends here
    };

    // Whether FILTER reaches the end of a pattern, token by token: BRANCH
    // (children, filter token, next) calls next(child) for each child the
    // token may go on to, and returns true to end the walk with "yes".
    template <typename Branch>
    bool walk(std::string_view filter, Branch&& branch) const;

    std::vector<Node> nodes_{Node{}};  // nodes_[0] is the root
};

}  // namespace aa
