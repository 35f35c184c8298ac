#pragma once
// consumer-diag's command line: its rows (the ones its code reads by name are
// here), what the operator typed before any check, and its definition.

#include <cstdint>
#include <optional>
#include <string>

#include "src/cli_definition.hpp"

namespace aa::consumer_diag {

inline constexpr OptionRow kStallAfterOption{.flag = "--stall-after", .value_name = "DURATION",
                                             .help = "pending with nothing delivered for this long is \"stalled\"",
                                             .default_value = "5m"};
inline constexpr OptionRow kWatchOption{
    .flag = "--watch", .value_name = "INTERVAL",
    .help = "sample every INTERVAL until Ctrl-C or --count: rate, ETA, pending sparkline", .default_value = "2s",
    .value_optional = true};
inline constexpr OptionRow kCountOption{.flag = "--count", .value_name = "N",
                                        .help = "with --watch: stop after N samples", .minimum = 1};

struct Options {
    std::string stream;                  // empty: look the durable up in AA_STREAM_CANDIDATES
    std::string durable;                 // empty: NORMALIZE_HRV_DURABLE
    bool all = false;                    // every consumer of the topology streams (or of STREAM)
    std::string stall_after{kStallAfterOption.default_value};
    std::int64_t max_pending = -1;       // -1: no threshold
    std::int64_t max_ack_pending = -1;
    std::int64_t max_redelivered = -1;
    std::optional<std::string> watch;    // --watch [INTERVAL]: "" when given without one
    std::int64_t count = 0;              // --count N: stop after N samples (0: until Ctrl-C)
    std::optional<std::string> format;   // --format: read by the CLI into Output (src/output_format.hpp)
};

// consumer-diag's arguments and options, bound to OPTIONS, what it is for,
// and how it runs (definition.cpp).
CommandDefinition definition(Options& options);

}  // namespace aa::consumer_diag
