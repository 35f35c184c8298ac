#include "commands/consumer_diag.hpp"

#include <charconv>
#include <set>

#include <fmt/format.h>

#include "commands/consumer_diag_plan.hpp"
#include "src/duration.hpp"
#include "src/service_settings.hpp"
#include "src/topology.hpp"

namespace aa::consumer_diag {
namespace {

std::optional<std::uint64_t> threshold(std::int64_t value) {
    return value < 0 ? std::nullopt : std::optional<std::uint64_t>(static_cast<std::uint64_t>(value));
}

std::chrono::nanoseconds duration_option(const std::string& text, const char* flag) {
    try {
        const auto value = parse_duration(text);
        if (value.count() <= 0) throw ParseError(fmt::format("invalid duration \"{}\": must be positive", text));
        return value;
    } catch (const ParseError& e) {
        throw UsageError(fmt::format("{}: {}", flag, e.what()));
    }
}

// A count option's check. CLI11's NonNegativeNumber/PositiveNumber accept
// doubles and answer "Value x not in range 0.000000 to 1797693...(300 digits)".
CLI::Validator whole_number_at_least(std::int64_t minimum) {
    return CLI::Validator(
        [minimum](std::string& input) -> std::string {
            std::int64_t value = 0;
            const char* end = input.data() + input.size();
            const auto [stop, error] = std::from_chars(input.data(), end, value);
            if (error != std::errc() || stop != end || value < minimum) {
                return fmt::format("expected a whole number of at least {}, got \"{}\"", minimum, input);
            }
            return std::string();
        },
        "");
}

}  // namespace

void add_options(CLI::App& command, Options& options) {
    command.add_option("STREAM", options.stream,
                       "stream of the consumer (default: the first of AA_STREAM_CANDIDATES that has the durable)");
    command.add_option("DURABLE", options.durable, "durable name (default: NORMALIZE_HRV_DURABLE, normalize-hrv-durable)");
    command.add_flag("--all", options.all,
                     "every consumer of STREAM, or of the topology's streams that exist, in one table");
    command.add_option("--stall-after", options.stall_after,
                       "pending with nothing delivered for this long is \"stalled\" (default 5m)")
        ->type_name("DURATION");
    command.add_option("--max-pending", options.max_pending, "fail when more than N messages are pending")
        ->check(whole_number_at_least(0))->type_name("N");
    command.add_option("--max-ack-pending", options.max_ack_pending,
                       "fail when more than N messages await acknowledgement")
        ->check(whole_number_at_least(0))->type_name("N");
    command.add_option("--max-redelivered", options.max_redelivered, "fail when more than N messages were redelivered")
        ->check(whole_number_at_least(0))->type_name("N");
    command.add_option("--watch", options.watch,
                       "sample every INTERVAL (default 2s) until Ctrl-C or --count: rate, ETA, pending sparkline")
        ->expected(0, 1)->type_name("[INTERVAL]");
    command.add_option("--count", options.count, "with --watch: stop after N samples")
        ->check(whole_number_at_least(1))->type_name("N");
    command.footer("Service variables: NORMALIZE_HRV_DURABLE, AA_STREAM_CANDIDATES, NORMALIZE_HRV_MAX_DELIVER, "
                   "NORMALIZE_HRV_ACK_WAIT_MS.");
    command.callback([&options, &command]() {
        // A bare --watch has no value to store, so ask CLI11 whether it was given.
        if (command.count("--watch") > 0) options.watch_given = true;
    });
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

    plan.thresholds.stall_after = duration_option(options.stall_after, "--stall-after");
    plan.thresholds.max_pending = threshold(options.max_pending);
    plan.thresholds.max_ack_pending = threshold(options.max_ack_pending);
    plan.thresholds.max_redelivered = threshold(options.max_redelivered);

    if (options.all) {
        if (!options.durable.empty()) throw UsageError("--all lists every consumer: give a STREAM at most, no DURABLE");
        if (plan.stream) {
            plan.all_streams = {*plan.stream};
        } else {
            std::set<std::string> seen;
            for (const StreamRole role : kAllRoles) {
                const std::string& name = settings.topology.names.of(role);
                if (seen.insert(name).second) plan.all_streams.push_back(name);
            }
        }
    }
    if (options.watch_given) {
        if (options.all) throw UsageError("--watch follows one consumer; it cannot be combined with --all");
        const std::string interval = options.watch.empty() || options.watch.front().empty() ? std::string()
                                                                                             : options.watch.front();
        plan.watch_interval = interval.empty() ? kDefaultWatchInterval
                                               : std::chrono::duration_cast<std::chrono::milliseconds>(
                                                     duration_option(interval, "--watch"));
        if (plan.watch_interval->count() < 100) throw UsageError("--watch: the interval must be at least 100ms");
    }
    if (options.count != 0 && !options.watch_given) throw UsageError("--count needs --watch");
    plan.count = options.count;
    return plan;
}

ConsumerReport gather_one(const Plan& plan, JetStreamClient& js, TimePoint now) {
    Questions questions;
    std::vector<Ticket<ConsumerAnswer>> lookups;
    for (const auto& stream : plan.candidates) lookups.push_back(questions.consumer_info(stream, plan.durable));
    Answers answers = js.ask(questions);
    std::vector<ConsumerAnswer> found;
    for (const auto& lookup : lookups) found.push_back(answers.take(lookup));
    ConsumerReport report;
    report.stream = plan.stream;
    report.durable = plan.durable;
    report.binding = choose_binding(plan.candidates, std::move(found));
    const std::optional<ExpectedConfig> expected =
        plan.durable == plan.service_durable ? std::optional<ExpectedConfig>(plan.expected) : std::nullopt;
    report.diagnosis = diagnose(report.binding.info, now, plan.thresholds, expected);
    if (!report.binding.bound_stream) {
        report.diagnosis.reasons.insert(report.diagnosis.reasons.end(), report.binding.misses.begin(),
                                        report.binding.misses.end());
    }
    for (const auto& other : report.binding.also_on) {
        report.diagnosis.warnings.push_back(fmt::format(
            "the durable also exists on {}; the service binds {} because it comes first", other, *report.binding.bound_stream));
    }
    return report;
}

Result gather_all(const Plan& plan, JetStreamClient& js, TimePoint now) {
    Result result;
    result.all = true;
    result.stream_given = plan.stream.has_value();
    Questions questions;
    std::vector<Ticket<std::optional<Json>>> lookups;
    for (const auto& name : plan.all_streams) lookups.push_back(questions.stream_info(name));
    Answers answers = js.ask(questions);
    for (std::size_t i = 0; i < plan.all_streams.size(); ++i) {
        const std::string& name = plan.all_streams[i];
        if (!answers.take(lookups[i])) {
            result.streams_missing.push_back(name);
            continue;
        }
        result.streams_checked.push_back(name);
        for (Json& info : js.list_consumers(name)) {
            ConsumerReport report;
            report.stream = name;
            report.durable = string_or(info, "name");
            report.binding.bound_stream = name;
            report.binding.info = std::move(info);
            const std::optional<ExpectedConfig> expected =
                report.durable == plan.service_durable ? std::optional<ExpectedConfig>(plan.expected) : std::nullopt;
            report.diagnosis = diagnose(report.binding.info, now, plan.thresholds, expected);
            result.consumers.push_back(std::move(report));
        }
    }
    return result;
}

TimePoint wall_now() { return std::chrono::time_point_cast<std::chrono::nanoseconds>(std::chrono::system_clock::now()); }

ExitCode run(const Options& options, CommandContext& context) {
    const Plan plan = plan_of(options, context.settings());
    if (plan.watch_interval) return watch(plan, context);

    JetStreamClient& js = context.jetstream();
    if (plan.all) {
        return emit(context.output(), gather_all(plan, js, wall_now()), render_table, to_json, exit_code);
    }
    return emit(context.output(), gather_one(plan, js, wall_now()), render_human, to_json, exit_code);
}

}  // namespace aa::consumer_diag
