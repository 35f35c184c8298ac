#pragma once
// Where a command's output goes and how it is decorated. Colour paints text
// and, with one exception, changes nothing else: migrate-verify's status
// markers are emoji with colour and PASS/FAIL/WARN without. Tests compare
// exact text with colour off.

#include <ostream>
#include <string>
#include <string_view>

#include "src/errors.hpp"
#include "src/json_access.hpp"
#include "src/nagios.hpp"
#include "src/output_format.hpp"
#include "src/prometheus.hpp"

namespace aa {

class Style {
public:
    explicit Style(bool color) : color_(color) {}
    bool color() const { return color_; }

    std::string good(std::string_view text) const { return paint("32", text); }
    std::string bad(std::string_view text) const { return paint("31", text); }
    std::string warn(std::string_view text) const { return paint("33", text); }
    std::string bold(std::string_view text) const { return paint("1", text); }
    std::string dim(std::string_view text) const { return paint("2", text); }

private:
    std::string paint(std::string_view code, std::string_view text) const;
    bool color_;
};

// How a JSON document is laid out: a whole document (indented), or one line
// of a stream of documents (NDJSON, e.g. a --watch sample per line).
enum class JsonLayout { document, line };

struct Output {
    std::ostream& out;  // results: human text or one JSON document (one per sample with --watch)
    std::ostream& err;  // diagnostics: "aa-nats: error: ..." and warnings
    OutputFormat format = OutputFormat::text;
    Style style{false};
    // Whether `out` is a terminal: decides what is decoration only (colour,
    // redrawing in place), so renderers ask here rather than isatty() themselves.
    bool terminal = false;

    bool json() const { return format == OutputFormat::json; }

    // Prints one JSON document on `out`.
    void print_json(const Json& document, JsonLayout layout = JsonLayout::document) const;
};

// The end of every command's run: RESULT as one JSON document with --json,
// else as human text; then the exit code the result calls for. The three
// functions are the command's own (overload sets resolve on RESULT's type).
// LAYOUT line is for a command that prints a stream of results (--watch).
template <typename Result>
ExitCode emit(const Output& output, const Result& result,
              void (*render_human)(const Result&, const Style&, std::ostream&), Json (*to_json)(const Result&),
              ExitCode (*exit_code)(const Result&), JsonLayout layout = JsonLayout::document) {
    if (output.json()) {
        output.print_json(to_json(result), layout);
    } else {
        render_human(result, output.style, output.out);
    }
    return exit_code(result);
}

// The end of a check's run that monitors may poll (--format nagios or
// prometheus), else as emit() above. Nagios: one status line, and the
// plugin's exit code instead of aa-nats' own. Prometheus: the exposition, and
// aa-nats' own exit code, so a textfile-collector job still sees a failure.
template <typename Result>
ExitCode emit(const Output& output, const Result& result,
              void (*render_human)(const Result&, const Style&, std::ostream&), Json (*to_json)(const Result&),
              ExitCode (*exit_code)(const Result&), PluginCheck (*to_nagios)(const Result&),
              Exposition (*to_prometheus)(const Result&)) {
    if (output.format == OutputFormat::nagios) {
        const PluginCheck check = to_nagios(result);
        output.out << plugin_status_line(check) << '\n';
        return plugin_exit_code(check.status);
    }
    if (output.format == OutputFormat::prometheus) {
        output.out << to_prometheus(result).text();
        return exit_code(result);
    }
    return emit(output, result, render_human, to_json, exit_code);
}

// The schema version every --json document carries (documented in each command's doc).
inline constexpr int kJsonSchemaVersion = 1;

// Whether to colour: a terminal, no --no-color and no NO_COLOR.
bool should_color(bool is_terminal, bool no_color_flag, bool no_color_env);

// Human sizes: "512 B", "1.5 KiB", "3.0 GiB".
std::string format_bytes(std::uint64_t bytes);

// Thousands separators for counts: 1234567 -> "1,234,567".
std::string format_count(std::uint64_t value);

}  // namespace aa
