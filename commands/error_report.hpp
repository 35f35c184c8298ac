#pragma once
// Printing an ErrorReport (src/error_report.hpp) in each output format: the
// end of every run that ended by an exception (docs/exit-codes.md).

#include <ostream>
#include <string_view>

#include "src/error_report.hpp"
#include "src/output_format.hpp"

namespace aa {

// Prints REPORT: its line on ERR and, when JSON, its document on OUT.
// Returns its exit code.
ExitCode print_error_report(const ErrorReport& report, std::ostream& out, std::ostream& err, bool json);

// Prints REPORT of a run of COMMAND in FORMAT. text and json as above.
// nagios: only the status line on OUT (some agents read stderr into the
// plugin's output): CRITICAL when NATS could not be reached (exit 3), as
// natscli's checks do, else UNKNOWN; returns the plugin's exit code.
// prometheus: the line on ERR and an exposition with aa_nats_up 0 on OUT, so
// the collected file stays valid; returns REPORT's exit code.
ExitCode print_error_report(const ErrorReport& report, std::ostream& out, std::ostream& err, OutputFormat format,
                            std::string_view command);

}  // namespace aa
