#pragma once
// SIGINT, SIGTERM and SIGHUP, handled in one place. They are blocked in every
// thread (nats.c's included) and received by one thread of ours, which decides:
// - while a step that must not be torn is in flight (a HoldSignals scope: a
//   subject move), the signal is held, and the command ends once the step is
//   done, saying so, by that signal (die_by_signal);
// - while a loop that ends on Ctrl-C runs (a StopOnInterrupt scope: a watch),
//   SIGINT and SIGTERM ask the loop to stop;
// - otherwise the process ends at once, by the signal, after a note on stderr.
// Ending by the signal rather than exit(128 + N) matters: a shell stops a
// script on Ctrl-C only when the child died by SIGINT. Shells still show
// 128 + N in $?.

#include <optional>
#include <string>

namespace aa {

// Blocks the three signals in the calling thread and starts the thread that
// receives them. Call first in main, before any other thread exists, so that
// every thread started later inherits the mask. Without it (unit tests), the
// signals keep their default action and the scopes below change nothing.
void start_signal_handling();

// While alive, a termination signal is held instead of ending the process.
// Scopes nest. What was held is told by held_signal(); once one was held,
// later signals are ignored, so the run can report before it stops.
class HoldSignals {
public:
    HoldSignals();
    ~HoldSignals();
    HoldSignals(const HoldSignals&) = delete;
    HoldSignals& operator=(const HoldSignals&) = delete;
};

// The first signal that arrived while held, if any: the command is to end
// by it (die_by_signal) once it has reported what it did, unless what it must
// report is worse (ensure-streams: a torn move).
std::optional<int> held_signal();

// While alive, SIGINT and SIGTERM set stop_requested() instead of ending the
// process, for a loop whose normal end is Ctrl-C. SIGHUP still ends it.
class StopOnInterrupt {
public:
    StopOnInterrupt();
    ~StopOnInterrupt();
    StopOnInterrupt(const StopOnInterrupt&) = delete;
    StopOnInterrupt& operator=(const StopOnInterrupt&) = delete;

    bool stop_requested() const;
};

// Ends the process by SIGNAL: restores its default action, unblocks it in the
// calling thread and raises it. Call once everything is printed and flushed.
// Falls back to _exit(128 + SIGNAL) for a signal that would not end it.
[[noreturn]] void die_by_signal(int signal);

// "SIGINT", "SIGTERM", "SIGHUP", else "signal N".
std::string signal_name(int signal);

}  // namespace aa
