#pragma once
// The services' own variables (the reference's .env.example), one row each:
// resolve_service_settings reads them; the commands that use one list it, so
// their help, the man page and docs/configuration.md name it.

#include <array>

#include "src/option_row.hpp"

namespace aa {

inline constexpr OptionRow kHrvDurableVariable{.help = "the HRV normalizer's durable consumer (on the core stream)",
                                               .default_value = "normalize-hrv-durable",
                                               .env = "NORMALIZE_HRV_DURABLE", .completion = Completion::durable};
inline constexpr OptionRow kOuraDurableVariable{.help = "the Oura normalizer's durable consumer (on the vendor stream)",
                                                .default_value = "normalize-oura", .env = "NORMALIZE_OURA_DURABLE",
                                                .completion = Completion::durable};
inline constexpr OptionRow kHrvDlqSubjectVariable{.help = "the subject the HRV normalizer dead-letters to",
                                                  .default_value = "dlq.normalize.hrv.raw-received",
                                                  .env = "NORMALIZE_HRV_DLQ_SUBJECT"};
inline constexpr OptionRow kHrvMaxDeliverVariable{.help = "the HRV durable's expected max_deliver",
                                                  .default_value = "5", .env = "NORMALIZE_HRV_MAX_DELIVER"};
inline constexpr OptionRow kHrvAckWaitVariable{.help = "the HRV durable's expected ack_wait, in milliseconds",
                                               .default_value = "60000", .env = "NORMALIZE_HRV_ACK_WAIT_MS"};
inline constexpr OptionRow kStreamCandidatesVariable{
    .help = "the streams the HRV durable may be bound to, in the order they are tried",
    .default_value = "$STREAM_CORE_NAME,$STREAM_LEGACY_NAME", .env = "AA_STREAM_CANDIDATES"};

// Every service variable, in the order they are documented.
inline constexpr std::array<const OptionRow*, 6> kServiceVariables{
    &kHrvDurableVariable,    &kOuraDurableVariable, &kHrvDlqSubjectVariable,
    &kHrvMaxDeliverVariable, &kHrvAckWaitVariable,  &kStreamCandidatesVariable};

}  // namespace aa
