// ensure-streams, the checks of one stream's action that can be made from
// that stream alone.

#include "commands/ensure_streams/refusals.hpp"

#include <fmt/format.h>

#include "commands/ensure_streams/replicas.hpp"
#include "commands/ensure_streams/subject_lists.hpp"
#include "src/duration.hpp"

namespace aa::ensure_streams {
namespace {

const FieldChange* change_of(const StreamAction& action, std::string_view field) {
    for (const auto& c : action.changes) {
        if (c.field == field) return &c;
    }
    return nullptr;
}

}  // namespace

// The checks of a create or update that can be made from the stream alone.
std::vector<std::string> stream_refusals(const StreamAction& action, const DesiredStream& desired, const Facts& facts,
                                         Flags flags) {
    std::vector<std::string> reasons;
    if (action.intended == Action::create) {
        return replica_refusals({std::nullopt, desired.replicas}, clustering_for_replicas(facts.server.clustering, flags),
                                flags);
    }
    if (action.intended != Action::update) return reasons;

    const Json& live = config_of(facts, action.stream);
    if (change_of(action, "num_replicas") != nullptr) {
        const ReplicaChange replicas{static_cast<int>(int_or(live, "num_replicas", 1)), desired.replicas};
        reasons = replica_refusals(replicas, clustering_for_replicas(facts.server.clustering, flags), flags);
    }
    const std::uint64_t stored = messages_of(facts, action.stream);
    if (const FieldChange* storage = change_of(action, "storage")) {
        reasons.push_back(fmt::format(
            "storage cannot change in place ({} → {}): create a new stream with {} storage and move the data, or "
            "delete {} (and its {} messages) and run again",
            describe_value("storage", storage->from), describe_value("storage", storage->to),
            describe_value("storage", storage->to), action.stream, stored));
    }
    if (bool_or(live, "sealed")) reasons.push_back("the stream is sealed: the server refuses every change to it");
    if (flags.allow_data_loss) return reasons;

    const std::int64_t old_age = int_or(live, "max_age");
    const std::int64_t new_age = desired.max_age_ns;
    const bool age_lowered = new_age > 0 && (old_age <= 0 || new_age < old_age);
    if (age_lowered && stored > 0) {
        reasons.push_back(fmt::format(
            "lowering max_age from {} to {} deletes stored messages older than {} ({} messages stored): pass "
            "--allow-data-loss to accept",
            format_limit_duration(old_age), format_limit_duration(new_age), format_limit_duration(new_age), stored));
    }
    return reasons;
}

// Removing a subject does not delete what the stream stored on it (verified on
// nats-server 2.9.10: the messages stay, readable by sequence and by the
// stream's consumers, until they age out). So it is not data loss and needs
// no --allow-data-loss, but the operator must know the messages do not move.
std::vector<std::string> stranded_message_warnings(const StreamAction& action, const DesiredStream& desired,
                                                   const Facts& facts) {
    std::vector<std::string> warnings;
    if (action.action != Action::update) return warnings;
    const Json& live = config_of(facts, action.stream);
    const std::vector<std::string> removed = minus(strings_at(live, "subjects"), desired.subjects);
    for (const auto& subject : removed) {
        const auto found = facts.subject_messages.find({action.stream, subject});
        if (found == facts.subject_messages.end() || found->second == 0) continue;
        warnings.push_back(fmt::format(
            "{} stored messages on {} stay in {}, where its consumers can still read them until they age out "
            "(max_age {}); they are not copied to the subject's new stream",
            found->second, subject, action.stream, format_limit_duration(int_or(live, "max_age"))));
    }
    const std::uint64_t stored = messages_of(facts, action.stream);
    if (removed.size() > kMaxCountedSubjects && stored > 0) {
        warnings.push_back(fmt::format(
            "{} subjects leave {}: what it stores on them (of its {} messages) stays in it, where its consumers can "
            "still read it until it ages out (max_age {}); it is not copied to the subjects' new streams",
            removed.size(), action.stream, stored, format_limit_duration(int_or(live, "max_age"))));
    }
    return warnings;
}

std::vector<std::string> delete_refusals(const std::string& name, const Facts& facts, Flags flags) {
    std::vector<std::string> reasons;
    if (!flags.allow_delete) {
        reasons.push_back(fmt::format("deleting {} ({} stored messages) needs --allow-delete", name,
                                      messages_of(facts, name)));
    }
    const auto consumers = facts.consumers.find(name);
    if (consumers == facts.consumers.end()) return reasons;
    for (const Json& consumer : consumers->second) {
        const auto pending = uint_or(consumer, "num_pending");
        const auto unacked = uint_or(consumer, "num_ack_pending");
        if (pending > 0 || unacked > 0) {
            reasons.push_back(fmt::format(
                "consumer {} still has {} pending and {} unacknowledged messages: let it drain, then run again",
                string_or(consumer, "name"), pending, unacked));
        }
    }
    return reasons;
}

}  // namespace aa::ensure_streams
