#pragma once
// ensure-streams, capture: who captures each event subject family now and once
// the plan is applied, and which actions would leave a family captured by no
// stream (the server would accept them, and lose every message published to
// the family from then on).

#include <map>
#include <string>
#include <vector>

#include "commands/ensure_streams/plan.hpp"

namespace aa::ensure_streams {

// Each stream's subjects, by stream name.
using SubjectMap = std::map<std::string, std::vector<std::string>>;

// What each stream captures now.
SubjectMap live_subjects(const Facts& facts);

// What each stream would capture once every intended action of PLAN is applied.
SubjectMap final_subjects(const Plan& plan, const SubjectMap& live);

// Fills PLAN's capture_now and capture_after, and returns, by stream, why its
// action may not be made: it gives up a family that some stream captures now
// and none would afterwards.
std::map<std::string, std::vector<std::string>> check_capture(Plan& plan, const SubjectMap& live,
                                                              const SubjectMap& final);

}  // namespace aa::ensure_streams
