#pragma once
// The services' own variables from the reference's .env.example (durables,
// DLQ subject, binding candidates, expected consumer settings), read once here
// so every command means the same by them.

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "src/environment.hpp"

namespace aa {

struct ServiceSettings {
    std::string hrv_durable = "normalize-hrv-durable";          // NORMALIZE_HRV_DURABLE
    std::string oura_durable = "normalize-oura";                // NORMALIZE_OURA_DURABLE
    std::string hrv_dlq_subject = "dlq.normalize.hrv.raw-received";  // NORMALIZE_HRV_DLQ_SUBJECT
    std::int64_t hrv_max_deliver = 5;                           // NORMALIZE_HRV_MAX_DELIVER
    std::chrono::milliseconds hrv_ack_wait{60000};              // NORMALIZE_HRV_ACK_WAIT_MS
    std::vector<std::string> stream_candidates;                 // AA_STREAM_CANDIDATES, in binding order
};

// Reads the variables; the candidates default to the core then the legacy
// stream names. Throws UsageError naming the variable on a bad value.
ServiceSettings resolve_service_settings(const Environment& env, const std::string& core_stream,
                                         const std::string& legacy_stream);

// Why NAME is not a valid durable consumer name, or nullopt when it is: the
// rules of stream_name_problem.
std::optional<std::string> durable_name_problem(std::string_view name);

}  // namespace aa
