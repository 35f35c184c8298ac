#include "commands/stream_info/stream_info.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "commands/stream_info/list_all.hpp"
#include "src/clustering.hpp"

namespace aa::stream_info {
namespace {

// The wanted streams' infos and, for the topology's view, the streams that
// capture each event subject family: one batch, one round trip.
void gather_named(JetStreamClient& js, const std::vector<Target>& wanted, const std::vector<std::string>& families,
                  Result& result) {
    Questions questions;
    std::vector<Ticket<std::optional<Json>>> infos;
    for (const auto& t : wanted) infos.push_back(questions.stream_info(t.name));
    std::vector<Ticket<std::vector<Json>>> capturing;
    for (const auto& family : families) capturing.push_back(questions.streams_overlapping(family));
    Answers answers = js.ask(questions);
    for (std::size_t i = 0; i < wanted.size(); ++i) {
        std::optional<Json> info = answers.take(infos[i]);
        StreamReport report{wanted[i].name, wanted[i].role, info.has_value(), nullptr, std::nullopt};
        if (info) report.info = std::move(*info);
        result.streams.push_back(std::move(report));
    }
    for (std::size_t i = 0; i < families.size(); ++i) {
        result.capture.push_back(capture_of(families[i], subjects_of_streams(answers.take(capturing[i]))));
    }
}

// Checked before connecting: a bad name is a usage error, whatever the server.
void check_options(const Options& options) {
    if (options.all && !options.names.empty()) throw UsageError("--all cannot be combined with stream names");
    for (const auto& name : options.names) {
        if (auto problem = stream_name_problem(name)) throw UsageError(fmt::format("stream \"{}\": {}", name, *problem));
    }
}

// The streams asked for (or the topology's), who captures each event subject
// family, and the server, its clustering settled by the stream infos read.
Result gather(const Options& options, CommandContext& context) {
    JetStreamClient& js = context.jetstream();
    const TopologySettings& topology = context.settings().topology;
    Result result;
    result.names_given = !options.names.empty();
    const auto families = result.names_given ? std::vector<std::string>{} : event_families(topology.mode, /*migrating=*/false);
    gather_named(js, targets(options, topology), families, result);
    result.server = context.server();
    for (const auto& s : result.streams) note_stream_cluster(result.server, s.info);
    return result;
}

}  // namespace

std::optional<StreamRole> role_of(const std::string& name, const TopologySettings& topology) {
    for (const StreamRole role : kAllRoles) {
        if (topology.names.of(role) == name) return role;
    }
    return std::nullopt;
}

std::vector<Target> targets(const Options& options, const TopologySettings& topology) {
    std::vector<Target> out;
    if (!options.names.empty()) {
        for (const auto& name : options.names) out.push_back({name, role_of(name, topology)});
        return out;
    }
    for (const StreamRole role : kAllRoles) out.push_back({topology.names.of(role), role});
    return out;
}

void attach_drift(Result& result, const TopologySettings& topology) {
    const std::vector<DesiredStream> desired = desired_streams(topology);
    for (StreamReport& report : result.streams) {
        const DesiredStream* wanted = report.found ? desired_named(desired, report.name) : nullptr;
        if (wanted) report.drift = diff_managed(object_at(report.info, "config"), *wanted);
    }
}

ExitCode exit_code(const Result& result) {
    if (!result.names_given) return ExitCode::ok;
    const bool missing = std::any_of(result.streams.begin(), result.streams.end(),
                                     [](const StreamReport& s) { return !s.found; });
    return missing ? ExitCode::check_failed : ExitCode::ok;
}

ExitCode run(const Options& options, CommandContext& context) {
    check_options(options);
    if (options.all) return list_all(context);
    Result result = gather(options, context);
    attach_drift(result, context.settings().topology);
    return emit(context.output(), result, render_human, to_json, exit_code);
}

}  // namespace aa::stream_info
