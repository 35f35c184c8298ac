#pragma once
// A check's result as a monitoring plugin prints it (the Nagios plugin API,
// as Icinga, Naemon and NRPE read it): one line "AA-NATS STATUS: text | perfdata"
// and the exit code 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN, which replaces
// aa-nats' own exit codes in this format (docs/monitoring.md).

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "src/errors.hpp"

namespace aa {

enum class PluginStatus { ok = 0, warning = 1, critical = 2, unknown = 3 };
std::string_view to_string(PluginStatus status);  // "OK", "WARNING", "CRITICAL", "UNKNOWN"

// The process exit code of a plugin that reports STATUS.
ExitCode plugin_exit_code(PluginStatus status);

// One performance datum: 'label'=value[unit];[warn];[crit];[min];[max].
struct PerfDatum {
    std::string label;            // may quote a server's names: escaped on printing
    std::optional<double> value;  // nullopt: "U", the value could not be determined
    std::string unit;             // "", "s", "c" ...
    std::optional<double> warn;   // the plugin warns above this
    std::optional<double> crit;   // the plugin is critical above this
    std::optional<double> min;
};

struct PluginCheck {
    PluginStatus status = PluginStatus::unknown;
    std::string text;  // may quote a server: escaped on printing
    std::vector<PerfDatum> perfdata;
};

// The service name every aa-nats status line starts with.
inline constexpr std::string_view kPluginService = "AA-NATS";

// "AA-NATS OK: text | perfdata" (no " | " part without perfdata), without the
// newline. The text and labels go through printable() (src/text.hpp), so a
// server's text can neither break the line nor move a terminal's cursor, and
// a '|' in them is written "\x7c": it would start the perfdata.
std::string plugin_status_line(const PluginCheck& check);

// A label as perfdata writes it: escaped like the text, a ' doubled, and in
// single quotes when it holds a space, '=' or '.
std::string perfdata_label(std::string_view label);

}  // namespace aa
