#pragma once
// What a terminal would make of aa-nats' output, judged independently of
// aa-nats' own escaping (src/text.hpp), for the tests that feed it hostile
// names and replies.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "tests/support/harness.hpp"

namespace aa::test {

// The code points of well-formed UTF-8 TEXT; nullopt when it is not UTF-8.
std::optional<std::vector<char32_t>> code_points(std::string_view text);

// What a terminal would obey in OUTPUT: C0 controls but the line ends, DEL, C1
// controls; or bytes that are not UTF-8. Empty when there is nothing.
std::string terminal_hazards(const std::string& output);

// Checks that R's stderr is exactly one "aa-nats: error: " line holding
// NEEDLE, with nothing a terminal would obey.
void check_one_line_error(const RunResult& r, const std::string& needle);

}  // namespace aa::test
