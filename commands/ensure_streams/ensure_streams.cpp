// ensure-streams: gathering the facts, and the run that glues
// planning, applying and rendering together.

#include "commands/ensure_streams/ensure_streams.hpp"

#include "src/clustering.hpp"
#include "src/signals.hpp"

namespace aa::ensure_streams {
namespace {

// Stored messages matching SUBJECT in each (stream, subject) pair, asked
// together. A stream deleted since it was listed stores none.
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

Facts gather_facts(const TargetTopology& target, CommandContext& context) {
    JetStreamClient& js = context.jetstream();
    Facts facts;
    for (Json& info : js.list_streams()) {
        const std::string name = string_or(object_at(info, "config"), "name");
        facts.streams[name] = std::move(info);
    }
    facts.server = context.server();
    for (const auto& [_, info] : facts.streams) note_stream_cluster(facts.server, info);
    const FactNeeds needs = fact_needs(target, facts.streams);
    facts.subject_messages = count_subject_messages(js, needs.subject_counts);
    for (const auto& name : needs.consumer_lists) facts.consumers[name] = js.list_consumers(name);
    return facts;
}

}  // namespace

ExitCode run(const Options& options, CommandContext& context) {
    // Read before connecting: a bad phase is a usage error, whatever the server.
    const std::optional<int> phase =
        options.phase ? std::optional<int>(parse_phase(*options.phase, "--phase")) : std::nullopt;
    const TargetTopology target = target_topology(context.settings().topology, phase);
    const Facts facts = gather_facts(target, context);

    Result result;
    result.server = facts.server;
    const Flags flags{options.allow_delete, options.allow_data_loss, options.allow_fewer_replicas};
    result.plan = make_plan(target, facts, flags);
    result.dry_run = options.dry_run || options.check ? DryRun::yes : DryRun::no;
    result.check = options.check;
    if (result.dry_run == DryRun::no && !has_refusals(result.plan)) {
        result.report = apply(result.plan, context.jetstream());
        // A fresh account had no stream to show whether it is clustered; what was just written does.
        for (const auto& done : result.report->actions) note_stream_cluster(result.server, done.reply);
        result.stopped_by = held_signal();
        result.command_line = context.command_line();
    }

    const ExitCode code = emit(context.output(), result, render_human, to_json, exit_code);
    // Subjects that may have no stream: said on stderr too, where CI logs and --json users look.
    for (std::size_t m = 0; m < result.plan.moves.size(); ++m) {
        const MoveOutcome& done = move_outcome(result, m);
        if (done.torn) {
            context.output().err << "aa-nats: error: "
                                 << torn_move_message(result.plan.moves[m], done, result.command_line) << '\n';
        }
    }
    return code;
}

}  // namespace aa::ensure_streams
