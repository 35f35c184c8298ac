// On a terminal the report is redrawn in place; otherwise (a pipe, a log, CI)
// each sample is one line, or one JSON document per line with --json.

#include "commands/consumer_diag/watch.hpp"

#include <unistd.h>

#include <thread>

#include "commands/consumer_diag/gather.hpp"
#include "commands/consumer_diag/render.hpp"
#include "commands/consumer_diag/watch_render.hpp"
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

constexpr std::size_t kKeptSamples = 120;
constexpr const char* kHomeAndClear = "\x1b[H\x1b[J";

}  // namespace

ExitCode watch(const Plan& plan, CommandContext& context) {
    const StopOnInterrupt interrupt;
    const Output& output = context.output();
    const bool terminal = !output.json && ::isatty(STDOUT_FILENO) == 1;
    JetStreamClient& js = context.jetstream();

    std::vector<Sample> samples;
    ExitCode last = ExitCode::ok;
    auto next = std::chrono::steady_clock::now();
    for (std::int64_t taken = 0; !interrupt.stop_requested() && (plan.count == 0 || taken < plan.count); ++taken) {
        if (taken > 0) {
            next += *plan.watch_interval;
            sleep_until(next, interrupt);
            if (interrupt.stop_requested()) break;
        }
        const TimePoint now = wall_now();
        const ConsumerReport report = gather_one(plan, js, now);
        if (report.binding.bound_stream) {
            samples.push_back(sample_of(report.binding.info, now));
        } else {
            samples.clear();  // a consumer that vanished restarts the arithmetic
        }
        if (samples.size() > kKeptSamples) samples.erase(samples.begin());
        const Progress progress = progress_of(samples);
        last = exit_code(report);

        if (output.json) {
            Json doc = to_json(report);
            doc["progress"] = to_json(progress);
            output.out << doc.dump(-1, ' ', false, Json::error_handler_t::replace) << '\n';
        } else if (terminal) {
            output.out << kHomeAndClear;
            render_consumer(report, output.style, output.out);
            render_watch_block(progress, samples, output.out);
        } else {
            output.out << watch_line(report, progress, now) << '\n';
        }
        output.out.flush();
    }
    // Ctrl-C is how a watch is meant to end: not a failure.
    return interrupt.stop_requested() ? ExitCode::ok : last;
}

}  // namespace aa::consumer_diag
