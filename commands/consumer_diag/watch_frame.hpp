#pragma once
// A --watch sample as a result, rendered like every other: the frame is the
// consumer's report plus what the samples so far say about its backlog (rate,
// ETA, trend). Its content is the same on a terminal and in a pipe or a log
// (as `top -b` prints whole frames); the terminal only redraws it in place.

#include <cstdint>
#include <ostream>
#include <vector>

#include "commands/consumer_diag/progress.hpp"
#include "commands/consumer_diag/report.hpp"
#include "src/output.hpp"

namespace aa::consumer_diag {

struct WatchFrame {
    ServerFacts server;
    TimePoint at;                      // when the sample was taken
    ConsumerReport consumer;
    Progress progress;
    std::vector<std::uint64_t> trend;  // num_pending of the latest samples, oldest first
};

// The samples of one watch, turned into a frame as each new one comes in.
class WatchHistory {
public:
    WatchFrame record(const ServerFacts& server, ConsumerReport consumer, TimePoint at);

private:
    std::vector<Sample> samples_;
};

// The report's header, whose first line carries the sample's time so that
// frames following each other in a log stand apart; the consumer's report;
// the Rate, ETA and Pending Trend lines; and a blank line.
void render_human(const WatchFrame& frame, const Style& style, std::ostream& out);
// The one-consumer document plus "progress" (printed one per line).
Json to_json(const WatchFrame& frame);
ExitCode exit_code(const WatchFrame& frame);

// Prints FRAME through emit(), one JSON document per line with --json. On a
// terminal (Output::terminal) it first moves home and clears the screen, so
// each frame replaces the last: decoration only, the content stays the same.
ExitCode emit_frame(const Output& output, const WatchFrame& frame);

}  // namespace aa::consumer_diag
