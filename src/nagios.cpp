#include "src/nagios.hpp"

#include <cmath>

#include <fmt/format.h>

#include "src/text.hpp"

namespace aa {
namespace {

// printable() escapes a backslash as "\\", so "\x7c" can only mean a '|'.
std::string without_pipes(std::string text) {
    std::string out;
    for (const char c : text) {
        if (c == '|') {
            out += "\\x7c";
        } else {
            out += c;
        }
    }
    return out;
}

std::string escaped(std::string_view text) { return without_pipes(printable(text)); }

// Whole numbers as such ("1500"), others to the millisecond ("12.345").
std::string number(double value) {
    if (value == std::floor(value) && std::fabs(value) < 1e15) return fmt::format("{:.0f}", value);
    return fmt::format("{:.3f}", value);
}

std::string optional_number(const std::optional<double>& value) { return value ? number(*value) : std::string(); }

std::string datum(const PerfDatum& d) {
    std::string text = perfdata_label(d.label) + '=' + (d.value ? number(*d.value) + d.unit : std::string("U"));
    // Trailing empty fields are left out: "pending=3;;1000;0", "pending=3".
    std::vector<std::string> fields{optional_number(d.warn), optional_number(d.crit), optional_number(d.min)};
    while (!fields.empty() && fields.back().empty()) fields.pop_back();
    for (const auto& field : fields) text += ';' + field;
    return text;
}

}  // namespace

std::string_view to_string(PluginStatus status) {
    switch (status) {
        case PluginStatus::ok: return "OK";
        case PluginStatus::warning: return "WARNING";
        case PluginStatus::critical: return "CRITICAL";
        case PluginStatus::unknown: return "UNKNOWN";
    }
    return "UNKNOWN";
}

ExitCode plugin_exit_code(PluginStatus status) {
    // The plugin API's numbers, not aa-nats' meanings: 2 is CRITICAL here, not a usage error.
    return static_cast<ExitCode>(static_cast<int>(status));
}

std::string perfdata_label(std::string_view label) {
    std::string text;
    for (const char c : escaped(label)) {
        text += c;
        if (c == '\'') text += '\'';
    }
    if (text.find_first_of(" ='") == std::string::npos) return text;
    return '\'' + text + '\'';
}

std::string plugin_status_line(const PluginCheck& check) {
    std::string line = fmt::format("{} {}: {}", kPluginService, to_string(check.status), escaped(check.text));
    if (check.perfdata.empty()) return line;
    line += " |";
    for (const auto& d : check.perfdata) line += ' ' + datum(d);
    return line;
}

}  // namespace aa
