#pragma once
// Reading the replies of look-ups that a command sent together in one
// call_many batch (design §6: independent requests in flight together), with
// the same "absent vs. failure" rule the JetStreamClient's own look-ups use.

#include <optional>
#include <string>
#include <vector>

#include "src/jetstream_api.hpp"

namespace aa {

// The verbs of the look-ups, so a batch can mix them in one call_many.
std::string stream_info_verb(const std::string& stream);
std::string consumer_info_verb(const std::string& stream, const std::string& durable);
std::string consumer_list_verb(const std::string& stream);

// "Which streams capture SUBJECT", asked of the server itself: STREAM.LIST
// filtered on a subject answers with the infos of the streams whose subjects
// overlap it (verified on nats-server 2.9.10), without listing the account.
// LIST rather than NAMES: the configs tell a stream that covers the subject
// from one that captures only part of it.
inline constexpr const char* kStreamListVerb = "STREAM.LIST";
Json streams_overlapping_body(const std::string& subject);

// The reply body when REPLY succeeded; nullopt when its err_code says the
// stream (10059) or the consumer (10014) does not exist. Any other API error
// throws ApiFailure naming SUBJECT (exit 3): that is "could not look", not "absent".
std::optional<Json> info_or_absent(ApiReply reply, const std::string& subject);

// One page of a CONSUMER.LIST reply: its consumer infos, and whether the
// server holds more than this page (then list_consumers() pages the rest).
// A stream that does not exist has no consumers.
struct ConsumerPage {
    std::vector<Json> consumers;
    bool complete = true;
};
ConsumerPage consumer_page_or_empty(ApiReply reply, const std::string& subject);

// The stream infos of a filtered STREAM.LIST reply ("streams": null is none).
// An error reply throws ApiFailure naming SUBJECT, and streams the server
// lists as "missing" (a cluster whose stream leader did not answer) throw
// ConnectionError: "could not look", never "captured by no stream". One page
// (256 infos) is read: far more streams than can overlap one subject family.
std::vector<Json> stream_page(ApiReply reply, const std::string& subject);

}  // namespace aa
