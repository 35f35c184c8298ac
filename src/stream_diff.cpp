#include "src/stream_diff.hpp"

#include <chrono>
#include <set>

#include "src/duration.hpp"

namespace aa {
namespace {

bool same_set(const std::vector<std::string>& a, const std::vector<std::string>& b) {
    return std::set<std::string>(a.begin(), a.end()) == std::set<std::string>(b.begin(), b.end());
}

bool is_duration(const std::string& field) { return field == "max_age" || field == "duplicate_window"; }

}  // namespace

Json to_json(const FieldChange& change) { return Json{{"field", change.field}, {"from", change.from}, {"to", change.to}}; }

bool config_supports_compression(const Json& live_config) { return has_key(live_config, "compression"); }

std::vector<FieldChange> diff_managed(const Json& live, const DesiredStream& desired) {
    std::vector<FieldChange> changes;
    const auto live_subject_list = strings_at(live, "subjects");
    if (!same_set(live_subject_list, desired.subjects)) {
        changes.push_back({"subjects", Json(live_subject_list), Json(desired.subjects)});
    }
    // A missing key compares as the value the server assumes for it.
    auto compare_int = [&](const char* field, std::int64_t fallback, std::int64_t want) {
        const std::int64_t have = int_or(live, field, fallback);
        if (have != want) changes.push_back({field, have, want});
    };
    auto compare_string = [&](const char* field, const char* fallback, const std::string& want) {
        const std::string have = string_or(live, field, fallback);
        if (have != want) changes.push_back({field, have, want});
    };
    compare_int("max_age", 0, desired.max_age_ns);
    compare_int("num_replicas", 1, desired.replicas);
    compare_string("storage", "file", desired.storage);
    compare_string("discard", "old", desired.discard);
    compare_int("duplicate_window", 0, desired.duplicate_window_ns);
    if (config_supports_compression(live)) compare_string("compression", "none", desired.compression);
    return changes;
}

Json create_config(const DesiredStream& desired, bool compression_supported) {
    Json config{{"name", desired.name},
                {"subjects", desired.subjects},
                {"max_age", desired.max_age_ns},
                {"num_replicas", desired.replicas},
                {"storage", desired.storage},
                {"discard", desired.discard},
                {"duplicate_window", desired.duplicate_window_ns}};
    if (compression_supported) config["compression"] = desired.compression;
    return config;
}

std::vector<FieldChange> creation_changes(const Json& config) {
    std::vector<FieldChange> changes;
    for (const char* field :
         {"subjects", "max_age", "num_replicas", "storage", "discard", "duplicate_window", "compression"}) {
        if (config.contains(field)) changes.push_back({field, nullptr, config.at(field)});
    }
    return changes;
}

Json overlay_managed(const Json& live_config, const DesiredStream& desired) {
    Json config = live_config.is_object() ? live_config : Json::object();
    config["name"] = desired.name;
    config["subjects"] = desired.subjects;
    config["max_age"] = desired.max_age_ns;
    config["num_replicas"] = desired.replicas;
    config["storage"] = desired.storage;
    config["discard"] = desired.discard;
    config["duplicate_window"] = desired.duplicate_window_ns;
    if (config_supports_compression(live_config)) config["compression"] = desired.compression;
    return config;
}

std::string describe_value(const std::string& field, const Json& value) {
    if (value.is_null()) return "-";
    if (is_duration(field) && value.is_number_integer()) return format_limit_duration(value.get<std::int64_t>());
    if (value.is_array()) {
        std::string out = "[";
        for (const auto& item : value) {
            if (out.size() > 1) out += ", ";
            out += item.is_string() ? item.get<std::string>() : item.dump();
        }
        return out + "]";
    }
    if (value.is_string()) return value.get<std::string>();
    return value.dump();
}

}  // namespace aa
