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
    report.thresholds = plan.thresholds;
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

std::vector<StreamConsumers> read_streams(const Plan& plan, JetStreamClient& js) {
    Questions questions;
    std::vector<Ticket<std::optional<Json>>> infos;
    std::vector<Ticket<ConsumerPage>> pages;
    for (const auto& name : plan.all_streams) {
        infos.push_back(questions.stream_info(name));
        pages.push_back(questions.first_consumer_page(name));
    }
    Answers answers = js.ask(questions);
    std::vector<StreamConsumers> streams;
    for (std::size_t i = 0; i < plan.all_streams.size(); ++i) {
        const std::string& name = plan.all_streams[i];
        StreamConsumers stream{name, answers.take(infos[i]), {}};
        ConsumerPage page = answers.take(pages[i]);
        // More than one page (256) of consumers on a stream is rare: only
        // then a second trip, for that stream's remaining pages.
        if (stream.info) stream.consumers = page.complete ? std::move(page.consumers) : js.list_consumers(name);
        streams.push_back(std::move(stream));
    }
    return streams;
}

AllResult all_result(const Plan& plan, std::vector<StreamConsumers> streams, ServerFacts server, TimePoint now) {
    AllResult result;
    result.server = std::move(server);
    result.stream_given = plan.stream.has_value();
    for (StreamConsumers& stream : streams) {
        if (!stream.info) {
            result.streams_missing.push_back(stream.name);
            continue;
        }
        note_stream_cluster(result.server, *stream.info);
        result.streams_checked.push_back(stream.name);
        for (Json& info : stream.consumers) {
            Binding binding;
            binding.bound_stream = stream.name;
            binding.info = std::move(info);
            const std::string durable = string_or(binding.info, "name");
            result.consumers.push_back(report_on(plan, stream.name, durable, std::move(binding), now));
        }
    }
    return result;
}

TimePoint wall_now() { return std::chrono::time_point_cast<std::chrono::nanoseconds>(std::chrono::system_clock::now()); }

}  // namespace aa::consumer_diag
