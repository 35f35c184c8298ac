#pragma once
// The event subject families of the AA streams, in the reference's spelling
// (config.ts). Which stream captures which family, at each migration phase,
// is the topology's business (topology.cpp, migration_phases.cpp); how a
// wildcard matches a subject is subjects.hpp's.

#include <string>

namespace aa::event_subjects {

inline const std::string kAthleteAlly = "athlete-ally.>";
inline const std::string kVendor = "vendor.>";
inline const std::string kSleep = "sleep.*";
inline const std::string kDlq = "dlq.>";

}  // namespace aa::event_subjects
