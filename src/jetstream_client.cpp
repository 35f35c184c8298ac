#include "src/jetstream_client.hpp"

#include <algorithm>
#include <set>
#include <utility>

#include <fmt/chrono.h>
#include <fmt/format.h>

#include "src/reply_shapes.hpp"

namespace aa {

JetStreamClient::JetStreamClient(NatsConnection& connection, std::string api_prefix, std::chrono::milliseconds timeout)
    : connection_(connection), prefix_(std::move(api_prefix)), timeout_(timeout) {}

std::string JetStreamClient::subject_of(const std::string& verb) const { return prefix_ + "." + verb; }

std::vector<Request> JetStreamClient::requests_of(const std::vector<ApiCall>& calls) const {
    std::vector<Request> requests;
    requests.reserve(calls.size());
    for (const auto& c : calls) requests.push_back({subject_of(c.verb), c.body.is_null() ? std::string() : c.body.dump()});
    return requests;
}

std::vector<CallOutcome> JetStreamClient::outcomes_of(const std::vector<ApiCall>& calls,
                                                      const std::vector<Request>& requests,
                                                      std::vector<Reply> replies) const {
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
            outcome.reply = calls[i].as_text ? parse_api_reply_text(std::move(replies[i].data))
                                             : parse_api_reply(replies[i].data);
        } catch (const ParseError& e) {
            outcome.failure = bad_reply(subject, e.what()).what();
        }
    }
    return outcomes;
}

std::vector<CallOutcome> JetStreamClient::send_each(const std::vector<ApiCall>& calls) {
    const std::vector<Request> requests = requests_of(calls);
    return outcomes_of(calls, requests, connection_.request_many(requests, timeout_));
}

namespace {

// Runs CHECK, a check of a reply's shape (reply_shapes.hpp), on the reply on SUBJECT.
template <typename Check>
void check_shape(const std::string& subject, Check&& check) {
    try {
        check();
    } catch (const ParseError& e) {
        throw bad_reply(subject, e.what());
    }
}

// The replies of OUTCOMES; ConnectionError for the first call that has none.
std::vector<ApiReply> replies_of(std::vector<CallOutcome> outcomes) {
    std::vector<ApiReply> replies;
    replies.reserve(outcomes.size());
    for (CallOutcome& outcome : outcomes) {
        if (!outcome.reply) throw ConnectionError(outcome.failure);
        replies.push_back(std::move(*outcome.reply));
    }
    return replies;
}

}  // namespace

std::vector<ApiReply> JetStreamClient::call_many(const std::vector<ApiCall>& calls) { return replies_of(send_each(calls)); }

ApiReply JetStreamClient::send(const ApiCall& call) { return std::move(call_many({call}).front()); }

std::string JetStreamClient::connected_url() const { return connection_.connected_url(); }

Answers JetStreamClient::ask(const Questions& questions) { return ask_ahead(questions).wait(); }

PendingAnswers JetStreamClient::ask_ahead(const Questions& questions) {
    Questions asked = questions;
    std::optional<Ticket<std::optional<int>>> api_level;
    if (std::exchange(api_level_wanted_, false)) api_level = asked.api_level();
    std::vector<ApiCall> calls;
    for (const auto& question : asked.list()) calls.push_back({question.verb, question.body, read_as_text(question.kind)});
    std::vector<Request> requests = requests_of(calls);
    PendingReplies replies = connection_.send_requests(requests);
    PendingAnswers pending(*this, std::move(asked), std::move(calls), std::move(requests), std::move(replies));
    pending.api_level_ = api_level;
    return pending;
}

PendingAnswers::PendingAnswers(JetStreamClient& client, Questions questions, std::vector<ApiCall> calls,
                               std::vector<Request> requests, PendingReplies replies)
    : client_(&client), questions_(std::move(questions)), calls_(std::move(calls)), requests_(std::move(requests)),
      replies_(std::move(replies)) {}

Answers PendingAnswers::wait() {
    std::vector<ApiReply> replies = replies_of(client_->outcomes_of(calls_, requests_, replies_.wait(client_->timeout_)));
    client_->complete_filtered_lists(questions_, replies);
    std::vector<std::string> subjects;
    for (const Request& request : requests_) subjects.push_back(request.subject);
    Answers answers = read_answers(questions_, std::move(replies), subjects);
    if (api_level_) client_->api_level_ = answers.take(*api_level_);
    return answers;
}

void JetStreamClient::complete_filtered_lists(const Questions& questions, std::vector<ApiReply>& replies) {
    // More streams overlap one subject than a page holds (256): rare, so the
    // rest is asked for only then, every such question's pages in one more
    // batch. Pages come in name order (nats-server sorts before it pages), so
    // a name not after the last one kept was already seen: the list shifted
    // while paging. Stops when a batch brings nothing new.
    for (std::size_t passes = 0; passes < kMaxPagesInFlight; ++passes) {
        std::vector<ApiCall> calls;
        std::vector<std::size_t> owners;
        for (std::size_t i = 0; i < replies.size(); ++i) {
            const Questions::Question& question = questions.list()[i];
            if (question.kind != QuestionKind::streams_overlapping || !replies[i].ok()) continue;
            const std::int64_t have = static_cast<std::int64_t>(array_at(replies[i].body, "streams").size());
            const std::int64_t limit = std::max<std::int64_t>(int_or(replies[i].body, "limit", 256), 1);
            for (std::int64_t offset = have; offset < int_or(replies[i].body, "total") && calls.size() < kMaxPagesInFlight;
                 offset += limit) {
                Json body = question.body;
                body["offset"] = offset;
                calls.push_back({question.verb, std::move(body)});
                owners.push_back(i);
            }
        }
        if (calls.empty()) return;
        std::size_t added = 0;
        std::vector<ApiReply> pages = call_many(calls);
        for (std::size_t k = 0; k < pages.size(); ++k) {
            const std::string subject = subject_of(calls[k].verb);
            if (!pages[k].ok()) throw ApiFailure(subject, *pages[k].error);
            check_shape(subject, [&] { check_stream_list(pages[k].body); });
            added += append_stream_page(replies[owners[k]].body, pages[k].body);
        }
        if (added == 0) return;
    }
}

std::optional<Json> JetStreamClient::stream_info(const std::string& name) {
    Questions questions;
    const auto info = questions.stream_info(name);
    return ask(questions).take(info);
}

std::vector<Json> JetStreamClient::list_all(const std::string& verb, const char* key,
                                           const std::function<void(const Json&)>& check_page) {
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
        check_shape(subject_of(verb), [&] { check_page(reply.body); });
    };

    ApiReply first = send({verb, Json{{"offset", 0}}});
    check(first);
    absorb(first);
    const std::size_t page = array_at(first.body, key).size();
    const std::int64_t total = int_or(first.body, "total");
    if (page == 0) return items;

    // "total" is the server's word: a reply claiming billions must not make
    // billions of requests (or exhaust memory building them), so at most
    // kMaxPagesInFlight pages are asked for at once, and paging stops as soon
    // as a batch brings nothing new.
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

std::vector<Json> JetStreamClient::list_consumers(const std::string& stream) {
    return list_all("CONSUMER.LIST." + stream, "consumers", [&](const Json& page) { check_consumer_list(page, stream); });
}

ApiCall JetStreamClient::create_stream_call(const Json& config) {
    return {"STREAM.CREATE." + string_or(config, "name"), config};
}

ApiCall JetStreamClient::update_stream_call(const Json& config) {
    return {"STREAM.UPDATE." + string_or(config, "name"), config};
}

ApiCall JetStreamClient::delete_stream_call(const std::string& name) { return {"STREAM.DELETE." + name, nullptr}; }

}  // namespace aa
