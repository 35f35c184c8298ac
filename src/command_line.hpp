#pragma once
// A command line shown back to the operator (e.g. "complete the move with:
// ..."): pasteable into a shell, and never holding a secret.

#include <string>
#include <utility>
#include <vector>

namespace aa {

// ARGS (argv[0] first) as one shell line: every occurrence of a SECRETS value
// replaced by [REDACTED], arguments quoted where the shell would split or
// expand them, control characters written as $'\xNN' escapes.
std::string shell_command_line(const std::vector<std::string>& args, const std::vector<std::string>& secrets);

// The same, preceded by NAME=value for each of ENVIRONMENT (values quoted and
// scrubbed alike), so that the line carries settings the process environment
// gave: "NODE_ENV=production aa-nats ensure-streams --phase 1".
std::string shell_command_line(const std::vector<std::pair<std::string, std::string>>& environment,
                               const std::vector<std::string>& args, const std::vector<std::string>& secrets);

}  // namespace aa
