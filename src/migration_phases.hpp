#pragma once
// The migration from the legacy single stream to the three-stream topology,
// as states: what must exist, and what must not, at each phase. Pure data, so
// ensure-streams (which converges on a state) and migrate-verify (which checks
// one) share one vocabulary.

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "src/topology.hpp"

namespace aa {

inline constexpr int kFirstPhase = 0;
inline constexpr int kLastPhase = 3;
// The phases as typed on a command line, for help and completions.
inline constexpr std::array<std::string_view, kLastPhase - kFirstPhase + 1> kPhaseNames{"0", "1", "2", "3"};

// A stream the target wants, and whether to create it when it is missing
// (phase 2 keeps an existing legacy stream but never creates an empty one;
// phases 0 and 1 likewise the core and vendor streams).
struct StreamTarget {
    DesiredStream stream;
    bool create_if_missing = true;
};

// A stream the target wants gone.
struct AbsentStream {
    StreamRole role;
    std::string name;
};

struct TargetTopology {
    StreamMode mode = StreamMode::multi;
    std::optional<int> phase;          // nullopt: the mode's own topology
    std::vector<StreamTarget> present;  // in display order: core, vendor, DLQ, legacy
    std::vector<AbsentStream> absent;
    StreamNames names;                 // the topology's stream names, whether targeted or not
    std::string legacy_name;           // names.legacy
    std::string summary;               // one line: "phase 1: legacy without vendor.>, vendor, DLQ"
};

// The desired state. Without PHASE: the mode's topology (single: the legacy
// stream with every subject; multi: core, vendor and DLQ). With PHASE (0..3,
// whatever the mode, since the phases are the way from single to multi, and
// back):
//   0 legacy with all its subjects + DLQ + the core and vendor streams, if
//     they exist, capturing none of the families
//   1 legacy without vendor.> + vendor + DLQ + the core stream, if it exists,
//     capturing none of the families
//   2 core + vendor + DLQ + the legacy stream, if it exists, capturing none of
//     the migrated subjects
//   3 core + vendor + DLQ, legacy deleted
// A stream that captures none of the families keeps only its own name as
// subject (a stream cannot have no subjects: that is what the server fills
// in), its messages and its consumers. So a server past PHASE is moved back
// to it with the same release-then-claim moves as forward; from phase 3, the
// legacy stream is created again.
// PHASE outside 0..3 is a programming error (the CLI validates it).
TargetTopology target_topology(const TopologySettings& settings, std::optional<int> phase);

// A phase as the operator typed it: exactly "0", "1", "2" or "3". Anything
// else ("01", "0x1", "+1", " 2", "4", "") throws UsageError naming WHAT
// ("phase", "--phase"). Every command reads phases through here.
int parse_phase(std::string_view text, std::string_view what = "phase");

}  // namespace aa
