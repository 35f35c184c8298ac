// ensure-streams, facts: the questions planning asks about what the server
// looks like, answered from the facts alone.

#include "commands/ensure_streams/facts.hpp"

#include <algorithm>
#include <cstdio>

#include "commands/ensure_streams/subject_lists.hpp"
#include "src/capture.hpp"
#include "src/subjects.hpp"
#include "src/stream_diff.hpp"

namespace aa::ensure_streams {

namespace {

void add_distinct(std::vector<std::string>& list, const std::string& item) {
    if (std::find(list.begin(), list.end(), item) == list.end()) list.push_back(item);
}

// Whether a stream of TARGET wants SUBJECT and, as read, does not capture it yet.
bool claimed(const TargetTopology& target, const std::map<std::string, Json>& streams, const std::string& subject) {
    return std::any_of(target.present.begin(), target.present.end(), [&](const StreamTarget& t) {
        if (std::find(t.stream.subjects.begin(), t.stream.subjects.end(), subject) == t.stream.subjects.end()) return false;
        const auto found = streams.find(t.stream.name);
        if (found == streams.end()) return t.create_if_missing;
        return !any_covers(strings_at(object_at(found->second, "config"), "subjects"), subject);
    });
}

}  // namespace

std::vector<std::string> managed_streams(const TargetTopology& target) {
    std::vector<std::string> streams;
    for (const StreamTarget& t : target.present) add_distinct(streams, t.stream.name);
    for (const AbsentStream& a : target.absent) add_distinct(streams, a.name);
    for (const StreamRole role : kAllRoles) add_distinct(streams, target.names.of(role));
    return streams;
}

std::vector<std::string> managed_subjects(const TargetTopology& target, const std::map<std::string, Json>& streams) {
    std::vector<std::string> subjects;
    for (const StreamTarget& t : target.present) {
        if (!t.create_if_missing && !streams.count(t.stream.name)) continue;  // no action, nothing to claim
        for (const auto& subject : t.stream.subjects) add_distinct(subjects, subject);
    }
    for (const auto& family : event_families(target.mode, target.phase.has_value())) add_distinct(subjects, family);
    return subjects;
}

std::vector<std::string> subjects_to_ask(const TargetTopology& target, const std::map<std::string, Json>& streams) {
    std::vector<std::string> asked;
    for (const auto& subject : managed_subjects(target, streams)) {
        const bool covered = std::any_of(streams.begin(), streams.end(), [&](const auto& entry) {
            return any_covers(strings_at(object_at(entry.second, "config"), "subjects"), subject);
        });
        if (!covered || claimed(target, streams, subject)) asked.push_back(subject);
    }
    return asked;
}

FactNeeds fact_needs(const TargetTopology& target, const std::map<std::string, Json>& streams) {
    FactNeeds needs;
    for (const StreamTarget& t : target.present) {
        const auto found = streams.find(t.stream.name);
        if (found == streams.end() || uint_or(object_at(found->second, "state"), "messages") == 0) continue;
        const auto removed = minus(strings_at(object_at(found->second, "config"), "subjects"), t.stream.subjects);
        if (removed.size() > kMaxCountedSubjects) continue;
        for (const auto& subject : removed) needs.subject_counts.emplace_back(t.stream.name, subject);
    }
    for (const AbsentStream& a : target.absent) {
        if (streams.count(a.name)) needs.consumer_lists.push_back(a.name);
    }
    return needs;
}

bool compression_supported(const Facts& facts) {
    if (!facts.streams.empty()) {
        return std::any_of(facts.streams.begin(), facts.streams.end(), [](const auto& entry) {
            return config_supports_compression(object_at(entry.second, "config"));
        });
    }
    // No stream to tell: the version from the greeting (2.10 introduced compression).
    if (!facts.server.version) return false;
    int major = 0;
    int minor = 0;
    if (std::sscanf(facts.server.version->c_str(), "%d.%d", &major, &minor) != 2) return false;
    return major > 2 || (major == 2 && minor >= 10);
}

const Json& config_of(const Facts& facts, const std::string& name) {
    return object_at(facts.streams.at(name), "config");
}

std::uint64_t messages_of(const Facts& facts, const std::string& name) {
    return uint_or(object_at(facts.streams.at(name), "state"), "messages");
}

}  // namespace aa::ensure_streams
