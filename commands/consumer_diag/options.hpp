#pragma once
// consumer-diag's command line: what the operator typed, before any check.

#include <cstdint>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

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

}  // namespace aa::consumer_diag
