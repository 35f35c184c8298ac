#pragma once
// `aa-nats consumer-diag [STREAM] [DURABLE]`: is a durable consumer healthy,
// which stream is it bound to, and when will it catch up.

#include <chrono>
#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include <CLI/CLI.hpp>

#include "src/command_context.hpp"
#include "src/jetstream_batch.hpp"
#include "src/timestamp.hpp"

namespace aa::consumer_diag {

struct Options {
    std::string stream;                  // empty: look the durable up in AA_STREAM_CANDIDATES
    std::string durable;                 // empty: NORMALIZE_HRV_DURABLE
    bool all = false;                    // every consumer of the topology streams (or of STREAM)
    std::string stall_after = "5m";
    std::int64_t max_pending = -1;       // -1: no threshold
    std::int64_t max_ack_pending = -1;
    std::int64_t max_redelivered = -1;
    std::vector<std::string> watch;      // --watch [INTERVAL]: empty value means the default
    bool watch_given = false;
    std::int64_t count = 0;              // --count N: stop after N samples (0: until Ctrl-C)
};

void add_options(CLI::App& command, Options& options);

inline constexpr std::chrono::milliseconds kDefaultWatchInterval{2000};

// Ordered from good to bad: the worst verdict of a run decides its exit code.
enum class Verdict { healthy, backlog, stalled, blocked, unbound, missing };
std::string_view to_string(Verdict verdict);

// Gates a run fails on, besides a bad verdict (unset when absent).
struct Thresholds {
    std::chrono::nanoseconds stall_after = std::chrono::minutes(5);
    std::optional<std::uint64_t> max_pending;
    std::optional<std::uint64_t> max_ack_pending;
    std::optional<std::uint64_t> max_redelivered;
};

// What the service configures when it binds (NORMALIZE_HRV_MAX_DELIVER, NORMALIZE_HRV_ACK_WAIT_MS).
struct ExpectedConfig {
    std::int64_t max_deliver = 5;
    std::chrono::milliseconds ack_wait{60000};
};

struct Diagnosis {
    Verdict verdict = Verdict::missing;
    std::vector<std::string> reasons;   // why this verdict, and every threshold exceeded
    std::vector<std::string> warnings;  // worth a look, never fails the check by itself
    bool threshold_exceeded = false;
    // Messages that used up max_deliver and will not be retried. The server
    // does not count them; this is num_redelivered - num_ack_pending, a lower bound.
    std::uint64_t exhausted_at_least = 0;
    std::optional<std::chrono::nanoseconds> delivered_ago;  // since delivered.last_active
    std::optional<std::chrono::nanoseconds> acked_ago;      // since ack_floor.last_active

    bool ok() const;
};

// The verdict on one consumer, from its CONSUMER.INFO reply (null when it does
// not exist) as of NOW. EXPECTED, when given, is compared with its config.
// A pure function: no I/O, no clock.
Diagnosis diagnose(const Json& info, TimePoint now, const Thresholds& thresholds,
                   const std::optional<ExpectedConfig>& expected);

// Where the durable was found among the candidate streams, as the service binds it.
struct Binding {
    std::optional<std::string> bound_stream;    // the first candidate that has the durable
    std::vector<std::string> candidates_tried;  // in order, up to and including the bound one
    std::vector<std::string> also_on;           // later candidates that have it too
    std::vector<std::string> misses;            // "AA_CORE_HOT: stream not found", ...
    Json info;                                  // the bound consumer's info, null when missing
};

// Chooses the binding from the durable's look-up on every candidate, in candidate order.
Binding choose_binding(const std::vector<std::string>& candidates, std::vector<ConsumerAnswer> answers);

// One consumer as reported.
struct ConsumerReport {
    std::optional<std::string> stream;  // the STREAM argument (or the stream listed with --all)
    std::string durable;
    Binding binding;
    Diagnosis diagnosis;
};

struct Result {
    bool all = false;
    std::vector<std::string> streams_checked;  // --all: the streams whose consumers were listed
    std::vector<std::string> streams_missing;  // --all: streams asked for that do not exist
    bool stream_given = false;                 // --all STREAM: a missing STREAM fails the run
    std::vector<ConsumerReport> consumers;
};

ExitCode exit_code(const ConsumerReport& report);
ExitCode exit_code(const Result& result);

// --watch: one sample per interval, and what they say about the backlog.
struct Sample {
    TimePoint at;
    std::uint64_t pending = 0;
    std::uint64_t processed = 0;  // deliveries no longer awaiting an ack: delivered.consumer_seq - num_ack_pending
};
Sample sample_of(const Json& info, TimePoint at);

struct Progress {
    std::optional<double> rate_per_second;         // messages processed per second
    std::optional<double> drain_per_second;        // net backlog decrease per second (negative: growing)
    std::optional<std::chrono::nanoseconds> eta;   // time to an empty backlog at the drain rate
};
// Over the last WINDOW samples (at least two are needed for rates).
Progress progress_of(const std::vector<Sample>& samples, std::size_t window = 10);

// "▁▂▄█" for the values, scaled between their minimum and maximum.
std::string sparkline(const std::vector<std::uint64_t>& values);

// Renderings.
void render_human(const ConsumerReport& report, const Style& style, std::ostream& out);
void render_table(const Result& result, const Style& style, std::ostream& out);
void render_watch_block(const Progress& progress, const std::vector<Sample>& samples, std::ostream& out);
std::string watch_line(const ConsumerReport& report, const Progress& progress, TimePoint now);
Json to_json(const ConsumerReport& report);
Json to_json(const Result& result);
Json to_json(const Progress& progress);

// Validates the options, gathers the facts, prints the result; returns the exit code.
ExitCode run(const Options& options, CommandContext& context);

}  // namespace aa::consumer_diag
