#pragma once
// The formats a command's result can be printed in. text and json every
// command speaks; nagios (a monitoring plugin's status line) and prometheus
// (a text exposition) only the checks that monitors poll: consumer-diag and
// migrate-verify (docs/monitoring.md).

#include <array>
#include <optional>
#include <string>
#include <string_view>

#include "src/option_row.hpp"

namespace aa {

enum class OutputFormat { text, json, nagios, prometheus };

// The values --format accepts, in the order help and completions show them.
inline constexpr std::array<std::string_view, 4> kOutputFormatNames{"text", "json", "nagios", "prometheus"};

// --format, a row of consumer-diag's and migrate-verify's definitions.
inline constexpr OptionRow kFormatOption{
    .flag = "--format",
    .value_name = "FORMAT",
    .help = "text, json (as --json), nagios (a plugin status line; exit 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN) "
            "or prometheus (a text exposition for node_exporter's textfile collector)",
    .default_value = "text",
    .allowed = kOutputFormatNames,
    .completion = Completion::choice};

std::string_view to_string(OutputFormat format);
std::optional<OutputFormat> parse_output_format(std::string_view name);

// The format a run prints in, from --json and --format (nullopt when not
// given). --json is the short spelling of --format json; a --format that says
// otherwise is a UsageError (exit 2).
OutputFormat choose_output_format(bool json_flag, const std::optional<std::string>& format_flag);

}  // namespace aa
