#pragma once
// What makes a JetStream reply the thing it claims to be. Something that
// speaks NATS but is not JetStream (a broken proxy, a half-upgraded server, a
// hostile endpoint) can answer any JSON object; read with fallbacks, it would
// pass for a stream with no subjects and no limits, and a capture verdict
// would be built on it. So every reply is checked for the members aa-nats
// reads before it is read: a stream info names the stream asked and has a
// state, a consumer info names its stream and itself, a list page counts its
// items. Pure; throws only ParseError, which the reader turns into "bad
// reply on SUBJECT" (exit 3).

#include <cstdint>
#include <string>
#include <string_view>

#include "src/json_access.hpp"

namespace aa {

// Throws ParseError unless INFO is a stream info: an object whose "config" is
// an object naming the stream (NAME, unless NAME is empty: any name), whose
// "subjects", when present, are strings, and whose "state" is an object.
void check_stream_info(const Json& info, std::string_view name);

// Throws ParseError unless INFO is a consumer info of STREAM: an object whose
// "stream_name" is STREAM, whose "name" is DURABLE (unless DURABLE is empty:
// any non-empty name) and whose "config" is an object.
void check_consumer_info(const Json& info, std::string_view stream, std::string_view durable);

// Throws ParseError unless PAGE is a page of STREAM.LIST: "total" and
// "offset" are integers of at least 0 and "streams" is null or a list of
// stream infos (of any name).
void check_stream_list(const Json& page);

// The same for a page of CONSUMER.LIST of STREAM: "consumers" is null or a
// list of consumer infos of STREAM.
void check_consumer_list(const Json& page, std::string_view stream);

// The same rules read on text, for STREAM.LIST pages kept as the server
// wrote them (StreamPage): the count member KEY of the page text PAGE, and
// the name of the stream whose info text is INFO. ParseError when the count
// is absent or not one, or INFO is not a stream info (a config object naming
// the stream, and a state object).
std::int64_t count_in_text(std::string_view page, std::string_view key);
std::string stream_name_in_text(std::string_view info);

}  // namespace aa
