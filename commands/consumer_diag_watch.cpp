// consumer-diag --watch: sample one consumer every interval until --count
// samples or Ctrl-C. On a terminal the report is redrawn in place; otherwise
// (a pipe, a log, CI) each sample is one line, or one JSON document per line with --json.

#include <unistd.h>

#include <csignal>
#include <thread>

#include "commands/consumer_diag_plan.hpp"

namespace aa::consumer_diag {
namespace {

volatile std::sig_atomic_t g_interrupted = 0;

extern "C" void on_interrupt(int) { g_interrupted = 1; }

// Installs the SIGINT/SIGTERM handler for the lifetime of the watch and restores the old one.
class InterruptGuard {
public:
    InterruptGuard() {
        g_interrupted = 0;
        struct sigaction action {};
        action.sa_handler = on_interrupt;
        sigemptyset(&action.sa_mask);
        ::sigaction(SIGINT, &action, &old_int_);
        ::sigaction(SIGTERM, &action, &old_term_);
    }
    ~InterruptGuard() {
        ::sigaction(SIGINT, &old_int_, nullptr);
        ::sigaction(SIGTERM, &old_term_, nullptr);
    }
    InterruptGuard(const InterruptGuard&) = delete;
    InterruptGuard& operator=(const InterruptGuard&) = delete;

private:
    struct sigaction old_int_ {};
    struct sigaction old_term_ {};
};

// Sleeps until the deadline in small steps, so Ctrl-C ends the wait promptly.
void sleep_until(std::chrono::steady_clock::time_point deadline) {
    constexpr auto kStep = std::chrono::milliseconds(50);
    while (g_interrupted == 0) {
        const auto now = std::chrono::steady_clock::now();
        if (now >= deadline) return;
        std::this_thread::sleep_for(std::min<std::chrono::steady_clock::duration>(kStep, deadline - now));
    }
}

constexpr std::size_t kKeptSamples = 120;
constexpr const char* kHomeAndClear = "\x1b[H\x1b[J";

}  // namespace

ExitCode watch(const Plan& plan, CommandContext& context) {
    const InterruptGuard guard;
    const Output& output = context.output();
    const bool terminal = !output.json && ::isatty(STDOUT_FILENO) == 1;
    JetStreamClient& js = context.jetstream();

    std::vector<Sample> samples;
    ExitCode last = ExitCode::ok;
    auto next = std::chrono::steady_clock::now();
    for (std::int64_t taken = 0; g_interrupted == 0 && (plan.count == 0 || taken < plan.count); ++taken) {
        if (taken > 0) {
            next += *plan.watch_interval;
            sleep_until(next);
            if (g_interrupted != 0) break;
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
            render_human(report, output.style, output.out);
            render_watch_block(progress, samples, output.out);
        } else {
            output.out << watch_line(report, progress, now) << '\n';
        }
        output.out.flush();
    }
    // Ctrl-C is how a watch is meant to end: not a failure.
    return g_interrupted != 0 ? ExitCode::ok : last;
}

}  // namespace aa::consumer_diag
