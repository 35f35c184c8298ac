#include "src/capture.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "src/event_subjects.hpp"
#include "src/subjects.hpp"
#include "src/text.hpp"

namespace aa {

std::vector<StreamSubjects> subjects_of_streams(const std::vector<Json>& stream_infos) {
    std::vector<StreamSubjects> out;
    out.reserve(stream_infos.size());
    for (const Json& info : stream_infos) {
        const Json& config = object_at(info, "config");
        out.push_back({string_or(config, "name"), strings_at(config, "subjects")});
    }
    return out;
}

std::string_view to_string(CaptureState state) {
    switch (state) {
        case CaptureState::captured: return "captured";
        case CaptureState::partial: return "partial";
        case CaptureState::uncaptured: return "uncaptured";
    }
    return "uncaptured";
}

std::vector<std::string> event_families(StreamMode mode, bool migrating) {
    std::vector<std::string> families{event_subjects::kAthleteAlly, event_subjects::kSleep, event_subjects::kVendor};
    if (migrating || mode == StreamMode::multi) families.push_back(event_subjects::kDlq);
    return families;
}

FamilyCapture capture_of(const std::string& family, const std::vector<StreamSubjects>& streams) {
    FamilyCapture capture{family, CaptureState::uncaptured, {}};
    for (const StreamSubjects& stream : streams) {
        std::vector<std::string> overlapping;
        for (const auto& subject : stream.subjects) {
            if (subjects_overlap(subject, family)) overlapping.push_back(subject);
        }
        if (overlapping.empty()) continue;
        if (any_covers(overlapping, family)) {
            return FamilyCapture{family, CaptureState::captured, {{stream.stream, std::move(overlapping)}}};
        }
        capture.state = CaptureState::partial;
        capture.streams.push_back({stream.stream, std::move(overlapping)});
    }
    return capture;
}

std::vector<FamilyCapture> capture_of_all(const std::vector<std::string>& families,
                                          const std::vector<StreamSubjects>& streams) {
    std::vector<FamilyCapture> out;
    out.reserve(families.size());
    for (const auto& family : families) out.push_back(capture_of(family, streams));
    return out;
}

std::vector<const FamilyCapture*> gaps(const std::vector<FamilyCapture>& captures) {
    std::vector<const FamilyCapture*> out;
    for (const CaptureState state : {CaptureState::uncaptured, CaptureState::partial}) {
        for (const auto& capture : captures) {
            if (capture.state == state) out.push_back(&capture);
        }
    }
    return out;
}

std::vector<std::string> lost_families(const std::vector<FamilyCapture>& captures) {
    std::vector<std::string> out;
    for (const FamilyCapture* gap : gaps(captures)) out.push_back(gap->family);
    return out;
}

std::string describe_capture(const FamilyCapture& capture) {
    switch (capture.state) {
        case CaptureState::captured:
            return fmt::format("{} is captured by {}", capture.family, capture.streams.front().stream);
        case CaptureState::uncaptured:
            return fmt::format("{} is captured by no stream: messages published to it now are lost", capture.family);
        case CaptureState::partial: {
            std::vector<std::string> parts;
            for (const auto& s : capture.streams) parts.push_back(fmt::format("{} captures {}", s.stream, join(s.subjects)));
            return fmt::format("{} is captured only in part ({}): messages published to its other subjects now are lost",
                               capture.family, join(parts, "; "));
        }
    }
    return {};
}

Json to_json(const FamilyCapture& capture) {
    Json streams = Json::array();
    for (const auto& s : capture.streams) streams.push_back(Json{{"stream", s.stream}, {"subjects", s.subjects}});
    return Json{{"subject", capture.family}, {"state", to_string(capture.state)}, {"streams", std::move(streams)}};
}

Json to_json(const std::vector<FamilyCapture>& captures) {
    Json out = Json::array();
    for (const auto& capture : captures) out.push_back(to_json(capture));
    return out;
}

}  // namespace aa
