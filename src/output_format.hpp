#pragma once
// The formats a command's result can be printed in. text and json every
// command speaks; nagios (a monitoring plugin's status line) and prometheus
// (a text exposition) only the checks that monitors poll: consumer-diag and
// migrate-verify (docs/monitoring.md).

#include <array>
#include <optional>
#include <string>
#include <string_view>

namespace aa {

enum class OutputFormat { text, json, nagios, prometheus };

// The values --format accepts, in the order help and completions show them.
inline constexpr std::array<std::string_view, 4> kOutputFormatNames{"text", "json", "nagios", "prometheus"};

std::string_view to_string(OutputFormat format);
std::optional<OutputFormat> parse_output_format(std::string_view name);

// The format a run prints in, from --json and --format (nullopt when not
// given). --json is the short spelling of --format json; a --format that says
// otherwise is a UsageError (exit 2).
OutputFormat choose_output_format(bool json_flag, const std::optional<std::string>& format_flag);

}  // namespace aa
