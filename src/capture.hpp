#pragma once
// The capture invariant: every event subject family of the migration is
// captured by a stream, always. While a family is captured by no stream, core
// NATS publishes to it vanish and JetStream publishes fail, so every command
// that looks at the streams reports it first.

#include <string>
#include <string_view>
#include <vector>

#include "src/json_access.hpp"
#include "src/topology.hpp"

namespace aa {

// What a stream captures, as far as capture is concerned.
struct StreamSubjects {
    std::string stream;
    std::vector<std::string> subjects;
};

// The streams' names and subjects in stream infos (as STREAM.INFO and STREAM.LIST items carry them).
std::vector<StreamSubjects> subjects_of_streams(const std::vector<Json>& stream_infos);

enum class CaptureState {
    captured,    // one stream's subjects cover the whole family
    partial,     // streams capture some of its subjects, none all of them
    uncaptured,  // no stream captures any of its subjects
};
std::string_view to_string(CaptureState state);

struct FamilyCapture {
    std::string family;  // "vendor.>"
    CaptureState state = CaptureState::uncaptured;
    // captured: the stream whose subjects cover the family; partial: the
    // streams that capture part of it, each with its overlapping subjects.
    std::vector<StreamSubjects> streams;

    bool lost() const { return state != CaptureState::captured; }
};

// The subject families the settings' topology promises to capture: the
// legacy stream's three in single mode, those plus dlq.> in multi mode and in
// every migration phase (phase 0 adds the DLQ stream).
std::vector<std::string> event_families(StreamMode mode, bool migrating);

// Who captures FAMILY among STREAMS (every stream whose subjects overlap it,
// or simply every stream in the account). Streams may not overlap one
// another, so at most one stream covers a family; a family split over several
// streams is reported as partial, which errs on the side of warning.
FamilyCapture capture_of(const std::string& family, const std::vector<StreamSubjects>& streams);

std::vector<FamilyCapture> capture_of_all(const std::vector<std::string>& families,
                                          const std::vector<StreamSubjects>& streams);

// The families that lose messages (uncaptured or partial), uncaptured first.
std::vector<const FamilyCapture*> gaps(const std::vector<FamilyCapture>& captures);

// The family names of gaps(CAPTURES): what JSON reports as "uncaptured".
std::vector<std::string> lost_families(const std::vector<FamilyCapture>& captures);

// One line an operator acts on: "vendor.> is captured by no stream: messages
// published to it now are lost"; "athlete-ally.> is captured by AA_CORE_HOT".
std::string describe_capture(const FamilyCapture& capture);

// {"subject": "vendor.>", "state": "uncaptured", "streams": []}
Json to_json(const FamilyCapture& capture);
Json to_json(const std::vector<FamilyCapture>& captures);

}  // namespace aa
