#pragma once
// ensure-streams, subject ownership: which subjects an action takes from
// another stream (claims) or gives up so another can take them (releases),
// the subject moves they make, and the overlaps the server would refuse.

#include <map>
#include <string>
#include <vector>

#include "commands/ensure_streams/capture.hpp"
#include "commands/ensure_streams/plan.hpp"

namespace aa::ensure_streams {

// Compares the subjects each stream captures now (LIVE) with what it would
// capture once the plan is applied (FINAL). Marks PLAN's claims and releases,
// which order the apply, and adds its subject moves; returns, by stream, why
// its action may not be made: new subjects that another stream keeps (an
// overlap the server would reject).
std::map<std::string, std::vector<std::string>> check_subject_ownership(Plan& plan, const SubjectMap& live,
                                                                        const SubjectMap& final);

}  // namespace aa::ensure_streams
