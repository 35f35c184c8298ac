#pragma once
// NATS subject wildcards ('*' one token, '>' one or more trailing tokens), as
// JetStream uses them to decide which stream captures what.

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

}  // namespace aa
