#pragma once
// Text for roff (man(7)), escaped so that groff prints it as written.

#include <string>
#include <string_view>

namespace aa::generate {

// TEXT in running text: backslashes as \e, every '-' as \- (an ASCII
// hyphen-minus that a reader can copy into a shell, not a typographic hyphen),
// and a leading '.' or '\'' guarded so it is not read as a request.
std::string roff(std::string_view text);

// TEXT in bold (\fB...\fR) or italics (\fI...\fR), escaped.
std::string bold(std::string_view text);
std::string italic(std::string_view text);

// A tagged paragraph: TAG on its own line, then BODY indented below it.
std::string tagged(const std::string& tag, std::string_view body);

// Paragraphs separated by blank lines in TEXT, as roff paragraphs.
std::string paragraphs(std::string_view text);

}  // namespace aa::generate
