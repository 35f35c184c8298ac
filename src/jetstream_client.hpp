#pragma once
// JetStream administration through its JSON API ($JS.API.*), over one
// connection: the one path from aa-nats to JetStream, and the only part that
// knows the API's subjects. Replies are kept whole so --json can show what
// the server said.

#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "src/jetstream_api.hpp"
#include "src/jetstream_batch.hpp"
#include "src/nats_connection.hpp"

namespace aa {

// One API call: the verb after the prefix ("STREAM.INFO.X") and its JSON body.
struct ApiCall {
    std::string verb;
    Json body;             // null sends an empty payload
    bool as_text = false;  // read the reply as text (parse_api_reply_text), not into a tree
};

// One call's outcome in a batch sent by send_each: its reply, or why there is none.
struct CallOutcome {
    std::optional<ApiReply> reply;
    std::string failure;  // no reply (no responders, timeout, connection lost) or not JSON
};

class JetStreamClient;

// Questions sent and not yet read (JetStreamClient::ask_ahead): the asker
// may write what it has, or ask more, while the server answers.
class PendingAnswers {
public:
    // Waits for the replies and reads them as ask() does, with the same
    // failures. Once only.
    Answers wait();

private:
    friend class JetStreamClient;
    PendingAnswers(JetStreamClient& client, Questions questions, std::vector<ApiCall> calls,
                   std::vector<Request> requests, PendingReplies replies);

    JetStreamClient* client_;
    Questions questions_;
    std::optional<Ticket<std::optional<int>>> api_level_;  // asked along (ask_api_level_along)
    std::vector<ApiCall> calls_;
    std::vector<Request> requests_;
    PendingReplies replies_;
};

class JetStreamClient {
public:
    JetStreamClient(NatsConnection& connection, std::string api_prefix, std::chrono::milliseconds timeout);

    // Sends every question together (one round trip) and reads the answers
    // (see jetstream_batch.hpp). Throws ConnectionError when a call has no
    // responders (JetStream off or out of reach), times out or gets a reply
    // that is not JSON, and ApiFailure on an API error that is not "absent".
    Answers ask(const Questions& questions);

    // Sends the questions as ask() does, and returns without waiting for the
    // answers: what pipelines a long read (stream-info --all's pages).
    PendingAnswers ask_ahead(const Questions& questions);

    // One stream's info; nullopt when it does not exist.
    std::optional<Json> stream_info(const std::string& name);

    // The info of every consumer of STREAM, all pages.
    std::vector<Json> list_consumers(const std::string& stream);

    // Writes, built here so that only the client spells API subjects.
    static ApiCall create_stream_call(const Json& config);
    static ApiCall update_stream_call(const Json& config);
    static ApiCall delete_stream_call(const std::string& name);

    // Sends one write; its reply is returned as is, errors included, for the
    // caller to judge. Throws ConnectionError as ask() does.
    ApiReply send(const ApiCall& call);
    ApiReply create_stream(const Json& config) { return send(create_stream_call(config)); }

    // Sends the writes together, back to back (the server handles a
    // connection's requests in order), and returns each one's outcome without
    // throwing: for dependent writes whose caller must know which were answered.
    std::vector<CallOutcome> send_each(const std::vector<ApiCall>& calls);

    // The URL of the server this client talks to, without credentials.
    std::string connected_url() const;

    // Asks for the JetStream API level along with the next batch, at no round
    // trip of its own; api_level() has it once that batch is read.
    void ask_api_level_along() { api_level_wanted_ = true; }
    std::optional<int> api_level() const { return api_level_; }

private:
    friend class PendingAnswers;

    bool api_level_wanted_ = false;
    std::optional<int> api_level_;

    // The requests carrying CALLS, and what their REPLIES mean.
    std::vector<Request> requests_of(const std::vector<ApiCall>& calls) const;
    std::vector<CallOutcome> outcomes_of(const std::vector<ApiCall>& calls, const std::vector<Request>& requests,
                                         std::vector<Reply> replies) const;

    // "total" in a list reply is the server's word: at most this many pages
    // are asked for at once, however many it claims.
    static constexpr std::size_t kMaxPagesInFlight = 64;

    // Completes, in place, the replies to streams_overlapping questions that
    // hold one page of more (see the definition).
    void complete_filtered_lists(const Questions& questions, std::vector<ApiReply>& replies);

    // Sends the calls together and returns their replies in order; throws
    // ConnectionError when one has none.
    std::vector<ApiReply> call_many(const std::vector<ApiCall>& calls);

    // Pages through a LIST verb whose items are under "key", each page
    // checked by CHECK_PAGE (a shape check of reply_shapes.hpp).
    std::vector<Json> list_all(const std::string& verb, const char* key, const std::function<void(const Json&)>& check_page);

    // The full subject of a verb under this client's API prefix.
    std::string subject_of(const std::string& verb) const;

    NatsConnection& connection_;
    std::string prefix_;
    std::chrono::milliseconds timeout_;
};

}  // namespace aa
