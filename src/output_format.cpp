#include "src/output_format.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "src/errors.hpp"

namespace aa {

std::string_view to_string(OutputFormat format) {
    return kOutputFormatNames[static_cast<std::size_t>(format)];
}

std::optional<OutputFormat> parse_output_format(std::string_view name) {
    for (std::size_t i = 0; i < kOutputFormatNames.size(); ++i) {
        if (kOutputFormatNames[i] == name) return static_cast<OutputFormat>(i);
    }
    return std::nullopt;
}

OutputFormat choose_output_format(bool json_flag, const std::optional<std::string>& format_flag) {
    if (!format_flag) return json_flag ? OutputFormat::json : OutputFormat::text;
    const std::optional<OutputFormat> format = parse_output_format(*format_flag);
    if (!format) {
        throw UsageError(fmt::format("--format {}: expected one of {}", *format_flag, fmt::join(kOutputFormatNames, ", ")));
    }
    if (json_flag && *format != OutputFormat::json) {
        throw UsageError(fmt::format("--json and --format {} disagree: give one of them", *format_flag));
    }
    return *format;
}

}  // namespace aa
