#include "commands/ensure_streams/ownership.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "commands/ensure_streams/subject_lists.hpp"
#include "src/subjects.hpp"
#include "src/text.hpp"

namespace aa::ensure_streams {
namespace {

std::string overlap_reason(const Plan& plan, const std::vector<std::string>& subjects, const std::string& other,
                           const std::vector<std::string>& other_subjects) {
    const char* verb = subjects.size() == 1 ? "overlaps" : "overlap";
    if (other == plan.target.legacy_name && !plan.target.phase && plan.target.mode == StreamMode::multi) {
        return fmt::format(
            "{} {} the legacy stream {} (which captures {}): migrate phase by phase with --phase 1, "
            "--phase 2, then --phase 3 --allow-delete, or keep EVENT_STREAM_MODE=single",
            join(subjects), verb, other, join(other_subjects));
    }
    const StreamNames& names = plan.target.names;
    if ((other == names.core || other == names.vendor) && !plan.target.phase &&
        plan.target.mode == StreamMode::single) {
        // Taking the subjects out of that stream by hand would leave them captured by no stream.
        const char* them = subjects.size() == 1 ? "it" : "them";
        return fmt::format(
            "{} {} stream {} (which captures {}), where the migration moved {}: roll back with aa-nats ensure-streams "
            "--phase 0, which moves {} back without leaving {} captured by no stream, or keep EVENT_STREAM_MODE=multi",
            join(subjects), verb, other, join(other_subjects), them, them, them);
    }
    return fmt::format("{} {} stream {} (which captures {} and keeps it in this plan): take it out of {} first",
                       join(subjects), verb, other, join(other_subjects), other);
}

// SUBJECT leaves stream FROM for CLAIMER's stream: a claim, and part of the move between the two.
void add_claim(Plan& plan, StreamAction& claimer, const std::string& subject, const std::string& from) {
    if (std::find(claimer.claims.begin(), claimer.claims.end(), subject) == claimer.claims.end()) {
        claimer.claims.push_back(subject);
    }
    auto move = std::find_if(plan.moves.begin(), plan.moves.end(),
                             [&](const SubjectMove& m) { return m.from == from && m.to == claimer.stream; });
    if (move == plan.moves.end()) {
        SubjectMove added;
        added.from = from;
        added.to = claimer.stream;
        plan.moves.push_back(std::move(added));
        move = std::prev(plan.moves.end());
    }
    move->subjects.push_back(subject);
}

// Each stream's subjects indexed (SubjectIndex), so that asking which
// streams overlap each of thousands of subjects stays linear.
using SubjectIndexes = std::map<std::string, SubjectIndex>;

SubjectIndexes indexes_of(const SubjectMap& subjects) {
    SubjectIndexes indexes;
    for (const auto& [stream, list] : subjects) indexes.emplace(stream, SubjectIndex(list));
    return indexes;
}

// The subjects of LIVE and FINAL, and their indexes.
struct Ownership {
    const SubjectMap& live;
    const SubjectMap& final;
    SubjectIndexes live_index;
    SubjectIndexes final_index;
};

// The new subjects of create or update A: claims where another stream
// captures them now and will not once the plan is applied (updated without
// them, or deleted); and why A may not be made where another stream keeps them.
std::vector<std::string> check_new_subjects(Plan& plan, StreamAction& a, const Ownership& o) {
    const auto current = o.live.count(a.stream) ? o.live.at(a.stream) : std::vector<std::string>{};
    std::map<std::string, std::vector<std::string>> overlaps;  // other stream -> our subjects it keeps
    for (const auto& subject : minus(strings_at(a.config, "subjects"), current)) {
        for (const auto& [other, index] : o.final_index) {
            if (other != a.stream && index.any_overlaps(subject)) overlaps[other].push_back(subject);
        }
        for (const auto& [other, index] : o.live_index) {
            if (other == a.stream || !index.any_overlaps(subject)) continue;
            if (o.final_index.count(other) && o.final_index.at(other).any_overlaps(subject)) continue;
            add_claim(plan, a, subject, other);
        }
    }
    std::vector<std::string> reasons;
    for (const auto& [other, subjects] : overlaps) {
        reasons.push_back(
            overlap_reason(plan, subjects, other, o.live.count(other) ? o.live.at(other) : o.final.at(other)));
    }
    return reasons;
}

// The subjects update or delete A gives up that another stream will capture.
void mark_releases(StreamAction& a, const Ownership& o) {
    const auto kept = a.intended == Action::update ? strings_at(a.config, "subjects") : std::vector<std::string>{};
    for (const auto& subject : minus(o.live.at(a.stream), kept)) {
        for (const auto& [other, index] : o.final_index) {
            if (other != a.stream && index.any_overlaps(subject)) {
                a.releases.push_back(subject);
                break;
            }
        }
    }
}

}  // namespace

std::map<std::string, std::vector<std::string>> check_subject_ownership(Plan& plan, const SubjectMap& live,
                                                                        const SubjectMap& final) {
    const Ownership ownership{live, final, indexes_of(live), indexes_of(final)};
    std::map<std::string, std::vector<std::string>> refusals;
    for (auto& a : plan.actions) {
        if (a.intended != Action::create && a.intended != Action::update) continue;
        std::vector<std::string> reasons = check_new_subjects(plan, a, ownership);
        if (!reasons.empty()) refusals[a.stream] = std::move(reasons);
    }
    for (auto& a : plan.actions) {
        if (a.intended == Action::update || a.intended == Action::remove) mark_releases(a, ownership);
    }
    return refusals;
}

}  // namespace aa::ensure_streams
