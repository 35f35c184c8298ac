#include "src/api_lookup.hpp"

#include "src/jetstream_client.hpp"

#include <fmt/format.h>

#include "src/text.hpp"

namespace aa {

std::string stream_info_verb(const std::string& stream) { return "STREAM.INFO." + stream; }

std::string consumer_info_verb(const std::string& stream, const std::string& durable) {
    return "CONSUMER.INFO." + stream + "." + durable;
}

std::string consumer_list_verb(const std::string& stream) { return "CONSUMER.LIST." + stream; }

Json streams_overlapping_body(const std::string& subject) { return Json{{"offset", 0}, {"subject", subject}}; }

std::optional<Json> info_or_absent(ApiReply reply, const std::string& subject) {
    if (reply.is_error(err_code::kStreamNotFound) || reply.is_error(err_code::kConsumerNotFound)) return std::nullopt;
    if (!reply.ok()) throw ApiFailure(subject, *reply.error);
    return std::move(reply.body);
}

ConsumerPage consumer_page_or_empty(ApiReply reply, const std::string& subject) {
    std::optional<Json> body = info_or_absent(std::move(reply), subject);
    ConsumerPage page;
    if (!body) return page;
    for (const Json& consumer : array_at(*body, "consumers")) page.consumers.push_back(consumer);
    page.complete = static_cast<std::int64_t>(page.consumers.size()) >= int_or(*body, "total");
    return page;
}

std::vector<Json> stream_page(ApiReply reply, const std::string& subject) {
    if (!reply.ok()) throw ApiFailure(subject, *reply.error);
    // On a cluster, streams whose leader did not answer in time are listed
    // under "missing": leaving them out would call their subjects uncaptured.
    if (const auto missing = strings_at(reply.body, "missing"); !missing.empty()) {
        throw ConnectionError(fmt::format("JetStream did not answer for stream {} on {} (no leader?): cannot tell which "
                                          "streams capture the subject",
                                          join(missing), subject));
    }
    std::vector<Json> streams;
    for (const Json& info : array_at(reply.body, "streams")) streams.push_back(info);
    return streams;
}

}  // namespace aa
