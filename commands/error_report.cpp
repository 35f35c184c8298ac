#include "commands/error_report.hpp"

#include "src/nagios.hpp"
#include "src/prometheus.hpp"

namespace aa {

ExitCode print_error_report(const ErrorReport& report, std::ostream& out, std::ostream& err, bool json) {
    err << report.line() << '\n';
    if (json) out << report.document().dump(2, ' ', false, Json::error_handler_t::replace) << '\n';
    return report.code;
}

ExitCode print_error_report(const ErrorReport& report, std::ostream& out, std::ostream& err, OutputFormat format,
                            std::string_view command) {
    if (format == OutputFormat::nagios) {
        // Unreachable NATS is the outage a monitor is there to see; anything
        // else (a usage error, a bug) says nothing about the server.
        const PluginStatus status = report.code == ExitCode::unavailable ? PluginStatus::critical : PluginStatus::unknown;
        out << plugin_status_line({status, report.message, {}}) << '\n';
        return plugin_exit_code(status);
    }
    const ExitCode code = print_error_report(report, out, err, format == OutputFormat::json);
    if (format == OutputFormat::prometheus) out << failed_run_exposition(command.empty() ? "aa-nats" : command);
    return code;
}

}  // namespace aa
