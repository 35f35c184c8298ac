#pragma once
// The pieces of a human report that a --watch frame shares with the one-shot
// report (render.cpp defines them): the header, one consumer's report, and
// the label column.

#include <ostream>
#include <string>
#include <string_view>

#include "commands/consumer_diag/report.hpp"
#include "src/output.hpp"

namespace aa::consumer_diag {

// "NATS JetStream @ <server><SUFFIX>", a rule of 60 '=' and a blank line.
void render_header(const ServerFacts& server, std::string_view suffix, std::ostream& out);

// One consumer's report: its binding, facts, verdict, reasons and warnings.
void render_consumer(const ConsumerReport& report, const Style& style, std::ostream& out);

// The label column every line of a report starts with: "  Verdict:          ".
inline constexpr const char* kLabel = "  {:<18}";
std::string label(const char* text);

}  // namespace aa::consumer_diag
