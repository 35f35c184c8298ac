// consumer-diag reports as JSON: the server's own consumer info as received, with the verdict beside it.

#include "commands/consumer_diag/render.hpp"

namespace aa::consumer_diag {
namespace {

using std::chrono::nanoseconds;

long long milliseconds(nanoseconds value) { return std::chrono::duration_cast<std::chrono::milliseconds>(value).count(); }

// {"until", "remaining_ms"}, or null when not paused (and on servers before 2.11).
Json pause_json(const std::optional<Pause>& pause) {
    if (!pause) return nullptr;
    return Json{{"until", pause->until_text}, {"remaining_ms", milliseconds(pause->remaining)}};
}

// {"policy", "groups": [{"group", "pinned_client_id", "pinned_ts"}]}, or null without priority groups.
Json priority_json(const std::optional<Priority>& priority) {
    if (!priority) return nullptr;
    auto optional_text = [](const std::string& s) { return s.empty() ? Json(nullptr) : Json(s); };
    Json groups = Json::array();
    for (const PriorityGroup& g : priority->groups) {
        groups.push_back(
            {{"group", g.name}, {"pinned_client_id", optional_text(g.pinned_client_id)}, {"pinned_ts", optional_text(g.pinned_ts)}});
    }
    return Json{{"policy", priority->policy}, {"groups", std::move(groups)}};
}

}  // namespace

Json to_json(const ConsumerReport& report) {
    const Binding& b = report.binding;
    const Diagnosis& d = report.diagnosis;
    auto optional_string = [](const std::optional<std::string>& s) { return s ? Json(*s) : Json(nullptr); };
    auto optional_ms = [](const std::optional<nanoseconds>& v) { return v ? Json(milliseconds(*v)) : Json(nullptr); };
    return Json{{"schema_version", kJsonSchemaVersion},
                {"stream", optional_string(report.stream)},
                {"durable", report.durable},
                {"bound_stream", optional_string(b.bound_stream)},
                {"candidates_tried", b.candidates_tried},
                {"also_on", b.also_on},
                {"verdict", to_string(d.verdict)},
                {"ok", d.ok()},
                {"reasons", d.reasons},
                {"warnings", d.warnings},
                {"threshold_exceeded", d.threshold_exceeded},
                {"exhausted_at_least", d.exhausted_at_least},
                {"delivered_ago_ms", optional_ms(d.delivered_ago)},
                {"acked_ago_ms", optional_ms(d.acked_ago)},
                {"pause", pause_json(d.pause)},
                {"priority", priority_json(d.priority)},
                {"info", b.info}};
}

Json to_json(const SingleResult& result) {
    Json doc = to_json(result.consumer);
    doc["server"] = to_json(result.server);
    return doc;
}

Json to_json(const AllResult& result) {
    Json consumers = Json::array();
    for (const auto& c : result.consumers) {
        Json item = to_json(c);
        item.erase("schema_version");
        consumers.push_back(std::move(item));
    }
    return Json{{"schema_version", kJsonSchemaVersion},
                {"server", to_json(result.server)},
                {"streams", result.streams_checked},
                {"streams_missing", result.streams_missing},
                {"consumers", std::move(consumers)}};
}

}  // namespace aa::consumer_diag
