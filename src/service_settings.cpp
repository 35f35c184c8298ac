#include "src/service_settings.hpp"

#include <charconv>
#include <limits>

#include <fmt/format.h>

#include "src/errors.hpp"
#include "src/text.hpp"
#include "src/topology.hpp"

namespace aa {
namespace {

std::string durable_from(const Environment& env, const OptionRow& variable) {
    const auto value = env.get(variable.env);
    if (!value) return std::string(variable.default_value);
    if (auto problem = durable_name_problem(*value)) {
        throw UsageError(fmt::format("{}=\"{}\" ({}): {}", variable.env, *value, env.source_of(variable.env), *problem));
    }
    return *value;
}

// The variable's value, or its row's default (which must parse the same way).
std::int64_t positive_integer_from(const Environment& env, const OptionRow& variable,
                                   std::int64_t maximum = std::numeric_limits<std::int64_t>::max()) {
    const std::string value = env.get(variable.env).value_or(std::string(variable.default_value));
    std::int64_t parsed = 0;
    const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), parsed);
    if (ec != std::errc() || end != value.data() + value.size() || parsed <= 0 || parsed > maximum) {
        const std::string limit =
            maximum == std::numeric_limits<std::int64_t>::max() ? std::string() : fmt::format(" up to {}", maximum);
        throw UsageError(fmt::format("{}=\"{}\" ({}): expected a positive whole number{}", variable.env, value,
                                     env.source_of(variable.env), limit));
    }
    return parsed;
}

std::string dlq_subject_from(const Environment& env, const OptionRow& variable) {
    const auto subject = env.get(variable.env);
    if (!subject) return std::string(variable.default_value);
    if (subject->find_first_of(" \t*>") != std::string::npos || subject->front() == '.' || subject->back() == '.' ||
        subject->find("..") != std::string::npos || !is_valid_utf8(*subject)) {
        throw UsageError(fmt::format("{}=\"{}\" ({}): not a valid literal subject", variable.env, *subject,
                                     env.source_of(variable.env)));
    }
    return *subject;
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
    s.hrv_durable = durable_from(env, kHrvDurableVariable);
    s.oura_durable = durable_from(env, kOuraDurableVariable);
    s.hrv_dlq_subject = dlq_subject_from(env, kHrvDlqSubjectVariable);
    s.hrv_max_deliver = positive_integer_from(env, kHrvMaxDeliverVariable);
    s.hrv_ack_wait = std::chrono::milliseconds(positive_integer_from(env, kHrvAckWaitVariable, kMaxAckWaitMs));

    const std::string_view candidates_variable = kStreamCandidatesVariable.env;
    const auto candidates = env.get(candidates_variable);
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
                throw UsageError(fmt::format("{}=\"{}\" ({}): \"{}\": {}", candidates_variable, *candidates,
                                             env.source_of(candidates_variable), item, *problem));
            }
            s.stream_candidates.emplace_back(item);
        }
        if (comma == std::string_view::npos) break;
        rest.remove_prefix(comma + 1);
    }
    if (s.stream_candidates.empty()) {
        throw UsageError(fmt::format("{}=\"{}\" ({}): names no stream", candidates_variable, *candidates,
                                     env.source_of(candidates_variable)));
    }
    return s;
}

}  // namespace aa
