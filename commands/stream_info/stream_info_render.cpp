// Human and JSON renderings of a stream-info result (of named streams or
// the topology's; --all writes as it lists: listing_*.cpp). Names, subjects and
// other strings from the server reach the terminal through printable().

#include <fmt/format.h>

#include "commands/stream_info/render_parts.hpp"
#include "commands/stream_info/stream_info.hpp"
#include "src/cluster_view.hpp"
#include "src/duration.hpp"
#include "src/server_line.hpp"
#include "src/text.hpp"

namespace aa::stream_info {
namespace {

constexpr const char* kLabel = "  {:<18}";

std::string label(const char* text) { return fmt::format(fmt::runtime(kLabel), text); }

// "2026-11-27T03:55:01.123456789Z" -> "2026-11-27T03:55:01Z"; the zero time -> "".
std::string short_time(const std::string& ts) {
    if (ts.empty() || ts.starts_with("0001-01-01")) return "";
    const auto dot = ts.find('.');
    return dot == std::string::npos ? ts : ts.substr(0, dot) + "Z";
}

std::string sequence_line(std::uint64_t seq, const std::string& ts) {
    const std::string when = short_time(ts);
    return when.empty() ? std::to_string(seq) : fmt::format("{} @ {}", seq, printable(when));
}

// The limits an operator set (JetStream reports -1 or 0 for "no limit").
std::string set_limits(const Json& config) {
    std::vector<std::string> limits;
    auto add_count = [&](const char* key) {
        if (const auto v = int_or(config, key, -1); v > 0) limits.push_back(fmt::format("{} {}", key, v));
    };
    if (const auto v = int_or(config, "max_bytes", -1); v > 0) {
        limits.push_back(fmt::format("max_bytes {}", format_bytes(static_cast<std::uint64_t>(v))));
    }
    add_count("max_msgs");
    add_count("max_msgs_per_subject");
    if (const auto v = int_or(config, "max_msg_size", -1); v > 0) {
        limits.push_back(fmt::format("max_msg_size {}", format_bytes(static_cast<std::uint64_t>(v))));
    }
    add_count("max_consumers");
    return limits.empty() ? "none" : join(limits);
}

std::string compression_of(const Json& config) {
    if (!has_key(config, "compression")) return "not supported by this server";
    return printable(string_or(config, "compression", "none"));
}

// "none", or each managed field that differs from the topology: "max_age: 24h → 48h; ...".
std::string describe_drift(const std::vector<FieldChange>& drift, const Style& style) {
    if (drift.empty()) return style.good("none");
    std::vector<std::string> parts;
    for (const auto& c : drift) {
        parts.push_back(fmt::format("{}: {} → {}", c.field, describe_value(c.field, c.from), describe_value(c.field, c.to)));
    }
    return style.warn(printable(join(parts, "; ")));
}

std::string role_suffix(const StreamReport& stream) {
    return stream.role ? fmt::format(" ({})", to_string(*stream.role)) : std::string();
}

void render_stream(const StreamReport& stream, const Style& style, std::ostream& out) {
    out << style.bold(fmt::format("[{}]", printable(stream.name))) << role_suffix(stream);
    if (!stream.found) {
        out << ' ' << style.warn("not found") << "\n\n";
        return;
    }
    out << '\n';
    const Json& config = object_at(stream.info, "config");
    const Json& state = object_at(stream.info, "state");
    out << label("Subjects:") << printable(join(strings_at(config, "subjects"))) << '\n';
    out << label("Retention:") << printable(string_or(config, "retention", "limits")) << '\n';
    out << label("Max Age:") << format_limit_duration(int_or(config, "max_age")) << '\n';
    out << label("Replicas:") << int_or(config, "num_replicas", 1) << '\n';
    out << label("Storage:") << printable(string_or(config, "storage", "file")) << '\n';
    out << label("Discard:") << printable(string_or(config, "discard", "old")) << '\n';
    out << label("Duplicate Window:") << format_limit_duration(int_or(config, "duplicate_window")) << '\n';
    out << label("Compression:") << compression_of(config) << '\n';
    out << label("Limits:") << set_limits(config) << '\n';
    if (bool_or(config, "sealed")) out << label("Sealed:") << "yes\n";
    if (stream.drift) out << label("Drift:") << describe_drift(*stream.drift, style) << '\n';
    const auto bytes = uint_or(state, "bytes");
    out << label("Messages:") << uint_or(state, "messages") << '\n';
    out << label("Bytes:") << bytes << " (" << format_bytes(bytes) << ")\n";
    out << label("First Seq:") << sequence_line(uint_or(state, "first_seq"), string_or(state, "first_ts")) << '\n';
    out << label("Last Seq:") << sequence_line(uint_or(state, "last_seq"), string_or(state, "last_ts")) << '\n';
    out << label("Consumers:") << uint_or(state, "consumer_count") << '\n';
    render_cluster_state(parse_cluster_state(stream.info), style, out, kLabel);
    out << '\n';
}

}  // namespace

void render_header(const ServerFacts& server, std::ostream& out) {
    out << "NATS JetStream @ " << describe_server(server) << '\n' << std::string(60, '=') << "\n\n";
}

void render_capture(const std::vector<FamilyCapture>& capture, const Style& style, std::ostream& out) {
    if (capture.empty()) return;
    out << style.bold("Event subjects") << '\n';
    for (const FamilyCapture* gap : gaps(capture)) {
        out << "  " << style.bad("LOST ") << printable(describe_capture(*gap)) << '\n';
    }
    for (const auto& c : capture) {
        if (!c.lost()) out << fmt::format("  {:<16} {}\n", c.family, printable(c.streams.front().stream));
    }
    out << '\n';
}

Json drift_to_json(const std::vector<FieldChange>& drift) {
    Json out = Json::array();
    for (const auto& change : drift) out.push_back(aa::to_json(change));
    return out;
}

void render_human(const Result& result, const Style& style, std::ostream& out) {
    render_header(result.server, out);
    render_capture(result.capture, style, out);
    for (const auto& stream : result.streams) render_stream(stream, style, out);
}

Json to_json(const Result& result) {
    Json streams = Json::array();
    for (const auto& stream : result.streams) {
        Json item{{"name", stream.name}, {"found", stream.found}, {"info", stream.info}};
        if (stream.role) item["role"] = to_string(*stream.role);
        if (stream.drift) item["drift"] = drift_to_json(*stream.drift);
        streams.push_back(std::move(item));
    }
    Json doc{{"schema_version", kJsonSchemaVersion}, {"server", to_json(result.server)}, {"streams", std::move(streams)}};
    if (!result.names_given) {
        doc["capture"] = aa::to_json(result.capture);
        doc["uncaptured"] = lost_families(result.capture);
    }
    return doc;
}

}  // namespace aa::stream_info
