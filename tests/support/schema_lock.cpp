#include "tests/support/schema_lock.hpp"

#include <cstdint>
#include <sstream>
#include <stdexcept>

#include <fmt/format.h>

#include "tests/support/json_schema.hpp"

namespace aa::test {
namespace {

// Keywords whose value maps names to schemas: the names are data, not keywords.
bool maps_names_to_schemas(const std::string& keyword) { return keyword == "properties" || keyword == "$defs"; }

}  // namespace

Json contract_of(const Json& schema) {
    if (schema.is_array()) {
        Json out = Json::array();
        for (const auto& item : schema) out.push_back(contract_of(item));
        return out;
    }
    if (!schema.is_object()) return schema;
    Json out = Json::object();
    for (const auto& [keyword, value] : schema.items()) {
        if (is_annotation_keyword(keyword)) continue;
        if (keyword == "enum" || keyword == "const") {
            out[keyword] = value;  // values, not schemas: kept whole
        } else if (maps_names_to_schemas(keyword)) {
            for (const auto& [name, sub] : value.items()) out[keyword][name] = contract_of(sub);
        } else {
            out[keyword] = contract_of(value);
        }
    }
    return out;
}

std::string fingerprint(const Json& schema) {
    std::uint64_t hash = 14695981039346656037ULL;
    for (const unsigned char c : contract_of(schema).dump()) {
        hash ^= c;
        hash *= 1099511628211ULL;
    }
    return fmt::format("{:016x}", hash);
}

Lock parse_lock(const std::string& text) {
    Lock lock;
    std::istringstream lines(text);
    for (std::string line; std::getline(lines, line);) {
        if (line.empty() || line.front() == '#') continue;
        std::istringstream fields(line);
        std::string file;
        LockEntry entry;
        std::string rest;
        if (!(fields >> file >> entry.version >> entry.fingerprint) || (fields >> rest)) {
            throw std::invalid_argument("schema.lock: not \"FILE VERSION FINGERPRINT\": " + line);
        }
        lock[file] = entry;
    }
    return lock;
}

std::string format_lock(const Lock& lock) {
    std::string out =
        "# The contract of each schema (annotations aside) and the schema_version it was recorded at.\n"
        "# Checked by the unit tests; written by: " +
        std::string(kUpdateLockCommand) + "\n# See docs/json-output.md, \"Changing a schema\".\n";
    for (const auto& [file, entry] : lock) out += fmt::format("{} {} {}\n", file, entry.version, entry.fingerprint);
    return out;
}

Lock lock_of(const std::map<std::string, Json>& schemas, int version) {
    Lock lock;
    for (const auto& [file, schema] : schemas) lock[file] = {version, fingerprint(schema)};
    return lock;
}

std::vector<std::string> lock_problems(const Lock& locked, const Lock& current) {
    std::vector<std::string> problems;
    const std::string update = fmt::format("update the lock: {}", kUpdateLockCommand);
    for (const auto& [file, now] : current) {
        const auto was = locked.find(file);
        if (was == locked.end()) {
            problems.push_back(fmt::format("{} is not in docs/schema/schema.lock: {}", file, update));
        } else if (was->second.version == now.version && was->second.fingerprint != now.fingerprint) {
            problems.push_back(fmt::format(
                "{} changed but schema_version is still {}: if the change is breaking (docs/json-output.md, "
                "\"Changing a schema\"), bump schema_version to {} (kJsonSchemaVersion in src/output.hpp and the "
                "schema_version const of every document schema); then, breaking or not, {}",
                file, now.version, now.version + 1, update));
        } else if (was->second.version != now.version) {
            problems.push_back(fmt::format("schema_version is {} but docs/schema/schema.lock records {} at {}: {}",
                                           now.version, file, was->second.version, update));
        }
    }
    for (const auto& [file, entry] : locked) {
        if (current.count(file) == 0) {
            problems.push_back(fmt::format(
                "{} is in docs/schema/schema.lock but not in docs/schema: a document lost its schema; if the "
                "document is gone, that is breaking: bump schema_version; then {}",
                file, update));
        }
    }
    return problems;
}

}  // namespace aa::test
