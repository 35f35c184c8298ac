#pragma once
// Small text helpers shared by the parsers, the renderers and the plan/check
// wording, and the rules for putting text that others wrote (servers,
// operators) on a terminal.

#include <string>
#include <string_view>
#include <vector>

namespace aa {

// ITEMS separated by SEPARATOR: {"a", "b"} -> "a, b"; {} -> "".
std::string join(const std::vector<std::string>& items, std::string_view separator = ", ");

// TEXT without any of the characters in BLANKS at either end (or at its end
// only). There is no default set on purpose: what counts as blank differs by
// caller (an env file line also drops the '\r' of CRLF files, a server list
// only spaces and tabs, since a '\r' in a URL is an error it reports), so
// each caller names its own.
std::string_view trim(std::string_view text, std::string_view blanks);
std::string_view trim_end(std::string_view text, std::string_view blanks);

// Whether TEXT is well-formed UTF-8: no stray or missing continuation bytes,
// no overlong forms, no surrogates, nothing past U+10FFFF.
bool is_valid_utf8(std::string_view text);

// TEXT as it may be shown on an operator's terminal. Stream names, subjects,
// descriptions and error texts can hold any byte, escape sequences included,
// so human output passes every such text through here, once, before painting.
// Each byte of these becomes "\xNN" (two lower-case hex digits):
//   - C0 controls (0x00-0x1f) and DEL (0x7f),
//   - C1 controls U+0080..U+009F (their two UTF-8 bytes, e.g. "\xc2\x9b"),
//   - the characters that break or reorder a line: U+2028, U+2029 and the
//     bidirectional controls U+061C, U+200E, U+200F, U+202A..U+202E, U+2066..U+2069,
//   - every byte that is not part of well-formed UTF-8.
// A backslash becomes "\\", so the escaping is unambiguous: "\x1b" on the
// screen is always an escape, "\\x1b" is the server's four characters.
// Everything else, printable ASCII and printable UTF-8 ("Zürich", "日本"),
// is kept as is. JSON output does not use this: JSON escapes by itself.
std::string printable(std::string_view text);

// The terminal columns TEXT takes: 2 for East Asian wide characters, 0 for
// combining marks and zero-width joiners, 1 otherwise (a byte that is not
// UTF-8 counts 1). Meant for printable() output, which has no control characters.
std::size_t display_width(std::string_view text);

// TEXT cut to at most WIDTH columns, the last three of them "..." when it was
// cut. Never splits a character, nor one of printable()'s escapes.
std::string truncate_to_width(std::string_view text, std::size_t width);

// How many columns of text that others wrote (an error's description, a
// name) one human error line shows: a server may send an error of megabytes,
// and the line must stay one screenful. docs/exit-codes.md says so; JSON
// output keeps the whole text.
inline constexpr std::size_t kMaxShownTextColumns = 480;

// printable(TEXT), cut to kMaxShownTextColumns when longer, saying how many
// columns were cut and that --json shows the whole text.
std::string printable_excerpt(std::string_view text);

// TEXT followed by spaces up to WIDTH columns (as is when it is wider), for
// table columns that stay aligned with multibyte names.
std::string pad_to_width(std::string_view text, std::size_t width);

}  // namespace aa
