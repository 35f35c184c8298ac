#pragma once
// One check, and a phase's counts, as text, shared by the human report and
// the plugin status line. Unescaped: each output escapes it its own way.

#include <string>

#include "commands/migrate_verify/migrate_verify.hpp"

namespace aa::migrate_verify {

// "id: description (expected: ...; found: ...; note)"; a passed check
// without its expected and found values.
std::string check_text(const Check& check);

// "N passed, N failed, N warnings".
std::string counts_line(const Counts& counts);

}  // namespace aa::migrate_verify
