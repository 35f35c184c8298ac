#pragma once
// How a run that ended by an exception is told to the operator: one mapping
// from what was thrown to an exit code and a message, for every command
// (docs/exit-codes.md). An aa::Error carries its own code; anything else is a
// bug in aa-nats and says so (exit 4), never passing for a NATS problem.
// Printing a report in each output format: commands/error_report.hpp.

#include <exception>
#include <string>
#include <vector>

#include "src/errors.hpp"
#include "src/json_access.hpp"

namespace aa {

struct ErrorReport {
    ExitCode code = ExitCode::internal;
    std::string message;  // scrubbed of every secret; exact, as the JSON document carries it

    // The line for stderr: "aa-nats: error: <message>", or for a bug
    // "aa-nats: internal error: ..."; escaped, so a server's text or a name
    // as typed cannot move the cursor or colour the terminal, and cut at
    // kMaxShownTextColumns (src/text.hpp), so a server's text of megabytes
    // stays one line of a screenful.
    std::string line() const;

    // {"message": ..., "exit_code": ...}: the error document's "error".
    Json error() const;

    // {"schema_version": 1, "error": error()}
    Json document() const;
};

// What ERROR (as caught by `catch (...)`) means for the operator, its message
// scrubbed of SECRETS.
ErrorReport error_report(const std::exception_ptr& error, const std::vector<std::string>& secrets);

}  // namespace aa
