#include "commands/consumer_diag/options.hpp"

#include <charconv>

#include <fmt/format.h>

namespace aa::consumer_diag {
namespace {

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

}  // namespace aa::consumer_diag
