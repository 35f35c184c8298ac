#pragma once
// Human and JSON renderings of consumer-diag's results. Names, subjects,
// reasons and warnings (which quote the server) reach the terminal through printable().

#include <ostream>

#include "commands/consumer_diag/report.hpp"
#include "src/output.hpp"

namespace aa::consumer_diag {

// Each result starts as the other commands' reports do ("NATS JetStream @
// <server>", a rule, a blank line), then the consumer's report, or the --all table.
void render_human(const SingleResult& result, const Style& style, std::ostream& out);
void render_human(const AllResult& result, const Style& style, std::ostream& out);

// Each carries the server's facts under "server", as the other commands' documents do.
Json to_json(const SingleResult& result);
Json to_json(const AllResult& result);
// One consumer's document: also each item of --all's "consumers".
Json to_json(const ConsumerReport& report);

// For monitors (docs/monitoring.md): a plugin status line (render_nagios.cpp)
// and a Prometheus exposition (render_prometheus.cpp).
PluginCheck to_nagios(const SingleResult& result);
PluginCheck to_nagios(const AllResult& result);
Exposition to_prometheus(const SingleResult& result);
Exposition to_prometheus(const AllResult& result);

}  // namespace aa::consumer_diag
