#include "commands/stream_info.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace aa::stream_info {

void add_options(CLI::App& command, Options& options) {
    command.add_option("STREAM", options.names, "streams to show (default: the topology's core, vendor, DLQ and legacy streams)");
    command.add_flag("--all", options.all, "every stream in the account, as a table sorted by name");
}

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
    for (const DesiredStream& desired : desired_streams(topology)) {
        for (StreamReport& report : result.streams) {
            if (report.found && report.name == desired.name) {
                report.drift = diff_managed(object_at(report.info, "config"), desired);
            }
        }
    }
}

ExitCode exit_code(const Result& result) {
    if (!result.names_given) return ExitCode::ok;
    const bool missing = std::any_of(result.streams.begin(), result.streams.end(),
                                     [](const StreamReport& s) { return !s.found; });
    return missing ? ExitCode::check_failed : ExitCode::ok;
}

ExitCode run(const Options& options, CommandContext& context) {
    if (options.all && !options.names.empty()) throw UsageError("--all cannot be combined with stream names");
    for (const auto& name : options.names) {
        if (auto problem = stream_name_problem(name)) throw UsageError(fmt::format("stream \"{}\": {}", name, *problem));
    }

    JetStreamClient& js = context.jetstream();
    Result result;
    result.all = options.all;
    result.names_given = !options.names.empty();
    if (options.all) {
        for (Json& info : js.list_streams()) {
            StreamReport report;
            report.name = string_or(object_at(info, "config"), "name");
            report.role = role_of(report.name, context.settings().topology);
            report.found = true;
            report.info = std::move(info);
            result.streams.push_back(std::move(report));
        }
        std::sort(result.streams.begin(), result.streams.end(),
                  [](const StreamReport& a, const StreamReport& b) { return a.name < b.name; });
    } else {
        const std::vector<Target> wanted = targets(options, context.settings().topology);
        std::vector<std::string> names;
        for (const auto& t : wanted) names.push_back(t.name);
        std::vector<std::optional<Json>> infos = js.stream_infos(names);
        for (std::size_t i = 0; i < wanted.size(); ++i) {
            StreamReport report{wanted[i].name, wanted[i].role, infos[i].has_value(), nullptr, std::nullopt};
            if (infos[i]) report.info = std::move(*infos[i]);
            result.streams.push_back(std::move(report));
        }
    }
    attach_drift(result, context.settings().topology);
    result.server = context.server();
    for (const auto& s : result.streams) note_stream_cluster(result.server, s.info);

    return emit(context.output(), result, render_human, to_json, exit_code);
}

}  // namespace aa::stream_info
