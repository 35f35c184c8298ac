#include "src/topology.hpp"

#include <fmt/format.h>

#include "src/errors.hpp"
#include "src/event_subjects.hpp"
#include "src/text.hpp"

namespace aa {
namespace {

constexpr std::int64_t kHourNs = 3'600'000'000'000;
constexpr std::int64_t kDuplicateWindowNs = 120'000'000'000;  // 2m, as the reference

std::string resolve_stream_name(const Environment& env, const OptionRow& variable) {
    const auto value = env.get(variable.env);
    if (!value) return std::string(variable.default_value);
    if (auto problem = stream_name_problem(*value)) {
        throw UsageError(fmt::format("{}=\"{}\" ({}): {}", variable.env, *value, env.source_of(variable.env), *problem));
    }
    return *value;
}

// EVENT_STREAM_MODE: one of the row's allowed values (its default when unset).
StreamMode resolve_mode(const Environment& env) {
    const OptionRow& row = kStreamModeVariable;
    const std::string mode = env.get(row.env).value_or(std::string(row.default_value));
    if (mode == to_string(StreamMode::single)) return StreamMode::single;
    if (mode == to_string(StreamMode::multi)) return StreamMode::multi;
    throw UsageError(fmt::format("{}=\"{}\" ({}): expected \"single\" or \"multi\"", row.env, mode, env.source_of(row.env)));
}

}  // namespace

std::string_view to_string(StreamMode mode) { return mode == StreamMode::single ? "single" : "multi"; }

std::string_view to_string(StreamRole role) {
    switch (role) {
        case StreamRole::core: return "core";
        case StreamRole::vendor: return "vendor";
        case StreamRole::dlq: return "dlq";
        case StreamRole::legacy: return "legacy";
    }
    return "unknown";
}

const std::string& StreamNames::of(StreamRole role) const {
    switch (role) {
        case StreamRole::core: return core;
        case StreamRole::vendor: return vendor;
        case StreamRole::dlq: return dlq;
        case StreamRole::legacy: break;
    }
    return legacy;
}

std::optional<std::string> stream_name_problem(std::string_view name) {
    if (name.empty()) return "a stream name may not be empty";
    if (name.size() > 255) return "a stream name may not be longer than 255 characters";
    // What the server refuses. Other control characters are allowed, as the
    // server allows them (human output shows them escaped), but not NUL, which
    // would cut the API subject short.
    for (const char c : name) {
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') return "a stream name may not contain white space";
        if (c == '.' || c == '*' || c == '>') return fmt::format("a stream name may not contain '{}'", c);
        if (c == '/' || c == '\\') return fmt::format("a stream name may not contain '{}'", c);
        if (c == '\0') return "a stream name may not contain a NUL byte";
    }
    // The server's JSON cannot carry other bytes: it would answer for another name.
    if (!is_valid_utf8(name)) return "a stream name must be valid UTF-8";
    return std::nullopt;
}

TopologySettings resolve_topology(const Environment& env) {
    TopologySettings settings;
    settings.mode = resolve_mode(env);
    settings.names.core = resolve_stream_name(env, kCoreStreamVariable);
    settings.names.vendor = resolve_stream_name(env, kVendorStreamVariable);
    settings.names.dlq = resolve_stream_name(env, kDlqStreamVariable);
    settings.names.legacy = resolve_stream_name(env, kLegacyStreamVariable);
    settings.production = env.get(kNodeEnvVariable.env) == "production";
    return settings;
}

DesiredStream desired_stream(const TopologySettings& settings, StreamRole role) {
    DesiredStream stream;
    stream.role = role;
    stream.name = settings.names.of(role);
    stream.replicas = settings.replicas();
    stream.duplicate_window_ns = kDuplicateWindowNs;
    switch (role) {
        case StreamRole::core:
            stream.subjects = {event_subjects::kAthleteAlly, event_subjects::kSleep};
            stream.max_age_ns = 48 * kHourNs;
            break;
        case StreamRole::vendor:
            stream.subjects = {event_subjects::kVendor};
            stream.max_age_ns = 48 * kHourNs;
            break;
        case StreamRole::dlq:
            stream.subjects = {event_subjects::kDlq};
            stream.max_age_ns = 14 * 24 * kHourNs;
            break;
        case StreamRole::legacy:
            stream.subjects = {event_subjects::kAthleteAlly, event_subjects::kVendor, event_subjects::kSleep};
            stream.max_age_ns = 24 * kHourNs;
            break;
    }
    return stream;
}

const DesiredStream* desired_named(const std::vector<DesiredStream>& desired, std::string_view name) {
    const DesiredStream* found = nullptr;
    for (const DesiredStream& stream : desired) {
        if (stream.name == name) found = &stream;
    }
    return found;
}

std::vector<DesiredStream> desired_streams(const TopologySettings& settings) {
    if (settings.mode == StreamMode::single) return {desired_stream(settings, StreamRole::legacy)};
    return {desired_stream(settings, StreamRole::core), desired_stream(settings, StreamRole::vendor),
            desired_stream(settings, StreamRole::dlq)};
}

}  // namespace aa
