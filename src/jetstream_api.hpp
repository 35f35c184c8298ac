#pragma once
// The JetStream JSON API's replies and typed errors, parsed without I/O so the
// same code reads live replies, test fixtures and fuzzer input.

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "src/errors.hpp"
#include "src/json_access.hpp"

namespace aa {

// The error object of an API reply: {"code":404,"err_code":10059,"description":"..."}.
struct ApiError {
    int code = 0;
    int err_code = 0;
    std::string description;
};

// The err_code values aa-nats decides on (nats-server's errors.json).
namespace err_code {
inline constexpr int kClusterNotAvailable = 10008;   // no quorum / cluster not available
inline constexpr int kConsumerNotFound = 10014;
inline constexpr int kJetStreamNotEnabledForAccount = 10039;
inline constexpr int kStreamConfigChange = 10052;    // a change the server cannot make in place
inline constexpr int kStreamNameInUse = 10058;
inline constexpr int kStreamNotFound = 10059;
inline constexpr int kSubjectsOverlap = 10065;
inline constexpr int kReplicasNotSupported = 10074;
inline constexpr int kJetStreamNotEnabled = 10076;
inline constexpr int kStreamOffline = 10194;         // 2.11.9+: "stream is offline: REASON"
inline constexpr int kConsumerOffline = 10195;       // 2.11.9+: "consumer is offline: REASON"
}  // namespace err_code

// An API reply that was an error nobody expected (exit 3: JetStream could not do it).
class ApiFailure : public Error {
public:
    ApiFailure(std::string subject, ApiError error);
    const ApiError& api_error() const noexcept { return error_; }
    const std::string& subject() const noexcept { return subject_; }

private:
    std::string subject_;
    ApiError error_;
};

// A stream or consumer the server holds but cannot serve (nats-server
// 2.11.9+/2.12: one written by a newer server, or whose stored config it can
// no longer read): STREAM.INFO answers err_code 10194, CONSUMER.INFO 10195, a
// list page names it under "offline" with the server's reason. It exists, so
// it is never "not found"; the server cannot serve it, as it cannot serve a
// stream without a leader, so nothing that depends on it passes: exit 3
// ("unavailable", as the error document's exit codes allow), naming each
// with the server's reason.
struct OfflineAsset {
    std::string what;    // "stream NAME" or "consumer NAME of stream STREAM"
    std::string reason;  // the server's words
};
// The asset as every message names it.
OfflineAsset offline_stream(const std::string& stream, std::string reason);
OfflineAsset offline_consumer(const std::string& stream, const std::string& consumer, std::string reason);

class AssetsOffline : public Error {
public:
    explicit AssetsOffline(std::vector<OfflineAsset> assets);
    const std::vector<OfflineAsset>& assets() const noexcept { return assets_; }

private:
    std::vector<OfflineAsset> assets_;
};

// The server's reason in a 10194 or 10195 error ("stream is offline: REASON").
std::string offline_reason(const ApiError& error);

// A list page's "offline" member (name -> reason), in name order; empty when
// null or absent. Throws ParseError unless an object of strings.
std::vector<std::pair<std::string, std::string>> offline_of(const Json& member);

// "bad reply on SUBJECT: WHAT", for a reply that is not what was asked for
// (not JSON, or not of the shape its question calls for): exit 3, as the
// server could not be read.
ConnectionError bad_reply(const std::string& subject, std::string_view what);

struct ApiReply {
    Json body;                    // the whole reply as received (null when read as text)
    std::optional<ApiError> error;
    std::string text{};           // the whole reply as received, when read as text ({}: {body, error} stays complete)

    bool ok() const { return !error.has_value(); }
    bool is_error(int code) const { return error && error->err_code == code; }
};

// Parses a reply. Throws ParseError when it is not a JSON object, nests
// deeper than json_text::kMaxDepth (checked before a tree is built) or its
// "error" member is malformed.
ApiReply parse_api_reply(std::string_view data);

// Reads a reply as text: checked to be a JSON object as parse_api_reply
// would (src/json_text.hpp) and kept as it came, with a tree of its "error"
// member only. For replies passed on as the server wrote them.
ApiReply parse_api_reply_text(std::string data);

}  // namespace aa
