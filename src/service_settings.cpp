#include "src/service_settings.hpp"

#include <charconv>
#include <limits>

#include <fmt/format.h>

#include "src/errors.hpp"
#include "src/text.hpp"
#include "src/topology.hpp"

namespace aa {
namespace {

std::string durable_from(const Environment& env, const char* variable, std::string fallback) {
    const auto value = env.get(variable);
    if (!value) return fallback;
    if (auto problem = durable_name_problem(*value)) {
        throw UsageError(fmt::format("{}=\"{}\" ({}): {}", variable, *value, env.source_of(variable), *problem));
    }
    return *value;
}

std::int64_t positive_integer_from(const Environment& env, const char* variable, std::int64_t fallback,
                                   std::int64_t maximum = std::numeric_limits<std::int64_t>::max()) {
    const auto value = env.get(variable);
    if (!value) return fallback;
    std::int64_t parsed = 0;
    const auto [end, ec] = std::from_chars(value->data(), value->data() + value->size(), parsed);
    if (ec != std::errc() || end != value->data() + value->size() || parsed <= 0 || parsed > maximum) {
        const std::string limit =
            maximum == std::numeric_limits<std::int64_t>::max() ? std::string() : fmt::format(" up to {}", maximum);
        throw UsageError(fmt::format("{}=\"{}\" ({}): expected a positive whole number{}", variable, *value,
                                     env.source_of(variable), limit));
    }
    return parsed;
}

// The longest ack wait that still fits int64 nanoseconds, as the server and
// the comparison with a consumer's ack_wait count it (about 292 years).
constexpr std::int64_t kMaxAckWaitMs = std::numeric_limits<std::int64_t>::max() / 1'000'000;

}  // namespace

std::optional<std::string> durable_name_problem(std::string_view name) {
    if (name.empty()) return "a durable name may not be empty";
    // The same rules as stream names (see stream_name_problem).
    for (const char c : name) {
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') return "a durable name may not contain white space";
        if (c == '.' || c == '*' || c == '>' || c == '/' || c == '\\') {
            return fmt::format("a durable name may not contain '{}'", c);
        }
        if (c == '\0') return "a durable name may not contain a NUL byte";
    }
    if (!is_valid_utf8(name)) return "a durable name must be valid UTF-8";
    return std::nullopt;
}

ServiceSettings resolve_service_settings(const Environment& env, const std::string& core_stream,
                                         const std::string& legacy_stream) {
    ServiceSettings s;
    s.hrv_durable = durable_from(env, "NORMALIZE_HRV_DURABLE", s.hrv_durable);
    s.oura_durable = durable_from(env, "NORMALIZE_OURA_DURABLE", s.oura_durable);
    if (const auto subject = env.get("NORMALIZE_HRV_DLQ_SUBJECT")) {
        if (subject->find_first_of(" \t*>") != std::string::npos || subject->front() == '.' || subject->back() == '.' ||
            subject->find("..") != std::string::npos || !is_valid_utf8(*subject)) {
            throw UsageError(fmt::format("NORMALIZE_HRV_DLQ_SUBJECT=\"{}\" ({}): not a valid literal subject", *subject,
                                         env.source_of("NORMALIZE_HRV_DLQ_SUBJECT")));
        }
        s.hrv_dlq_subject = *subject;
    }
    s.hrv_max_deliver = positive_integer_from(env, "NORMALIZE_HRV_MAX_DELIVER", s.hrv_max_deliver);
    s.hrv_ack_wait = std::chrono::milliseconds(
        positive_integer_from(env, "NORMALIZE_HRV_ACK_WAIT_MS", s.hrv_ack_wait.count(), kMaxAckWaitMs));

    const auto candidates = env.get("AA_STREAM_CANDIDATES");
    if (!candidates) {
        s.stream_candidates = {core_stream, legacy_stream};
        return s;
    }
    std::string_view rest = *candidates;
    while (true) {
        const auto comma = rest.find(',');
        // Spaces and tabs around a name are forgiven; any other white space is an invalid name.
        const std::string_view item = trim(rest.substr(0, comma), " \t");
        if (!item.empty()) {  // the reference drops empty entries (.filter(Boolean))
            if (auto problem = stream_name_problem(item)) {
                throw UsageError(fmt::format("AA_STREAM_CANDIDATES=\"{}\" ({}): \"{}\": {}", *candidates,
                                             env.source_of("AA_STREAM_CANDIDATES"), item, *problem));
            }
            s.stream_candidates.emplace_back(item);
        }
        if (comma == std::string_view::npos) break;
        rest.remove_prefix(comma + 1);
    }
    if (s.stream_candidates.empty()) {
        throw UsageError(fmt::format("AA_STREAM_CANDIDATES=\"{}\" ({}): names no stream", *candidates,
                                     env.source_of("AA_STREAM_CANDIDATES")));
    }
    return s;
}

}  // namespace aa
