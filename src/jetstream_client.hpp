#pragma once
// JetStream administration through its JSON API ($JS.API.*), over one
// connection. Replies are kept whole so --json can show what the server said.

#include <chrono>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "src/errors.hpp"
#include "src/jetstream_api.hpp"
#include "src/nats_connection.hpp"

namespace aa {

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

// One API call: the verb after the prefix ("STREAM.INFO.X") and its JSON body.
struct ApiCall {
    std::string verb;
    Json body;  // null sends an empty payload
};

// One call's outcome in a batch sent by call_each: its reply, or why there is none.
struct CallOutcome {
    std::optional<ApiReply> reply;
    std::string failure;  // no reply (no responders, timeout, connection lost) or not JSON
};

class JetStreamClient {
public:
    JetStreamClient(NatsConnection& connection, std::string api_prefix, std::chrono::milliseconds timeout);

    // Sends the calls together and returns their replies in order. Throws
    // ConnectionError when a call has no responders (JetStream off or out of
    // reach), times out (unavailable) or gets a reply that is not JSON.
    std::vector<ApiReply> call_many(const std::vector<ApiCall>& calls);
    ApiReply call(const std::string& verb, const Json& body = nullptr);

    // Sends the calls together, back to back (the server handles a
    // connection's requests in order), and returns each one's outcome without
    // throwing: for dependent writes whose caller must know which were answered.
    std::vector<CallOutcome> call_each(const std::vector<ApiCall>& calls);

    // Stream info by name, several at once; nullopt where the stream does not exist.
    std::vector<std::optional<Json>> stream_infos(const std::vector<std::string>& names);
    std::optional<Json> stream_info(const std::string& name);

    // The info of every stream in the account, all pages.
    std::vector<Json> list_streams();

    // Consumer info; nullopt when the stream or the consumer does not exist.
    std::vector<std::optional<Json>> consumer_infos(const std::vector<std::pair<std::string, std::string>>& ids);
    std::optional<Json> consumer_info(const std::string& stream, const std::string& durable);

    // The info of every consumer of STREAM, all pages.
    std::vector<Json> list_consumers(const std::string& stream);

    // Writes. The reply is returned as is, errors included, for the caller to judge.
    ApiReply create_stream(const Json& config);
    ApiReply update_stream(const Json& config);
    ApiReply delete_stream(const std::string& name);
    // The same writes as calls, to send several together with call_each.
    static ApiCall create_stream_call(const Json& config);
    static ApiCall update_stream_call(const Json& config);
    static ApiCall delete_stream_call(const std::string& name);

    // The full subject of a verb under this client's API prefix.
    std::string subject_of(const std::string& verb) const;

    NatsConnection& connection() { return connection_; }

private:
    // Sends INFO calls together; nullopt where the stream or consumer does not exist.
    std::vector<std::optional<Json>> infos_or_absent(const std::vector<ApiCall>& calls);

    // Pages through a LIST verb whose items are under "key".
    std::vector<Json> list_all(const std::string& verb, const char* key);

    NatsConnection& connection_;
    std::string prefix_;
    std::chrono::milliseconds timeout_;
};

}  // namespace aa
