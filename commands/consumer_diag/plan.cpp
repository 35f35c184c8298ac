#include "commands/consumer_diag/plan.hpp"

#include <set>

#include <fmt/format.h>

#include "src/duration.hpp"
#include "src/errors.hpp"
#include "src/service_settings.hpp"
#include "src/topology.hpp"

namespace aa::consumer_diag {
namespace {

std::optional<std::uint64_t> threshold(std::int64_t value) {
    return value < 0 ? std::nullopt : std::optional<std::uint64_t>(static_cast<std::uint64_t>(value));
}

std::chrono::nanoseconds duration_option(const std::string& text, std::string_view flag) {
    try {
        const auto value = parse_duration(text);
        if (value.count() <= 0) throw ParseError(fmt::format("invalid duration \"{}\": must be positive", text));
        return value;
    } catch (const ParseError& e) {
        throw UsageError(fmt::format("{}: {}", flag, e.what()));
    }
}

Thresholds thresholds_of(const Options& options) {
    Thresholds t;
    t.stall_after = duration_option(options.stall_after, kStallAfterOption.flag);
    t.max_pending = threshold(options.max_pending);
    t.max_ack_pending = threshold(options.max_ack_pending);
    t.max_redelivered = threshold(options.max_redelivered);
    return t;
}

// --all: STREAM alone, or each of the topology's streams once (names may repeat across roles).
std::vector<std::string> all_streams_of(const std::optional<std::string>& stream, const Settings& settings) {
    if (stream) return {*stream};
    std::vector<std::string> streams;
    std::set<std::string> seen;
    for (const StreamRole role : kAllRoles) {
        const std::string& name = settings.topology.names.of(role);
        if (seen.insert(name).second) streams.push_back(name);
    }
    return streams;
}

// --watch's interval: the one given, or its row's default when left out.
std::chrono::milliseconds watch_interval_of(const std::string& given) {
    const std::string interval = given.empty() ? std::string(kWatchOption.default_value) : given;
    const auto value = std::chrono::duration_cast<std::chrono::milliseconds>(duration_option(interval, kWatchOption.flag));
    if (value.count() < 100) throw UsageError(fmt::format("{}: the interval must be at least 100ms", kWatchOption.flag));
    return value;
}

}  // namespace

std::optional<ExpectedConfig> Plan::expected_for(const std::string& name) const {
    return name == service_durable ? std::optional<ExpectedConfig>(expected) : std::nullopt;
}

Plan plan_of(const Options& options, const Settings& settings) {
    Plan plan;
    plan.all = options.all;
    if (!options.stream.empty()) {
        if (auto problem = stream_name_problem(options.stream)) {
            throw UsageError(fmt::format("stream \"{}\": {}", options.stream, *problem));
        }
        plan.stream = options.stream;
    }
    const ServiceSettings service =
        resolve_service_settings(settings.env, settings.topology.names.core, settings.topology.names.legacy);
    plan.service_durable = service.hrv_durable;
    plan.durable = options.durable.empty() ? service.hrv_durable : options.durable;
    if (auto problem = durable_name_problem(plan.durable)) {
        throw UsageError(fmt::format("durable \"{}\": {}", plan.durable, *problem));
    }
    plan.candidates = plan.stream ? std::vector<std::string>{*plan.stream} : service.stream_candidates;
    plan.expected = ExpectedConfig{service.hrv_max_deliver, service.hrv_ack_wait};
    plan.thresholds = thresholds_of(options);

    if (options.all) {
        if (!options.durable.empty()) throw UsageError("--all lists every consumer: give a STREAM at most, no DURABLE");
        plan.all_streams = all_streams_of(plan.stream, settings);
    }
    if (options.watch) {
        if (options.all) throw UsageError("--watch follows one consumer; it cannot be combined with --all");
        plan.watch_interval = watch_interval_of(*options.watch);
    }
    if (options.count != 0 && !options.watch) throw UsageError("--count needs --watch");
    plan.count = options.count;
    return plan;
}

}  // namespace aa::consumer_diag
