// ensure-streams, applying a plan: writes in an order where the server never
// sees two streams capture one subject. The writes that move no subject go
// out together first (one round trip), then a delete, alone. A subject move (the release and the
// claims that follow it) goes out in one batch, back to back, while
// termination signals are held: the server handles the two in order, so the
// subjects have no stream only for the time it takes between them (not a
// round trip), and a signal cannot stop the run between them. A create that
// loses a race re-reads and continues. The plan is only read: what happened
// goes into the apply report.

#include "commands/ensure_streams/apply.hpp"

#include "commands/ensure_streams/apply_moves.hpp"
#include "commands/ensure_streams/write.hpp"
#include "src/signals.hpp"

namespace aa::ensure_streams {
namespace {

bool writes(const StreamAction& a) {
    return a.action == Action::create || a.action == Action::update || a.action == Action::remove;
}

bool moves_subjects(const StreamAction& a) { return !a.claims.empty() || !a.releases.empty(); }

// The writes of GROUP, none of which moves a subject, in one batch: one round
// trip for all. None depends on another, so each reply is settled and
// recorded on its own (a create that lost a race is followed up alone), and a
// refusal of one does not hide that the server applied the others.
ApplyOutcome apply_together(const Plan& plan, ApplyReport& report, const std::vector<std::size_t>& group,
                            JetStreamClient& js) {
    std::vector<ApiCall> calls;
    for (const std::size_t i : group) calls.push_back(write_call(plan.actions[i]));
    std::vector<CallOutcome> replies;
    try {
        replies = js.send_each(calls);
    } catch (const Error& e) {  // could not send: any of them may have left; the reason is said once
        return record_failure(report.actions[group.front()], e);
    }
    ApplyOutcome outcome = ApplyOutcome::done;
    for (std::size_t k = 0; k < replies.size(); ++k) {
        const StreamAction& a = plan.actions[group[k]];
        ActionOutcome& done = report.actions[group[k]];
        if (!replies[k].reply) {
            done.error = replies[k].failure;
            outcome = worse(outcome, ApplyOutcome::unavailable);
            continue;
        }
        try {
            Clock::time_point answered;
            outcome = worse(outcome, record(done, settle(a, done, std::move(*replies[k].reply), js, answered)));
        } catch (const Error& e) {  // a follow-up request (a re-read, an update) failed
            outcome = worse(outcome, record_failure(done, e));
        }
    }
    return outcome;
}

}  // namespace

std::vector<std::size_t> apply_order(const Plan& plan) {
    std::vector<std::size_t> order;
    auto take = [&](auto&& belongs) {
        for (std::size_t i = 0; i < plan.actions.size(); ++i) {
            if (writes(plan.actions[i]) && belongs(plan.actions[i])) order.push_back(i);
        }
    };
    take([](const StreamAction& a) { return a.claims.empty() && a.releases.empty(); });
    take([](const StreamAction& a) { return !a.releases.empty(); });
    take([](const StreamAction& a) { return a.releases.empty() && !a.claims.empty(); });
    return order;
}

ApplyReport apply(const Plan& plan, JetStreamClient& js) {
    ApplyReport report;
    report.actions.resize(plan.actions.size());
    report.moves.resize(plan.moves.size());
    std::vector<std::size_t> together;
    std::vector<std::size_t> deletes;
    std::vector<std::size_t> moving;
    for (const std::size_t i : apply_order(plan)) {
        const StreamAction& a = plan.actions[i];
        if (moves_subjects(a)) {
            moving.push_back(i);
        } else if (a.action == Action::remove) {
            deletes.push_back(i);
        } else {
            together.push_back(i);
        }
    }
    if (!together.empty()) {
        report.outcome = apply_together(plan, report, together, js);
        if (report.outcome != ApplyOutcome::done) return report;
    }
    // A delete cannot be undone: it goes alone, once every write before it was applied.
    for (const std::size_t i : deletes) {
        report.outcome = apply_one(plan.actions[i], report.actions[i], js);
        if (report.outcome != ApplyOutcome::done) return report;
    }
    if (moving.empty()) return report;
    // Between the release and the claim a signal must not end the run: it
    // would leave the subjects captured by no stream. It is honoured after.
    const HoldSignals hold;
    report.outcome = apply_moves(plan, report, moving, js);
    return report;
}

}  // namespace aa::ensure_streams
