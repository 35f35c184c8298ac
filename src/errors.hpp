#pragma once
// The error hierarchy of aa-nats. Every failure that ends a command is one of
// these; main catches them once and maps them to an exit code (docs/exit-codes.md).

#include <optional>
#include <stdexcept>
#include <string>

namespace aa {

// The documented process exit codes.
enum class ExitCode : int {
    ok = 0,            // the command did its job and every check passed
    check_failed = 1,  // the check or the question failed (missing stream, drift, ...)
    usage = 2,         // bad flag, bad environment value, unreadable file
    unavailable = 3,   // cannot talk to NATS/JetStream
    internal = 4,      // a bug in aa-nats: an exception that is not an aa::Error
};

// The exit code of a run stopped by a termination signal: 128 + the signal,
// as shells report it (130 SIGINT, 143 SIGTERM, 129 SIGHUP). A command that
// returns it asks to end by that signal: main then dies by it (signals.hpp)
// rather than exiting with the number.
inline ExitCode exit_code_for_signal(int signal) { return static_cast<ExitCode>(128 + signal); }

// The signal an exit_code_for_signal code stands for, so that "end by signal
// N" is read from the code itself; nullopt for the plain exit codes (0-4).
inline std::optional<int> signal_of(ExitCode code) {
    const int value = static_cast<int>(code);
    if (value > 128 && value < 256) return value - 128;
    return std::nullopt;
}

// Base of every error that ends a command with a message and an exit code.
class Error : public std::runtime_error {
public:
    Error(ExitCode code, const std::string& message) : std::runtime_error(message), code_(code) {}
    ExitCode exit_code() const noexcept { return code_; }

private:
    ExitCode code_;
};

// A bad flag, setting, environment value or file given by the operator (exit 2).
class UsageError : public Error {
public:
    explicit UsageError(const std::string& message) : Error(ExitCode::usage, message) {}
};

// NATS or JetStream could not be reached or answered nonsense (exit 3).
class ConnectionError : public Error {
public:
    explicit ConnectionError(const std::string& message) : Error(ExitCode::unavailable, message) {}
};

// Text written by others (a duration, an env file, a context file, a server
// reply) did not parse. Parsers throw only this, so fuzzers can catch it.
class ParseError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

}  // namespace aa
