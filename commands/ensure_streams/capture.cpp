#include "commands/ensure_streams/capture.hpp"

#include <fmt/format.h>

#include "src/subjects.hpp"

namespace aa::ensure_streams {
namespace {

std::vector<StreamSubjects> as_stream_subjects(const SubjectMap& map) {
    std::vector<StreamSubjects> out;
    for (const auto& [name, subjects] : map) out.push_back({name, subjects});
    return out;
}

}  // namespace

SubjectMap live_subjects(const Facts& facts) {
    SubjectMap live;
    for (const auto& [name, info] : facts.streams) live[name] = strings_at(object_at(info, "config"), "subjects");
    return live;
}

SubjectMap final_subjects(const Plan& plan, const SubjectMap& live) {
    SubjectMap final = live;
    for (const auto& a : plan.actions) {
        if (a.intended == Action::create || a.intended == Action::update) final[a.stream] = strings_at(a.config, "subjects");
        if (a.intended == Action::remove) final.erase(a.stream);
    }
    return final;
}

std::map<std::string, std::vector<std::string>> check_capture(Plan& plan, const SubjectMap& live,
                                                              const SubjectMap& final) {
    const auto families = event_families(plan.target.mode, plan.target.phase.has_value());
    plan.capture_now = capture_of_all(families, as_stream_subjects(live));
    plan.capture_after = capture_of_all(families, as_stream_subjects(final));
    std::map<std::string, std::vector<std::string>> refusals;
    for (std::size_t i = 0; i < families.size(); ++i) {
        if (plan.capture_now[i].lost() || !plan.capture_after[i].lost()) continue;
        for (const auto& a : plan.actions) {
            if (a.intended != Action::update && a.intended != Action::remove) continue;
            const auto kept = final.count(a.stream) ? final.at(a.stream) : std::vector<std::string>{};
            if (!any_overlaps(live.at(a.stream), families[i]) || any_overlaps(kept, families[i])) continue;
            refusals[a.stream].push_back(fmt::format(
                "{} would then be captured by no stream, and every message published to it lost: add it to another "
                "stream in the same run, or keep it here",
                families[i]));
        }
    }
    return refusals;
}

}  // namespace aa::ensure_streams
