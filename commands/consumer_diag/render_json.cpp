// consumer-diag reports as JSON: the server's own consumer info as received, with the verdict beside it.

#include "commands/consumer_diag/render.hpp"

namespace aa::consumer_diag {

using std::chrono::nanoseconds;

Json to_json(const ConsumerReport& report) {
    const Binding& b = report.binding;
    const Diagnosis& d = report.diagnosis;
    auto optional_string = [](const std::optional<std::string>& s) { return s ? Json(*s) : Json(nullptr); };
    auto optional_ms = [](const std::optional<nanoseconds>& v) {
        return v ? Json(std::chrono::duration_cast<std::chrono::milliseconds>(*v).count()) : Json(nullptr);
    };
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
