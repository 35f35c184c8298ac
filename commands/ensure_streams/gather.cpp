// ensure-streams, gathering the facts in as few round trips as they allow.

#include "commands/ensure_streams/gather.hpp"

#include <algorithm>

#include "src/clustering.hpp"

namespace aa::ensure_streams {
namespace {

// Stored messages matching SUBJECT in each (stream, subject) pair, asked
// together. A stream deleted since it was read stores none.
std::map<std::pair<std::string, std::string>, std::uint64_t> count_subject_messages(
    JetStreamClient& js, const std::vector<std::pair<std::string, std::string>>& pairs) {
    std::map<std::pair<std::string, std::string>, std::uint64_t> counts;
    if (pairs.empty()) return counts;
    Questions questions;
    std::vector<Ticket<std::optional<std::uint64_t>>> stored;
    for (const auto& [stream, subject] : pairs) stored.push_back(questions.stored_messages(stream, subject));
    Answers answers = js.ask(questions);
    for (std::size_t i = 0; i < pairs.size(); ++i) counts[pairs[i]] = answers.take(stored[i]).value_or(0);
    return counts;
}

// The tickets of the first batch.
struct FirstBatch {
    std::vector<std::string> names;
    std::vector<Ticket<std::optional<Json>>> infos;         // per managed stream
    std::vector<Ticket<std::vector<Json>>> overlapping;     // per managed subject
    std::vector<Ticket<ConsumerPage>> consumer_pages;       // per stream the target deletes
};

FirstBatch ask_first(const TargetTopology& target, Questions& questions) {
    FirstBatch batch;
    batch.names = managed_streams(target);
    for (const auto& name : batch.names) batch.infos.push_back(questions.stream_info(name));
    for (const auto& subject : managed_subjects(target)) batch.overlapping.push_back(questions.streams_overlapping(subject));
    for (const AbsentStream& a : target.absent) batch.consumer_pages.push_back(questions.first_consumer_page(a.name));
    return batch;
}

// The streams overlapping the managed subjects, then the managed streams'
// own infos: where the two disagree (a stream created or deleted between
// the two requests), the stream's own info is the later word.
std::map<std::string, Json> streams_of(const FirstBatch& batch, Answers& answers) {
    std::map<std::string, Json> streams;
    for (const auto& ticket : batch.overlapping) {
        for (Json& info : answers.take(ticket)) {
            const std::string name = string_or(object_at(info, "config"), "name");
            streams[name] = std::move(info);
        }
    }
    for (std::size_t i = 0; i < batch.names.size(); ++i) {
        std::optional<Json> info = answers.take(batch.infos[i]);
        if (info) {
            streams[batch.names[i]] = std::move(*info);
        } else {
            streams.erase(batch.names[i]);
        }
    }
    return streams;
}

}  // namespace

Facts gather_facts(const TargetTopology& target, CommandContext& context) {
    JetStreamClient& js = context.jetstream();
    Questions questions;
    const FirstBatch batch = ask_first(target, questions);
    Answers answers = js.ask(questions);

    Facts facts;
    facts.streams = streams_of(batch, answers);
    facts.server = context.server();
    for (const auto& [_, info] : facts.streams) note_stream_cluster(facts.server, info);
    const FactNeeds needs = fact_needs(target, facts.streams);
    facts.subject_messages = count_subject_messages(js, needs.subject_counts);
    for (std::size_t i = 0; i < target.absent.size(); ++i) {
        ConsumerPage page = answers.take(batch.consumer_pages[i]);
        const std::string& name = target.absent[i].name;
        if (std::find(needs.consumer_lists.begin(), needs.consumer_lists.end(), name) == needs.consumer_lists.end()) {
            continue;
        }
        // More than a page (256) of consumers is rare: only then another trip.
        facts.consumers[name] = page.complete ? std::move(page.consumers) : js.list_consumers(name);
    }
    return facts;
}

}  // namespace aa::ensure_streams
