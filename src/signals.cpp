#include "src/signals.hpp"

#include <pthread.h>
#include <unistd.h>

#include <atomic>
#include <csignal>
#include <mutex>
#include <string>
#include <thread>

namespace aa {
namespace {

// Plain globals with trivial destructors: the signal thread may still touch
// them while the process exits.
std::mutex g_mutex;
int g_hold_depth = 0;
int g_held = 0;
int g_stop_depth = 0;
std::atomic<bool> g_stop_requested{false};

sigset_t termination_signals() {
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    sigaddset(&set, SIGHUP);
    return set;
}

// One line on stderr, written directly: the main thread may be printing, and
// a stream shared with it is not ours to touch from here.
void note(const std::string& line) {
    const std::string text = "aa-nats: " + line + "\n";
    [[maybe_unused]] const ssize_t written = ::write(STDERR_FILENO, text.data(), text.size());
}

void on_signal(int signal) {
    std::lock_guard lock(g_mutex);
    // Held, or one was held and the run is reporting before it stops: a
    // second Ctrl-C must not cut that report short.
    if (g_hold_depth > 0 || g_held != 0) {
        if (g_held == 0) {
            g_held = signal;
            note(signal_name(signal) + " received during a subject move: completing the move first");
        }
        return;
    }
    if (g_stop_depth > 0 && signal != SIGHUP) {
        g_stop_requested = true;
        return;
    }
    note("stopped by " + signal_name(signal));
    // Not exit(): the main thread is running, and static destructors must not
    // run under its feet. Nothing half-done is left: no move is in flight.
    die_by_signal(signal);
}

}  // namespace

void die_by_signal(int signal) {
    // A shell stops a script on Ctrl-C only when the child died *by* SIGINT
    // (WIFSIGNALED), not when it exited with 130: so die by it. Its default
    // action ends the process; the signal thread, still in sigwait, may take
    // a pending copy first, which changes nothing: raise() targets this thread.
    struct sigaction action {};
    action.sa_handler = SIG_DFL;
    sigemptyset(&action.sa_mask);
    ::sigaction(signal, &action, nullptr);
    sigset_t only;
    sigemptyset(&only);
    sigaddset(&only, signal);
    ::pthread_sigmask(SIG_UNBLOCK, &only, nullptr);
    ::raise(signal);
    ::_exit(128 + signal);  // a signal whose default action is not to end the process
}

void start_signal_handling() {
    const sigset_t set = termination_signals();
    ::pthread_sigmask(SIG_BLOCK, &set, nullptr);
    std::thread([set] {
        while (true) {
            int signal = 0;
            if (::sigwait(&set, &signal) == 0) on_signal(signal);
        }
    }).detach();
}

HoldSignals::HoldSignals() {
    std::lock_guard lock(g_mutex);
    ++g_hold_depth;
}

HoldSignals::~HoldSignals() {
    std::lock_guard lock(g_mutex);
    --g_hold_depth;
}

std::optional<int> held_signal() {
    std::lock_guard lock(g_mutex);
    return g_held == 0 ? std::nullopt : std::optional<int>(g_held);
}

StopOnInterrupt::StopOnInterrupt() {
    std::lock_guard lock(g_mutex);
    ++g_stop_depth;
    g_stop_requested = false;
}

StopOnInterrupt::~StopOnInterrupt() {
    std::lock_guard lock(g_mutex);
    --g_stop_depth;
}

bool StopOnInterrupt::stop_requested() const { return g_stop_requested; }

std::string signal_name(int signal) {
    switch (signal) {
        case SIGINT: return "SIGINT";
        case SIGTERM: return "SIGTERM";
        case SIGHUP: return "SIGHUP";
        default: return "signal " + std::to_string(signal);
    }
}

}  // namespace aa
