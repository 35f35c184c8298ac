#include "commands/consumer_diag/report.hpp"

namespace aa::consumer_diag {

ExitCode exit_code(const ConsumerReport& report) {
    return report.diagnosis.ok() ? ExitCode::ok : ExitCode::check_failed;
}

ExitCode exit_code(const SingleResult& result) { return exit_code(result.consumer); }

ExitCode exit_code(const AllResult& result) {
    if (result.stream_given && !result.streams_missing.empty()) return ExitCode::check_failed;
    for (const auto& c : result.consumers) {
        if (exit_code(c) != ExitCode::ok) return ExitCode::check_failed;
    }
    return ExitCode::ok;
}

}  // namespace aa::consumer_diag
