#pragma once
// The global options (src/global_option_rows.hpp), each tied to the field of
// GlobalFlags that parsing fills: the list the CLI, the completions and the
// man page show, in help order.

#include <string>
#include <vector>

#include "src/cli_definition.hpp"
#include "src/output_format.hpp"
#include "src/settings.hpp"

namespace aa {

// Every global option, bound to FLAGS.
std::vector<BoundOption> global_options(GlobalFlags& flags);

// The values of the secret options among ARGS (argv, program name first), in
// either spelling ("--password x", "--token=x"). Read before parsing, so that
// not even a parse error quoting an argument can echo them.
std::vector<std::string> secrets_in_arguments(const std::vector<std::string>& args);

// Whether --json is among ARGS. Known before parsing, so that a parse error is
// reported as a JSON document too when --json was asked for.
bool json_in_arguments(const std::vector<std::string>& args);

// The format asked for among ARGS: "--format F" or "--format=F" when F is
// one, else json with --json, else text. Known before parsing, so that a
// parse error is reported in the format a monitor reads.
OutputFormat format_in_arguments(const std::vector<std::string>& args);

}  // namespace aa
