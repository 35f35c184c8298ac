#pragma once
// Human and JSON renderings of consumer-diag reports. Names, subjects,
// reasons and warnings (which quote the server) reach the terminal through printable().

#include <ostream>
#include <string>
#include <string_view>

#include "commands/consumer_diag/report.hpp"
#include "src/output.hpp"

namespace aa::consumer_diag {

// Each result starts as the other commands' reports do (render_header), then
// the consumer's report, or the --all table.
void render_human(const SingleResult& result, const Style& style, std::ostream& out);
void render_human(const AllResult& result, const Style& style, std::ostream& out);

// Each carries the server's facts under "server", as the other commands' documents do.
Json to_json(const SingleResult& result);
Json to_json(const AllResult& result);
// One consumer's document: also each item of --all's "consumers".
Json to_json(const ConsumerReport& report);

// "NATS JetStream @ <server><SUFFIX>", a rule of 60 '=' and a blank line.
void render_header(const ServerFacts& server, std::string_view suffix, std::ostream& out);

// One consumer's report: its binding, facts, verdict, reasons and warnings.
void render_consumer(const ConsumerReport& report, const Style& style, std::ostream& out);

// The label column every line of a report starts with: "  Verdict:          ".
inline constexpr const char* kLabel = "  {:<18}";
std::string label(const char* text);

}  // namespace aa::consumer_diag
