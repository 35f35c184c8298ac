#pragma once
// Human and JSON renderings of consumer-diag reports. Names, subjects,
// reasons and warnings (which quote the server) reach the terminal through printable().

#include <ostream>
#include <string>

#include "commands/consumer_diag/report.hpp"
#include "src/output.hpp"

namespace aa::consumer_diag {

void render_human(const ConsumerReport& report, const Style& style, std::ostream& out);
void render_table(const Result& result, const Style& style, std::ostream& out);
Json to_json(const ConsumerReport& report);
Json to_json(const Result& result);

// The label column every line of a report starts with: "  Verdict:          ".
inline constexpr const char* kLabel = "  {:<18}";
std::string label(const char* text);

}  // namespace aa::consumer_diag
