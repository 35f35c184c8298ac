#pragma once
// dotenv files as the reference's .env.example writes them.

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace aa {

using EnvEntries = std::vector<std::pair<std::string, std::string>>;

// Parses dotenv text: KEY=VALUE lines, blank lines and "# comment" lines,
// an optional "export " prefix, unquoted values with a trailing " # comment",
// 'single quoted' (literal) and "double quoted" (\n \r \t escapes; a backslash
// before any other character keeps that character: \" \\) values. Spaces, tabs
// and the CR of CRLF line ends around keys and values are dropped. A later
// duplicate key wins. Throws ParseError naming the line on bad syntax.
EnvEntries parse_env_file(std::string_view text);

}  // namespace aa
