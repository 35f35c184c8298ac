#include "src/jetstream_client.hpp"

#include "src/api_lookup.hpp"

#include <set>

#include <fmt/chrono.h>
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

JetStreamClient::JetStreamClient(NatsConnection& connection, std::string api_prefix, std::chrono::milliseconds timeout)
    : connection_(connection), prefix_(std::move(api_prefix)), timeout_(timeout) {}

std::string JetStreamClient::subject_of(const std::string& verb) const { return prefix_ + "." + verb; }

std::vector<CallOutcome> JetStreamClient::call_each(const std::vector<ApiCall>& calls) {
    std::vector<Request> requests;
    requests.reserve(calls.size());
    for (const auto& c : calls) requests.push_back({subject_of(c.verb), c.body.is_null() ? std::string() : c.body.dump()});
    const std::vector<Reply> replies = connection_.request_many(requests, timeout_);

    std::vector<CallOutcome> outcomes(replies.size());
    for (std::size_t i = 0; i < replies.size(); ++i) {
        const std::string& subject = requests[i].subject;
        CallOutcome& outcome = outcomes[i];
        switch (replies[i].status) {
            case Reply::Status::no_responders:
                outcome.failure = fmt::format(
                    "JetStream is not enabled or not reachable: no responders on {} (check the server runs with "
                    "JetStream, and --js-domain/--js-api-prefix)",
                    subject);
                continue;
            case Reply::Status::timeout:
                outcome.failure = fmt::format("JetStream unavailable: no reply on {} within {}", subject, timeout_);
                continue;
            case Reply::Status::lost:
                outcome.failure = fmt::format("the connection to NATS was lost before the reply on {}", subject);
                continue;
            case Reply::Status::ok: break;
        }
        try {
            outcome.reply = parse_api_reply(replies[i].data);
        } catch (const ParseError& e) {
            outcome.failure = fmt::format("bad reply on {}: {}", subject, e.what());
        }
    }
    return outcomes;
}

std::vector<ApiReply> JetStreamClient::call_many(const std::vector<ApiCall>& calls) {
    std::vector<ApiReply> parsed;
    parsed.reserve(calls.size());
    for (CallOutcome& outcome : call_each(calls)) {
        if (!outcome.reply) throw ConnectionError(outcome.failure);
        parsed.push_back(std::move(*outcome.reply));
    }
    return parsed;
}

ApiReply JetStreamClient::call(const std::string& verb, const Json& body) {
    return std::move(call_many({{verb, body}}).front());
}

std::vector<std::optional<Json>> JetStreamClient::stream_infos(const std::vector<std::string>& names) {
    std::vector<ApiCall> calls;
    calls.reserve(names.size());
    for (const auto& name : names) calls.push_back({stream_info_verb(name), nullptr});
    return infos_or_absent(calls);
}

std::vector<std::optional<Json>> JetStreamClient::infos_or_absent(const std::vector<ApiCall>& calls) {
    std::vector<ApiReply> replies = call_many(calls);
    std::vector<std::optional<Json>> infos;
    infos.reserve(replies.size());
    for (std::size_t i = 0; i < replies.size(); ++i) {
        infos.push_back(info_or_absent(std::move(replies[i]), subject_of(calls[i].verb)));
    }
    return infos;
}

std::optional<Json> JetStreamClient::stream_info(const std::string& name) { return stream_infos({name}).front(); }

std::vector<Json> JetStreamClient::list_all(const std::string& verb, const char* key) {
    // The first page tells the total; the remaining pages are then asked for
    // together, so thousands of streams cost two round trips, not dozens.
    std::vector<Json> items;
    std::set<std::string> seen;
    // Keeps the items not seen yet and says how many those were.
    auto absorb = [&](const ApiReply& reply) {
        std::size_t added = 0;
        for (const auto& item : array_at(reply.body, key)) {
            const std::string name = string_or(item, "name", string_or(object_at(item, "config"), "name"));
            if (seen.insert(name).second) {
                items.push_back(item);
                ++added;
            }
        }
        return added;
    };
    auto check = [&](const ApiReply& reply) {
        if (!reply.ok()) throw ApiFailure(subject_of(verb), *reply.error);
    };

    ApiReply first = call(verb, Json{{"offset", 0}});
    check(first);
    absorb(first);
    const std::size_t page = array_at(first.body, key).size();
    const std::int64_t total = int_or(first.body, "total");
    if (page == 0) return items;

    // "total" is the server's word: a reply claiming billions must not make
    // billions of requests (or exhaust memory building them), so at most
    // kMaxPagesInFlight pages are asked for at once, and paging stops as soon
    // as a batch brings nothing new.
    constexpr std::size_t kMaxPagesInFlight = 64;
    std::int64_t offset = static_cast<std::int64_t>(page);
    while (offset < total) {
        std::vector<ApiCall> calls;
        for (std::int64_t next = offset; next < total && calls.size() < kMaxPagesInFlight;
             next += static_cast<std::int64_t>(page)) {
            calls.push_back({verb, Json{{"offset", next}}});
        }
        std::size_t got = 0;
        for (const ApiReply& reply : call_many(calls)) {
            check(reply);
            got += absorb(reply);
        }
        // Nothing new: the set shrank while paging, or the server repeats itself.
        if (got == 0) break;
        // When items vanished while paging, the next pass asks from where we are.
        offset += static_cast<std::int64_t>(got);
    }
    return items;
}

std::vector<Json> JetStreamClient::list_streams() { return list_all("STREAM.LIST", "streams"); }

std::vector<std::optional<Json>> JetStreamClient::consumer_infos(
    const std::vector<std::pair<std::string, std::string>>& ids) {
    std::vector<ApiCall> calls;
    calls.reserve(ids.size());
    for (const auto& [stream, durable] : ids) calls.push_back({consumer_info_verb(stream, durable), nullptr});
    return infos_or_absent(calls);
}

std::optional<Json> JetStreamClient::consumer_info(const std::string& stream, const std::string& durable) {
    return consumer_infos({{stream, durable}}).front();
}

std::vector<Json> JetStreamClient::list_consumers(const std::string& stream) {
    return list_all(consumer_list_verb(stream), "consumers");
}

ApiCall JetStreamClient::create_stream_call(const Json& config) {
    return {"STREAM.CREATE." + string_or(config, "name"), config};
}

ApiCall JetStreamClient::update_stream_call(const Json& config) {
    return {"STREAM.UPDATE." + string_or(config, "name"), config};
}

ApiCall JetStreamClient::delete_stream_call(const std::string& name) { return {"STREAM.DELETE." + name, nullptr}; }

ApiReply JetStreamClient::create_stream(const Json& config) {
    const ApiCall c = create_stream_call(config);
    return call(c.verb, c.body);
}

ApiReply JetStreamClient::update_stream(const Json& config) {
    const ApiCall c = update_stream_call(config);
    return call(c.verb, c.body);
}

ApiReply JetStreamClient::delete_stream(const std::string& name) {
    const ApiCall c = delete_stream_call(name);
    return call(c.verb, c.body);
}

}  // namespace aa
