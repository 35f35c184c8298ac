#pragma once
// consumer-diag internals shared by its one-shot and --watch runs: the
// validated options, and gathering the facts for one consumer or for --all.

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "commands/consumer_diag.hpp"
#include "src/jetstream_client.hpp"

namespace aa::consumer_diag {

// The options, checked and resolved against the settings (before any connection).
struct Plan {
    std::optional<std::string> stream;     // given STREAM
    std::string durable;                   // given DURABLE or NORMALIZE_HRV_DURABLE
    std::vector<std::string> candidates;   // STREAM alone, or AA_STREAM_CANDIDATES
    std::vector<std::string> all_streams;  // --all: STREAM, or the topology's streams
    std::string service_durable;           // NORMALIZE_HRV_DURABLE: the one the expected config applies to
    Thresholds thresholds;
    ExpectedConfig expected;
    bool all = false;
    std::optional<std::chrono::milliseconds> watch_interval;
    std::int64_t count = 0;
};

// Throws UsageError (exit 2) naming the option or variable that is wrong.
Plan plan_of(const Options& options, const Settings& settings);

// One consumer: the candidates asked together in one batch.
ConsumerReport gather_one(const Plan& plan, JetStreamClient& js, TimePoint now);

// --all: every consumer of the plan's streams that exist.
Result gather_all(const Plan& plan, JetStreamClient& js, TimePoint now);

// --watch: samples until --count or Ctrl-C. Returns ok after Ctrl-C, else the last sample's code.
ExitCode watch(const Plan& plan, CommandContext& context);

// The wall clock as a TimePoint.
TimePoint wall_now();

}  // namespace aa::consumer_diag
