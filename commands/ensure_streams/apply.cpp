// ensure-streams, applying a plan: writes in an order where the server never
// sees two streams capture one subject. A subject move (the release and the
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
    std::vector<std::size_t> moving;
    for (const std::size_t i : apply_order(plan)) {
        if (moves_subjects(plan.actions[i])) {
            moving.push_back(i);
            continue;
        }
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
