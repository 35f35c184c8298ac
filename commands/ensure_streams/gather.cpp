// ensure-streams, gathering the facts in as few round trips as they allow.

#include "commands/ensure_streams/gather.hpp"

#include <algorithm>

#include "src/clustering.hpp"

namespace aa::ensure_streams {
namespace {

// The managed streams' infos (absent ones left out), asked in the first
// batch with the first page of consumers of each stream the target deletes.
struct FirstBatch {
    std::vector<std::string> names;
    std::vector<Ticket<std::optional<Json>>> infos;
    std::vector<Ticket<ConsumerPage>> consumer_pages;  // per target.absent
};

FirstBatch ask_first(const TargetTopology& target, Questions& questions) {
    FirstBatch batch;
    batch.names = managed_streams(target);
    for (const auto& name : batch.names) batch.infos.push_back(questions.stream_info(name));
    for (const AbsentStream& a : target.absent) batch.consumer_pages.push_back(questions.first_consumer_page(a.name));
    return batch;
}

std::map<std::string, Json> managed_infos(const FirstBatch& batch, Answers& answers) {
    std::map<std::string, Json> streams;
    for (std::size_t i = 0; i < batch.names.size(); ++i) {
        if (std::optional<Json> info = answers.take(batch.infos[i])) streams[batch.names[i]] = std::move(*info);
    }
    return streams;
}

// The second batch, only for what the first told is needed: the streams
// overlapping each subject no managed stream covers or a target stream is to
// claim (subjects_to_ask), and the stored messages on the subjects an update
// removes (NEEDS). Adds them to FACTS; a managed
// stream (MANAGED) keeps the info the first batch read of it, or its absence.
void ask_second(JetStreamClient& js, const TargetTopology& target, const std::vector<std::string>& managed,
                const FactNeeds& needs, Facts& facts) {
    const std::vector<std::string> subjects = subjects_to_ask(target, facts.streams);
    const std::vector<std::pair<std::string, std::string>>& counts = needs.subject_counts;
    if (subjects.empty() && counts.empty()) return;
    Questions questions;
    std::vector<Ticket<std::vector<Json>>> overlapping;
    for (const auto& subject : subjects) overlapping.push_back(questions.streams_overlapping(subject));
    std::vector<Ticket<std::optional<std::uint64_t>>> stored;
    for (const auto& [stream, subject] : counts) stored.push_back(questions.stored_messages(stream, subject));
    Answers answers = js.ask(questions);
    for (const auto& ticket : overlapping) {
        for (Json& info : answers.take(ticket)) {
            const std::string name = string_or(object_at(info, "config"), "name");
            if (std::find(managed.begin(), managed.end(), name) == managed.end()) facts.streams[name] = std::move(info);
        }
    }
    // A stream deleted since it was read stores none.
    for (std::size_t i = 0; i < counts.size(); ++i) facts.subject_messages[counts[i]] = answers.take(stored[i]).value_or(0);
}

}  // namespace

Facts gather_facts(const TargetTopology& target, CommandContext& context) {
    JetStreamClient& js = context.jetstream();
    Questions questions;
    const FirstBatch batch = ask_first(target, questions);
    Answers answers = js.ask(questions);

    Facts facts;
    facts.streams = managed_infos(batch, answers);
    // Read from the managed streams alone, which the second batch leaves as they are.
    const FactNeeds needs = fact_needs(target, facts.streams);
    ask_second(js, target, batch.names, needs, facts);
    facts.server = context.server();
    for (const auto& [_, info] : facts.streams) note_stream_cluster(facts.server, info);
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
