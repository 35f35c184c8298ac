#pragma once
// The variables that choose the topology (the reference's config.ts), one row
// each: resolve_topology reads them, the man page and docs/configuration.md
// list them, and a command line shown to be run again carries them along.

#include <array>
#include <string_view>

#include "src/option_row.hpp"

namespace aa {

inline constexpr std::array<std::string_view, 2> kStreamModes{"multi", "single"};

inline constexpr OptionRow kStreamModeVariable{
    .help = "multi: the core, vendor and DLQ streams; single: the legacy stream alone; anything else exits 2",
    .default_value = kStreamModes[0], .env = "EVENT_STREAM_MODE", .allowed = kStreamModes,
    .completion = Completion::choice};
inline constexpr OptionRow kCoreStreamVariable{.help = "the core stream: athlete-ally.>, sleep.*, kept 48h",
                                               .default_value = "AA_CORE_HOT", .env = "STREAM_CORE_NAME",
                                               .completion = Completion::stream};
inline constexpr OptionRow kVendorStreamVariable{.help = "the vendor stream: vendor.>, kept 48h",
                                                 .default_value = "AA_VENDOR_HOT", .env = "STREAM_VENDOR_NAME",
                                                 .completion = Completion::stream};
inline constexpr OptionRow kDlqStreamVariable{.help = "the dead-letter stream: dlq.>, kept 14d",
                                              .default_value = "AA_DLQ", .env = "STREAM_DLQ_NAME",
                                              .completion = Completion::stream};
inline constexpr OptionRow kLegacyStreamVariable{
    .help = "the legacy stream: athlete-ally.>, vendor.>, sleep.*, kept 24h", .default_value = "ATHLETE_ALLY_EVENTS",
    .env = "STREAM_LEGACY_NAME", .completion = Completion::stream};
inline constexpr OptionRow kNodeEnvVariable{
    .help = "production: 3 replicas, anything else 1; ensure-streams refuses more than 1 where JetStream shows no "
            "cluster, and lowering a clustered stream without --allow-fewer-replicas",
    .env = "NODE_ENV"};

// Every topology variable, in the order they are documented and carried on a
// command line to run again ("NODE_ENV=production EVENT_STREAM_MODE=multi aa-nats ...").
inline constexpr std::array<const OptionRow*, 6> kTopologyVariables{
    &kNodeEnvVariable,     &kStreamModeVariable,    &kCoreStreamVariable,
    &kVendorStreamVariable, &kDlqStreamVariable,    &kLegacyStreamVariable};

}  // namespace aa
