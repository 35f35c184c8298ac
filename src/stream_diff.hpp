#pragma once
// The fields of a stream config that the topology manages, compared between a
// live config (the server's JSON) and a desired stream. Pure, so ensure-streams
// (which changes them) and stream-info (which shows drift) agree on what differs.

#include <string>
#include <vector>

#include "src/json_access.hpp"
#include "src/topology.hpp"

namespace aa {

// One managed field that differs. FIELD is named as in the server's config
// JSON; FROM is null when the stream does not exist yet.
struct FieldChange {
    std::string field;
    Json from;
    Json to;
};

Json to_json(const FieldChange& change);

// True when the server echoes "compression" in this stream config (2.10+);
// a 2.9 server drops fields it does not know.
bool config_supports_compression(const Json& live_config);

// The managed fields that differ, in a fixed order: subjects (compared as a
// set), max_age, num_replicas, storage, discard, duplicate_window, compression.
// Compression is compared only where the live config shows the server knows
// it, so an unsupported field never turns into drift.
std::vector<FieldChange> diff_managed(const Json& live_config, const DesiredStream& desired);

// The config to create DESIRED with; compression only when supported.
Json create_config(const DesiredStream& desired, bool compression_supported);

// Every field of a create as a change from nothing (for the plan).
std::vector<FieldChange> creation_changes(const Json& config);

// The live config with the managed fields laid over it: what an update sends,
// so fields set by hand (max_msgs, description, deny_delete, ...) survive.
Json overlay_managed(const Json& live_config, const DesiredStream& desired);

// A change's value for people: durations as "48h", subjects joined, null as "-".
std::string describe_value(const std::string& field, const Json& value);

}  // namespace aa
