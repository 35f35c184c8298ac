#pragma once
// The stream topology of the migration: which streams exist, what they
// capture and how they are configured, as the reference's config.ts defines it.

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "src/environment.hpp"
#include "src/topology_variables.hpp"

namespace aa {

enum class StreamMode { single, multi };
enum class StreamRole { core, vendor, dlq, legacy };

std::string_view to_string(StreamMode mode);
std::string_view to_string(StreamRole role);

// Every role, in the order the reference prints them: core, vendor, DLQ, legacy.
inline constexpr std::array<StreamRole, 4> kAllRoles{StreamRole::core, StreamRole::vendor, StreamRole::dlq,
                                                     StreamRole::legacy};

// The defaults are the rows' (src/topology_variables.hpp).
struct StreamNames {
    std::string core{kCoreStreamVariable.default_value};
    std::string vendor{kVendorStreamVariable.default_value};
    std::string dlq{kDlqStreamVariable.default_value};
    std::string legacy{kLegacyStreamVariable.default_value};

    const std::string& of(StreamRole role) const;
};

// The topology settings read from EVENT_STREAM_MODE, STREAM_*_NAME and NODE_ENV.
struct TopologySettings {
    StreamMode mode = StreamMode::multi;
    StreamNames names;
    bool production = false;  // NODE_ENV=production: three replicas

    int replicas() const { return production ? 3 : 1; }
};

// Reads the topology variables. Throws UsageError naming the variable and its
// value when the mode is unknown or a stream name is invalid.
TopologySettings resolve_topology(const Environment& env);

// Why NAME is not a valid JetStream stream name, or nullopt when it is.
// Names may not be empty, nor contain white space, '.', '*', '>', '/', '\' or
// NUL, and must be valid UTF-8.
std::optional<std::string> stream_name_problem(std::string_view name);

// One stream as the topology wants it. Durations are nanoseconds, as in the API.
struct DesiredStream {
    StreamRole role;
    std::string name;
    std::vector<std::string> subjects;
    std::int64_t max_age_ns = 0;
    int replicas = 1;
    std::string storage = "file";
    std::string discard = "old";
    std::int64_t duplicate_window_ns = 0;
    std::string compression = "s2";  // applied only where the server supports it
};

// The streams of the topology for the configured mode: the legacy stream alone
// in single mode; core, vendor and DLQ in multi mode.
std::vector<DesiredStream> desired_streams(const TopologySettings& settings);

// The stream of DESIRED named NAME (the last, should two share it), or null:
// a stream the topology does not manage.
const DesiredStream* desired_named(const std::vector<DesiredStream>& desired, std::string_view name);

// One stream of the topology as configured for ROLE, whatever the mode.
DesiredStream desired_stream(const TopologySettings& settings, StreamRole role);

}  // namespace aa
