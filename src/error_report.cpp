#include "src/error_report.hpp"

#include <fmt/format.h>

#include "src/output.hpp"
#include "src/server_url.hpp"
#include "src/text.hpp"

namespace aa {
namespace {

ErrorReport internal_error(const std::string& what) {
    return {ExitCode::internal, fmt::format("internal error: {} (this is a bug in aa-nats; please report it)", what)};
}

ErrorReport unscrubbed_report(const std::exception_ptr& error) {
    try {
        std::rethrow_exception(error);
    } catch (const Error& e) {
        return {e.exit_code(), e.what()};
    } catch (const std::exception& e) {
        // A std::bad_alloc, a JSON type error, a broken invariant: none of
        // them says anything about NATS, so none may exit 3.
        return internal_error(e.what());
    } catch (...) {
        return internal_error("an exception that is not a std::exception");
    }
}

}  // namespace

std::string ErrorReport::line() const {
    // A bug's message names itself ("internal error: ..."): it is no error of the operator's.
    const char* label = code == ExitCode::internal ? "aa-nats: " : "aa-nats: error: ";
    return label + printable_excerpt(message);
}

Json ErrorReport::error() const { return Json{{"message", message}, {"exit_code", static_cast<int>(code)}}; }

Json ErrorReport::document() const { return Json{{"schema_version", kJsonSchemaVersion}, {"error", error()}}; }

ErrorReport error_report(const std::exception_ptr& error, const std::vector<std::string>& secrets) {
    ErrorReport report = unscrubbed_report(error);
    report.message = scrub_secrets(std::move(report.message), secrets);
    return report;
}

}  // namespace aa
