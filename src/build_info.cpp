#include "src/build_info.hpp"

// Written at every build by cmake/git_revision.cmake, in the build directory.
#include "aa_nats_revision.hpp"

namespace aa {

std::string_view project_version() { return AA_NATS_VERSION; }

std::string_view git_revision() { return AA_NATS_GIT_REVISION; }

}  // namespace aa
