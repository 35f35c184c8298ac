#pragma once
// The options, checked and resolved against the settings before any
// connection: what one-shot and --watch runs act on.

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "commands/consumer_diag/diagnosis.hpp"
#include "commands/consumer_diag/options.hpp"
#include "src/settings.hpp"

namespace aa::consumer_diag {

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

    // The service's expected config when DURABLE is the one it binds; nullopt
    // for any other durable, which the service does not configure.
    std::optional<ExpectedConfig> expected_for(const std::string& durable) const;
};

// Throws UsageError (exit 2) naming the option or variable that is wrong.
Plan plan_of(const Options& options, const Settings& settings);

}  // namespace aa::consumer_diag
