#pragma once
// What this binary is: the project's version and the git revision it was
// built from, for --version and the man page.

#include <string_view>

namespace aa {

// "0.1.0", from CMakeLists.txt's project().
std::string_view project_version();

// What `git describe --always --dirty` said of the sources at build time
// ("12e1508", "12e1508-dirty"); empty when they were not a git checkout.
std::string_view git_revision();

}  // namespace aa
