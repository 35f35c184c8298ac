// Human renderings of consumer-diag reports: one consumer, and the --all table.

#include "commands/consumer_diag/render.hpp"
#include "commands/consumer_diag/render_parts.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "src/cluster_view.hpp"
#include "src/duration.hpp"
#include "src/server_line.hpp"
#include "src/text.hpp"

namespace aa::consumer_diag {
namespace {

using std::chrono::nanoseconds;

// 2.9 has filter_subject; 2.10 adds filter_subjects.
std::vector<std::string> filters_of(const Json& config) {
    std::vector<std::string> filters = strings_at(config, "filter_subjects");
    if (const std::string one = string_or(config, "filter_subject"); !one.empty()) filters.insert(filters.begin(), one);
    return filters;
}

std::string type_of(const Json& info) {
    const std::string deliver_subject = string_or(object_at(info, "config"), "deliver_subject");
    if (deliver_subject.empty()) return "pull";
    return fmt::format("push to {} ({})", printable(deliver_subject),
                       bool_or(info, "push_bound") ? "subscriber present" : "no subscriber");
}

std::string limit_count(std::int64_t value) { return value > 0 ? std::to_string(value) : "unlimited"; }

std::string painted_verdict(Verdict verdict, bool ok, const Style& style) {
    std::string text(to_string(verdict));
    for (char& c : text) c = static_cast<char>(c - 'a' + 'A');
    if (verdict == Verdict::healthy && ok) return style.good(text);
    return ok ? style.warn(text) : style.bad(text);
}

std::string seq_line(const Json& position, const std::optional<nanoseconds>& moved) {
    return fmt::format("stream seq {}, consumer seq {}, {}", uint_or(position, "stream_seq"),
                       uint_or(position, "consumer_seq"), moved ? "moved " + ago(moved) : "never moved");
}

// "jobs: pinned to client 2A9kbL0B since 2026-12-07T19:29:49Z"; only a
// pinned_client policy pins, so the others show the group's name alone.
std::string group_line(const PriorityGroup& group, const std::string& policy) {
    std::string line = printable(group.name);
    if (policy != "pinned_client") return line;
    if (group.pinned_client_id.empty()) return line + ": no client pinned";
    line += ": pinned to client " + printable(group.pinned_client_id);
    if (group.pinned_at) line += " since " + format_timestamp(*group.pinned_at);
    return line;
}

// 2.11+: priority groups and their pins, and a pause; nothing on older servers, which have neither.
void render_delivery_controls(const Diagnosis& d, const Style& style, std::ostream& out) {
    if (d.priority) {
        out << label("Priority Policy:") << printable(d.priority->policy) << '\n';
        const char* first = "Priority Groups:";
        for (const PriorityGroup& group : d.priority->groups) {
            out << label(first) << group_line(group, d.priority->policy) << '\n';
            first = "";
        }
    }
    if (d.pause) out << label("Paused:") << style.warn(describe(*d.pause)) << '\n';
}

// The bound consumer's configuration, counters and positions.
void render_details(const Json& info, const Diagnosis& d, const Style& style, std::ostream& out) {
    const Json& config = object_at(info, "config");
    out << label("Type:") << type_of(info) << '\n';
    const auto filters = filters_of(config);
    out << label("Filter:") << (filters.empty() ? std::string("(all subjects of the stream)") : printable(join(filters)))
        << '\n';
    out << label("Ack Policy:") << printable(string_or(config, "ack_policy", "none")) << '\n';
    out << label("Ack Wait:") << format_limit_duration(int_or(config, "ack_wait")) << '\n';
    out << label("Max Deliver:") << limit_count(int_or(config, "max_deliver", -1)) << '\n';
    out << label("Max Ack Pending:") << limit_count(int_or(config, "max_ack_pending", -1)) << '\n';
    out << label("Deliver Policy:") << printable(string_or(config, "deliver_policy", "all")) << '\n';
    render_delivery_controls(d, style, out);
    out << label("Pending:") << format_count(uint_or(info, "num_pending")) << '\n';
    out << label("Ack Pending:") << format_count(uint_or(info, "num_ack_pending")) << '\n';
    out << label("Redelivered:") << format_count(uint_or(info, "num_redelivered"));
    if (d.exhausted_at_least > 0) out << " (at least " << d.exhausted_at_least << " out of deliveries)";
    out << '\n';
    if (string_or(config, "deliver_subject").empty()) {
        out << label("Waiting Pulls:") << format_count(uint_or(info, "num_waiting")) << '\n';
    }
    out << label("Delivered:") << seq_line(object_at(info, "delivered"), d.delivered_ago) << '\n';
    out << label("Ack Floor:") << seq_line(object_at(info, "ack_floor"), d.acked_ago) << '\n';
    render_cluster_state(parse_cluster_state(info), style, out, kLabel);
}

void render_verdict(const ConsumerReport& report, const Style& style, std::ostream& out) {
    const Binding& b = report.binding;
    const Diagnosis& d = report.diagnosis;
    out << label("Verdict:") << painted_verdict(d.verdict, d.ok(), style) << '\n';
    for (const auto& reason : d.reasons) {
        // The candidates line already explains each miss.
        if (!report.stream && std::find(b.misses.begin(), b.misses.end(), reason) != b.misses.end()) continue;
        out << label("") << "- " << printable(reason) << '\n';
    }
    if (!d.warnings.empty()) {
        out << "  Warnings:\n";
        for (const auto& warning : d.warnings) out << label("") << "- " << style.warn(printable(warning)) << '\n';
    }
}

// The last column: the verdict, and how long a pause has left ("BLOCKED (paused, 59m left)").
std::string verdict_cell(const Diagnosis& d, const Style& style) {
    std::string cell = painted_verdict(d.verdict, d.ok(), style);
    if (d.pause) {
        cell += style.warn(fmt::format(" (paused, {})", time_left(*d.pause)));
    }
    return cell;
}

void render_table(const AllResult& result, const Style& style, std::ostream& out) {
    if (!result.streams_missing.empty()) {
        out << style.warn(fmt::format("not found: {}", printable(join(result.streams_missing)))) << '\n';
    }
    if (result.consumers.empty()) {
        out << fmt::format("no consumers on {}\n", result.streams_checked.empty() ? std::string("any stream")
                                                                                   : printable(join(result.streams_checked)));
        return;
    }
    // Names are padded by terminal columns, so escaped and multibyte ones keep the columns aligned.
    constexpr const char* kRow = "{} {} {:<4} {:>10} {:>10} {:>10} {:>7} {:>14} {}\n";
    auto stream_cell = [](std::string_view text) { return pad_to_width(text, 24); };
    auto durable_cell = [](std::string_view text) { return pad_to_width(text, 28); };
    out << fmt::format(kRow, stream_cell("STREAM"), durable_cell("DURABLE"), "TYPE", "PENDING", "ACK PEND", "REDELIV",
                       "WAITING", "LAST DELIVERY", "VERDICT");
    for (const auto& c : result.consumers) {
        const Json& info = c.binding.info;
        const bool push = !string_or(object_at(info, "config"), "deliver_subject").empty();
        out << fmt::format(kRow, stream_cell(printable(c.binding.bound_stream.value_or(c.stream.value_or("")))),
                           durable_cell(printable(c.durable)), push ? "push" : "pull",
                           format_count(uint_or(info, "num_pending")), format_count(uint_or(info, "num_ack_pending")),
                           format_count(uint_or(info, "num_redelivered")),
                           push ? std::string("-") : format_count(uint_or(info, "num_waiting")),
                           ago(c.diagnosis.delivered_ago), verdict_cell(c.diagnosis, style));
    }
    for (const auto& c : result.consumers) {
        if (c.diagnosis.ok() && c.diagnosis.warnings.empty()) continue;
        const std::string who = printable(fmt::format("{}/{}", c.binding.bound_stream.value_or(""), c.durable));
        if (!c.diagnosis.ok()) out << fmt::format("{}: {}\n", who, printable(join(c.diagnosis.reasons, "; ")));
        for (const auto& w : c.diagnosis.warnings) out << fmt::format("{}: {}\n", who, style.warn(printable(w)));
    }
    out << fmt::format("{} consumer{}\n", result.consumers.size(), result.consumers.size() == 1 ? "" : "s");
}

}  // namespace

std::string label(const char* text) { return fmt::format(fmt::runtime(kLabel), text); }

void render_header(const ServerFacts& server, std::string_view suffix, std::ostream& out) {
    out << "NATS JetStream @ " << describe_server(server) << suffix << '\n' << std::string(60, '=') << "\n\n";
}

void render_consumer(const ConsumerReport& report, const Style& style, std::ostream& out) {
    const Binding& b = report.binding;
    out << style.bold(fmt::format("Consumer {}", printable(report.durable)));
    if (b.bound_stream) out << " on " << style.bold(printable(*b.bound_stream));
    out << '\n';
    if (!report.stream) {
        // The service tries AA_STREAM_CANDIDATES in order and binds the first that has the durable.
        std::vector<std::string> tried = b.misses;
        if (b.bound_stream) tried.push_back(*b.bound_stream + ": bound");
        out << label("Candidates:") << printable(join(tried, "; ")) << '\n';
    }
    if (b.bound_stream) render_details(b.info, report.diagnosis, style, out);
    render_verdict(report, style, out);
}

void render_human(const SingleResult& result, const Style& style, std::ostream& out) {
    render_header(result.server, "", out);
    render_consumer(result.consumer, style, out);
}

void render_human(const AllResult& result, const Style& style, std::ostream& out) {
    render_header(result.server, "", out);
    render_table(result, style, out);
}

}  // namespace aa::consumer_diag
