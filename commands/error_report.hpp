#pragma once
// How a run that ended by an exception is told to the operator: one mapping
// from what was thrown to an exit code and a message, for every command
// (docs/exit-codes.md). An aa::Error carries its own code; anything else is a
// bug in aa-nats and says so (exit 4), never passing for a NATS problem.

#include <exception>
#include <ostream>
#include <string>
#include <vector>

#include "src/errors.hpp"
#include "src/json_access.hpp"
#include "src/output_format.hpp"

namespace aa {

struct ErrorReport {
    ExitCode code = ExitCode::internal;
    std::string message;  // scrubbed of every secret; exact, as the JSON document carries it

    // The line for stderr: "aa-nats: error: <message>", or for a bug
    // "aa-nats: internal error: ..."; escaped, so a server's text or a name
    // as typed cannot move the cursor or colour the terminal.
    std::string line() const;

    // {"schema_version": 1, "error": {"message": ..., "exit_code": ...}}
    Json document() const;
};

// What ERROR (as caught by `catch (...)`) means for the operator, its message
// scrubbed of SECRETS.
ErrorReport error_report(const std::exception_ptr& error, const std::vector<std::string>& secrets);

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
