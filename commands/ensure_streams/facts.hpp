#pragma once
// ensure-streams, facts: what the server looks like, gathered before planning
// (ensure_streams.cpp asks for them), and the questions about them that
// planning asks.

#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "src/migration_phases.hpp"
#include "src/server_info.hpp"

namespace aa::ensure_streams {

struct Facts {
    ServerFacts server;
    // By name, the infos of the managed streams that exist and of every stream
    // overlapping a managed subject: all the streams the plan can touch or be
    // refused by.
    std::map<std::string, Json> streams;
    // Stored messages per (stream, subject pattern) for the subjects an update
    // would remove; absent means not asked (stream empty or nothing removed).
    std::map<std::pair<std::string, std::string>, std::uint64_t> subject_messages;
    // The consumers of every stream the target wants deleted.
    std::map<std::string, std::vector<Json>> consumers;
};

// The streams whose own infos planning reads: those TARGET wants present or
// gone, and the topology's four (target.names), whatever the target: the
// legacy stream, which multi mode reports on even when the target leaves it
// alone, and the others, which in any state of the migration are the streams
// that capture the event subjects. Any other stream matters only if it
// overlaps a managed subject (managed_subjects).
std::vector<std::string> managed_streams(const TargetTopology& target);

// The subjects whose capturing streams planning needs, distinct, in order:
// every subject a stream of TARGET wants that exists (in STREAMS, the
// managed streams as read) or is to be created (another stream that overlaps
// one refuses the create or update, or gives it up in a move), and every
// event subject family (who captures it now, and once the plan is applied).
std::vector<std::string> managed_subjects(const TargetTopology& target, const std::map<std::string, Json>& streams);

// The managed subjects whose overlapping streams the server must be asked
// for: those that no managed stream (STREAMS, by name, as read) covers now,
// and those a stream of TARGET is to claim (wants and, as read, does not
// capture yet).
// A subject that a managed stream covers is overlapped by that stream alone:
// nats-server refuses a stream whose subjects collide with another's
// (err_code 10065, the same SubjectsCollide rule its filtered STREAM.LIST
// applies), so no other stream can overlap what that one captures. Asking
// would make the server scan every stream of the account once per subject.
// A claim is asked all the same: a claim refused in the middle of a subject
// move tears the move, so it rests on the server's answer, not on its rule
// holding everywhere; and a claim is made only when something changes, so
// a steady state's check asks nothing.
std::vector<std::string> subjects_to_ask(const TargetTopology& target, const std::map<std::string, Json>& streams);

// The most subjects an update may remove from one stream for each to have
// its stored messages counted (a question each, answered with the stream's
// whole config, for the warning that they stay behind). A stream listing
// thousands of subjects, or a reply claiming it does, would cost as many
// questions: past this, none is asked and one warning covers them all.
inline constexpr std::size_t kMaxCountedSubjects = 16;

// Which extra facts planning needs, known from the target and the streams alone.
struct FactNeeds {
    std::vector<std::pair<std::string, std::string>> subject_counts;  // (stream, removed subject)
    std::vector<std::string> consumer_lists;                          // streams to be deleted
};
FactNeeds fact_needs(const TargetTopology& target, const std::map<std::string, Json>& streams);

// Whether streams may be created with compression: a live stream config that
// echoes it (2.10+), else, with no stream to tell, a server version >= 2.10.
bool compression_supported(const Facts& facts);

// The live config and the stored messages of stream NAME, which must exist.
const Json& config_of(const Facts& facts, const std::string& name);
std::uint64_t messages_of(const Facts& facts, const std::string& name);

}  // namespace aa::ensure_streams
