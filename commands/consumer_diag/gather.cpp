#include "commands/consumer_diag/gather.hpp"

#include <fmt/format.h>

#include "src/clustering.hpp"

namespace aa::consumer_diag {
namespace {

// The report on DURABLE as BINDING found it: diagnosed against the service's
// expected config when it is the service's durable, with the binding's own
// findings (why each candidate missed, where else it exists) added.
ConsumerReport report_on(const Plan& plan, std::optional<std::string> stream, std::string durable, Binding binding,
                         TimePoint now) {
    ConsumerReport report;
    report.stream = std::move(stream);
    report.durable = std::move(durable);
    report.binding = std::move(binding);
    report.diagnosis = diagnose(report.binding.info, now, plan.thresholds, plan.expected_for(report.durable));
    const Binding& b = report.binding;
    if (!b.bound_stream) {
        report.diagnosis.reasons.insert(report.diagnosis.reasons.end(), b.misses.begin(), b.misses.end());
    }
    for (const auto& other : b.also_on) {
        report.diagnosis.warnings.push_back(fmt::format(
            "the durable also exists on {}; the service binds {} because it comes first", other, *b.bound_stream));
    }
    return report;
}

}  // namespace

ConsumerReport gather_one(const Plan& plan, JetStreamClient& js, TimePoint now) {
    Questions questions;
    std::vector<Ticket<ConsumerAnswer>> lookups;
    for (const auto& stream : plan.candidates) lookups.push_back(questions.consumer_info(stream, plan.durable));
    Answers answers = js.ask(questions);
    std::vector<ConsumerAnswer> found;
    for (const auto& lookup : lookups) found.push_back(answers.take(lookup));
    return report_on(plan, plan.stream, plan.durable, choose_binding(plan.candidates, std::move(found)), now);
}

AllResult gather_all(const Plan& plan, JetStreamClient& js, ServerFacts server, TimePoint now) {
    AllResult result;
    result.server = std::move(server);
    result.stream_given = plan.stream.has_value();
    Questions questions;
    std::vector<Ticket<std::optional<Json>>> lookups;
    for (const auto& name : plan.all_streams) lookups.push_back(questions.stream_info(name));
    Answers answers = js.ask(questions);
    for (std::size_t i = 0; i < plan.all_streams.size(); ++i) {
        const std::string& name = plan.all_streams[i];
        const std::optional<Json> stream_info = answers.take(lookups[i]);
        if (!stream_info) {
            result.streams_missing.push_back(name);
            continue;
        }
        note_stream_cluster(result.server, *stream_info);
        result.streams_checked.push_back(name);
        for (Json& info : js.list_consumers(name)) {
            Binding binding;
            binding.bound_stream = name;
            binding.info = std::move(info);
            const std::string durable = string_or(binding.info, "name");
            result.consumers.push_back(report_on(plan, name, durable, std::move(binding), now));
        }
    }
    return result;
}

TimePoint wall_now() { return std::chrono::time_point_cast<std::chrono::nanoseconds>(std::chrono::system_clock::now()); }

}  // namespace aa::consumer_diag
