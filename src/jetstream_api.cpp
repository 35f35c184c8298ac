#include "src/jetstream_api.hpp"

#include <fmt/format.h>

namespace aa {
namespace {

std::string describe_api_error(const std::string& subject, const ApiError& error) {
    return fmt::format("JetStream error on {}: {} (code {}, err_code {})", subject, error.description, error.code,
                       error.err_code);
}

}  // namespace

ApiFailure::ApiFailure(std::string subject, ApiError error)
    : Error(ExitCode::unavailable, describe_api_error(subject, error)), subject_(std::move(subject)),
      error_(std::move(error)) {}

ApiReply parse_api_reply(std::string_view data) {
    ApiReply reply;
    reply.body = Json::parse(data, nullptr, /*allow_exceptions=*/false);
    if (reply.body.is_discarded()) throw ParseError("the reply is not valid JSON");
    if (!reply.body.is_object()) throw ParseError("the reply is not a JSON object");
    if (const auto it = reply.body.find("error"); it != reply.body.end() && !it->is_null()) {
        if (!it->is_object()) throw ParseError("the reply's \"error\" is not an object");
        ApiError error;
        error.code = static_cast<int>(int_or(*it, "code"));
        error.err_code = static_cast<int>(int_or(*it, "err_code"));
        error.description = string_or(*it, "description", "unknown error");
        reply.error = std::move(error);
    }
    return reply;
}

}  // namespace aa
