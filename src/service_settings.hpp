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
#include "src/service_variables.hpp"

namespace aa {

// A row's default that is a whole number ("60000"), read at compile time.
constexpr std::int64_t default_number(const OptionRow& row) {
    std::int64_t value = 0;
    for (const char digit : row.default_value) value = value * 10 + (digit - '0');
    return value;
}

// Each field is the variable of its row in src/service_variables.hpp; the
// defaults are the rows'.
struct ServiceSettings {
    std::string hrv_durable{kHrvDurableVariable.default_value};
    std::string oura_durable{kOuraDurableVariable.default_value};
    std::string hrv_dlq_subject{kHrvDlqSubjectVariable.default_value};
    std::int64_t hrv_max_deliver = default_number(kHrvMaxDeliverVariable);
    std::chrono::milliseconds hrv_ack_wait{default_number(kHrvAckWaitVariable)};
    std::vector<std::string> stream_candidates;  // in binding order
};

// Reads the variables (their rows' defaults when unset); the candidates default
// to the core then the legacy stream names. Throws UsageError naming the
// variable on a bad value.
ServiceSettings resolve_service_settings(const Environment& env, const std::string& core_stream,
                                         const std::string& legacy_stream);

// Why NAME is not a valid durable consumer name, or nullopt when it is: the
// rules of stream_name_problem.
std::optional<std::string> durable_name_problem(std::string_view name);

}  // namespace aa
