#pragma once
// JSON text that others wrote (a server's reply), read without building a
// tree: checked once to be valid JSON, then cut into the texts of its
// members and items, so that what the server wrote can be passed on as it
// wrote it, and a tree built only for the parts a command reads. Pure;
// throws only ParseError; fuzzed against nlohmann::json::accept
// (tests/fuzz/fuzz_json_text.cpp).

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace aa::json_text {

// JSON's blanks: space, tab, CR and LF.
inline bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// How deep containers may nest in text that others wrote. JetStream's replies
// nest a handful of levels (a stream info's config.sources[].external is 4);
// a tree of a text nested deeper is never built, because copying or
// comparing one recurses once per level and a reply of 100,000 levels would
// overflow the stack.
inline constexpr std::size_t kMaxDepth = 32;

// Throws ParseError unless TEXT is exactly what nlohmann::json::accept
// accepts, and nests no deeper than kMaxDepth: one JSON value (RFC 8259) between blanks (space, tab, CR, LF),
// after an optional UTF-8 byte order mark; strings of well-formed UTF-8
// without control characters, whose \u escapes pair their surrogates;
// numbers as the grammar spells them and within a double's range. Like
// nlohmann, it reads a NUL byte after the value as the end of the text.
void validate(std::string_view text);

// Whether TEXT, a text validate() accepted, is an object (an array).
bool is_object(std::string_view text);
bool is_array(std::string_view text);

// The text of member KEY of OBJECT, a text validate() accepted; its last
// occurrence when KEY repeats (as a tree built from it keeps it). nullopt
// when OBJECT is not an object or has no member KEY.
std::optional<std::string_view> member(std::string_view object, std::string_view key);

// The text of the first member KEY of OBJECT, a text validate() accepted:
// read only up to it. For text whose writer never repeats a name (what Go's
// encoding/json writes, nats-server's replies included), it is member()'s,
// found sooner.
std::optional<std::string_view> first_member(std::string_view object, std::string_view key);

// The texts of the items of ARRAY, a text validate() accepted; none when
// ARRAY is not an array (null included).
std::vector<std::string_view> items(std::string_view array);

// The string whose JSON text (quotes included) is TEXT, a text validate()
// accepted, unescaped; nullopt when TEXT is not a string.
std::optional<std::string> string_value(std::string_view text);

}  // namespace aa::json_text
