#include "src/jetstream_api.hpp"

#include <fmt/format.h>

#include "src/json_text.hpp"
#include "src/text.hpp"

namespace aa {
namespace {

std::string describe_api_error(const std::string& subject, const ApiError& error) {
    return fmt::format("JetStream error on {}: {} (code {}, err_code {})", subject, error.description, error.code,
                       error.err_code);
}

// The "error" member of a reply; none when it is null.
std::optional<ApiError> api_error_of(const Json& member) {
    if (member.is_null()) return std::nullopt;
    if (!member.is_object()) throw ParseError("the reply's \"error\" is not an object");
    ApiError error;
    error.code = static_cast<int>(int_or(member, "code"));
    error.err_code = static_cast<int>(int_or(member, "err_code"));
    error.description = string_or(member, "description", "unknown error");
    return error;
}

// Checks DATA is a JSON object nested no deeper than json_text::kMaxDepth,
// before any tree is built of it: the one gate every server reply passes.
void check_reply_text(std::string_view data) {
    try {
        json_text::validate(data);
    } catch (const ParseError& e) {
        throw ParseError(fmt::format("the reply is {}", e.what()));
    }
    if (!json_text::is_object(data)) throw ParseError("the reply is not a JSON object");
}

}  // namespace

ApiFailure::ApiFailure(std::string subject, ApiError error)
    : Error(ExitCode::unavailable, describe_api_error(subject, error)), subject_(std::move(subject)),
      error_(std::move(error)) {}

AssetsOffline::AssetsOffline(std::vector<OfflineAsset> assets)
    : Error(ExitCode::unavailable, [&] {
          std::vector<std::string> parts;
          for (const OfflineAsset& a : assets) parts.push_back(fmt::format("{} is offline: {}", a.what, a.reason));
          return join(parts, "; ");
      }()),
      assets_(std::move(assets)) {}

OfflineAsset offline_stream(const std::string& stream, std::string reason) {
    return {"stream " + stream, std::move(reason)};
}

OfflineAsset offline_consumer(const std::string& stream, const std::string& consumer, std::string reason) {
    return {fmt::format("consumer {} of stream {}", consumer, stream), std::move(reason)};
}

std::string offline_reason(const ApiError& error) {
    const std::string_view text = error.description;
    const auto colon = text.find(": ");
    return std::string(colon == std::string_view::npos ? text : text.substr(colon + 2));
}

std::vector<std::pair<std::string, std::string>> offline_of(const Json& member) {
    std::vector<std::pair<std::string, std::string>> offline;
    if (member.is_null()) return offline;
    if (!member.is_object()) throw ParseError("its \"offline\" is not an object");
    for (const auto& [name, reason] : member.items()) {
        if (!reason.is_string()) throw ParseError("its \"offline\" reasons are not strings");
        offline.emplace_back(name, reason.get<std::string>());
    }
    return offline;
}

ConnectionError bad_reply(const std::string& subject, std::string_view what) {
    return ConnectionError(fmt::format("bad reply on {}: {}", subject, what));
}

ApiReply parse_api_reply(std::string_view data) {
    check_reply_text(data);
    ApiReply reply;
    reply.body = Json::parse(data);
    if (const auto it = reply.body.find("error"); it != reply.body.end()) reply.error = api_error_of(*it);
    return reply;
}

ApiReply parse_api_reply_text(std::string data) {
    check_reply_text(data);
    ApiReply reply;
    if (const auto error = json_text::member(data, "error")) reply.error = api_error_of(Json::parse(*error));
    reply.text = std::move(data);
    return reply;
}

}  // namespace aa
