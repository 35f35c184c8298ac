// Each sample is a frame (watch_frame.hpp), emitted like every other result:
// the same content whether stdout is a terminal, a pipe or a log.

#include "commands/consumer_diag/watch.hpp"

#include <thread>

#include "commands/consumer_diag/gather.hpp"
#include "commands/consumer_diag/watch_frame.hpp"
#include "src/signals.hpp"

namespace aa::consumer_diag {
namespace {

// Sleeps until the deadline in small steps, so Ctrl-C ends the wait promptly.
void sleep_until(std::chrono::steady_clock::time_point deadline, const StopOnInterrupt& interrupt) {
    constexpr auto kStep = std::chrono::milliseconds(50);
    while (!interrupt.stop_requested()) {
        const auto now = std::chrono::steady_clock::now();
        if (now >= deadline) return;
        std::this_thread::sleep_for(std::min<std::chrono::steady_clock::duration>(kStep, deadline - now));
    }
}

}  // namespace

ExitCode watch(const Plan& plan, CommandContext& context) {
    const StopOnInterrupt interrupt;
    JetStreamClient& js = context.jetstream();
    WatchHistory history;
    ExitCode last = ExitCode::ok;
    auto next = std::chrono::steady_clock::now();
    for (std::int64_t taken = 0; !interrupt.stop_requested() && (plan.count == 0 || taken < plan.count); ++taken) {
        if (taken > 0) {
            next += *plan.watch_interval;
            sleep_until(next, interrupt);
            if (interrupt.stop_requested()) break;
        }
        const TimePoint now = wall_now();
        ConsumerReport consumer = gather_one(plan, js, now);
        last = emit_frame(context.output(), history.record(context.server(), std::move(consumer), now));
    }
    // Ctrl-C is how a watch is meant to end: not a failure.
    return interrupt.stop_requested() ? ExitCode::ok : last;
}

}  // namespace aa::consumer_diag
