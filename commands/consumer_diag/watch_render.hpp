#pragma once
// --watch renderings: the rate, ETA and trend block a report ends with, the
// one line per sample without a terminal, and progress in JSON.

#include <ostream>
#include <string>
#include <vector>

#include "commands/consumer_diag/progress.hpp"
#include "commands/consumer_diag/report.hpp"

namespace aa::consumer_diag {

void render_watch_block(const Progress& progress, const std::vector<Sample>& samples, std::ostream& out);
std::string watch_line(const ConsumerReport& report, const Progress& progress, TimePoint now);
Json to_json(const Progress& progress);

}  // namespace aa::consumer_diag
