#include "src/jetstream_batch.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "src/json_text.hpp"
#include "src/reply_shapes.hpp"
#include "src/text.hpp"

namespace aa {
namespace {

bool absent(const ApiReply& reply) {
    return reply.is_error(err_code::kStreamNotFound) || reply.is_error(err_code::kConsumerNotFound);
}

// An offline stream (10194, also the answer about its consumers) or
// consumer (10195) of QUESTION exists but cannot be read: AssetsOffline.
void throw_if_offline(const ApiReply& reply, const Questions::Question& question) {
    if (reply.is_error(err_code::kStreamOffline)) {
        throw AssetsOffline({offline_stream(question.stream, offline_reason(*reply.error))});
    }
    if (reply.is_error(err_code::kConsumerOffline)) {
        throw AssetsOffline({offline_consumer(question.stream, question.consumer, offline_reason(*reply.error))});
    }
}

// The reply body when the call succeeded; nullopt when the stream (10059) or
// the consumer (10014) does not exist; offline is AssetsOffline; any other
// error is "could not look".
std::optional<Json> body_or_absent(ApiReply reply, const Questions::Question& question, const std::string& subject) {
    if (absent(reply)) return std::nullopt;
    throw_if_offline(reply, question);
    if (!reply.ok()) throw ApiFailure(subject, *reply.error);
    return std::move(reply.body);
}

// The streams (or the consumers of STREAM, when not empty) a list PAGE names offline.
void throw_if_listed_offline(const Json& page, const std::string& stream = {}) {
    const auto it = page.find("offline");
    if (it == page.end()) return;
    std::vector<OfflineAsset> assets;
    for (auto& [name, reason] : offline_of(*it)) {
        assets.push_back(stream.empty() ? offline_stream(name, std::move(reason))
                                        : offline_consumer(stream, name, std::move(reason)));
    }
    if (!assets.empty()) throw AssetsOffline(std::move(assets));
}

// The info of the stream QUESTION asks about; nullopt when it does not exist.
std::optional<Json> stream_info(ApiReply reply, const Questions::Question& question, const std::string& subject) {
    std::optional<Json> info = body_or_absent(std::move(reply), question, subject);
    if (info) check_stream_info(*info, question.stream);
    return info;
}

// A STREAM.INFO asked with {"subjects_filter": ...} counts per matching
// subject under state.subjects (absent when none match).
std::optional<std::uint64_t> stored_on_filter(std::optional<Json> info) {
    if (!info) return std::nullopt;
    std::uint64_t total = 0;
    for (const auto& [_, count] : object_at(object_at(*info, "state"), "subjects").items()) {
        if (count.is_number_unsigned()) total += count.get<std::uint64_t>();
    }
    return total;
}

ConsumerAnswer consumer_answer(ApiReply reply, const Questions::Question& question, const std::string& subject) {
    ConsumerAnswer answer;
    answer.stream_missing = reply.is_error(err_code::kStreamNotFound);
    answer.info = body_or_absent(std::move(reply), question, subject);
    if (answer.info) check_consumer_info(*answer.info, question.stream, question.consumer);
    return answer;
}

ConsumerPage consumer_page(ApiReply reply, const Questions::Question& question, const std::string& subject) {
    const std::optional<Json> body = body_or_absent(std::move(reply), question, subject);
    ConsumerPage page;
    if (!body) return page;  // a stream that does not exist has no consumers
    check_consumer_list(*body, question.stream);
    // An offline consumer is left out of "consumers": listed, it is not healthy.
    throw_if_listed_offline(*body, question.stream);
    for (const Json& consumer : array_at(*body, "consumers")) page.consumers.push_back(consumer);
    page.complete = static_cast<std::int64_t>(page.consumers.size()) >= int_or(*body, "total");
    return page;
}

std::vector<Json> overlapping_streams(ApiReply reply, const std::string& subject) {
    if (!reply.ok()) throw ApiFailure(subject, *reply.error);
    check_stream_list(reply.body);
    // An offline stream may capture the subject: which, the server cannot say.
    throw_if_listed_offline(reply.body);
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

StreamPage stream_page(ApiReply reply, const std::string& subject) {
    if (!reply.ok()) throw ApiFailure(subject, *reply.error);
    return StreamPage(std::move(reply.text));
}

std::optional<int> api_level(const ApiReply& reply) {
    if (!reply.ok()) return std::nullopt;
    const std::int64_t level = int_or(object_at(reply.body, "api"), "level", -1);
    if (level < 0 || level > 1'000'000) return std::nullopt;
    return static_cast<int>(level);
}

Answer read_answer(const Questions::Question& question, ApiReply reply, const std::string& subject) {
    switch (question.kind) {
        case QuestionKind::stream_info: return stream_info(std::move(reply), question, subject);
        case QuestionKind::stored_messages: return stored_on_filter(stream_info(std::move(reply), question, subject));
        case QuestionKind::consumer_info: return consumer_answer(std::move(reply), question, subject);
        case QuestionKind::consumer_page: return consumer_page(std::move(reply), question, subject);
        case QuestionKind::streams_overlapping: return overlapping_streams(std::move(reply), subject);
        case QuestionKind::stream_page: return stream_page(std::move(reply), subject);
        case QuestionKind::api_level: return api_level(reply);
    }
    throw std::logic_error("unknown question kind");
}

}  // namespace

StreamPage::StreamPage(std::string text) : text_(std::move(text)) {
    // nats-server writes these once each, "streams" last but "missing": read up to them only.
    if (const auto streams = json_text::first_member(text_, "streams")) {
        if (!json_text::is_array(*streams) && *streams != "null") {
            throw ParseError("not a list page: its \"streams\" are not a list");
        }
        for (const std::string_view info : json_text::items(*streams)) {
            spans_.emplace_back(static_cast<std::size_t>(info.data() - text_.data()), info.size());
            names_.push_back(stream_name_in_text(info));
        }
    }
    total_ = count_in_text(text_, "total");
    count_in_text(text_, "offset");
    limit_ = json_text::first_member(text_, "limit") ? count_in_text(text_, "limit") : 0;
    // Offline streams (2.11.9+), named with the server's reason: not in "streams".
    if (const auto offline = json_text::first_member(text_, "offline")) offline_ = offline_of(Json::parse(*offline));
    const auto is_offline = [&](const std::string& name) {
        return std::any_of(offline_.begin(), offline_.end(), [&](const auto& o) { return o.first == name; });
    };
    // On a cluster, the streams whose leader did not answer in time, and the
    // offline ones again: not in "streams".
    if (const auto missing = json_text::first_member(text_, "missing")) {
        const Json names = Json::parse(*missing);
        if (names.is_array()) {
            for (const Json& name : names) {
                if (name.is_string() && !is_offline(name.get<std::string>())) missing_.push_back(name.get<std::string>());
            }
        }
    }
}

template <typename Answer>
Ticket<Answer> Questions::add(Question question) {
    questions_.push_back(std::move(question));
    return Ticket<Answer>{questions_.size() - 1};
}

Ticket<std::optional<Json>> Questions::stream_info(const std::string& stream) {
    return add<std::optional<Json>>({QuestionKind::stream_info, "STREAM.INFO." + stream, nullptr, stream});
}

Ticket<std::optional<std::uint64_t>> Questions::stored_messages(const std::string& stream, const std::string& pattern) {
    return add<std::optional<std::uint64_t>>(
        {QuestionKind::stored_messages, "STREAM.INFO." + stream, Json{{"subjects_filter", pattern}}, stream});
}

Ticket<ConsumerAnswer> Questions::consumer_info(const std::string& stream, const std::string& durable) {
    return add<ConsumerAnswer>(
        {QuestionKind::consumer_info, "CONSUMER.INFO." + stream + "." + durable, nullptr, stream, durable});
}

Ticket<ConsumerPage> Questions::first_consumer_page(const std::string& stream) {
    return add<ConsumerPage>({QuestionKind::consumer_page, "CONSUMER.LIST." + stream, Json{{"offset", 0}}, stream});
}

Ticket<std::vector<Json>> Questions::streams_overlapping(const std::string& subject) {
    return add<std::vector<Json>>({QuestionKind::streams_overlapping, "STREAM.LIST", Json{{"offset", 0}, {"subject", subject}}});
}

std::size_t append_stream_page(Json& into, const Json& page) {
    if (!into.contains("streams") || !into["streams"].is_array()) into["streams"] = Json::array();
    Json& streams = into["streams"];
    std::string last = streams.empty() ? std::string() : string_or(object_at(streams.back(), "config"), "name");
    std::size_t added = 0;
    for (const Json& info : array_at(page, "streams")) {
        const std::string name = string_or(object_at(info, "config"), "name");
        if (!streams.empty() && name <= last) continue;
        streams.push_back(info);
        last = name;
        ++added;
    }
    for (const std::string& missing : strings_at(page, "missing")) into["missing"].push_back(missing);
    if (const auto offline = page.find("offline"); offline != page.end() && offline->is_object()) {
        for (const auto& [name, reason] : offline->items()) into["offline"][name] = reason;
    }
    return added;
}

Ticket<StreamPage> Questions::stream_page(std::int64_t offset) {
    return add<StreamPage>({QuestionKind::stream_page, "STREAM.LIST", Json{{"offset", offset}}});
}

Ticket<std::optional<int>> Questions::api_level() {
    return add<std::optional<int>>({QuestionKind::api_level, "INFO", nullptr});
}

Answers read_answers(const Questions& questions, std::vector<ApiReply> replies,
                     const std::vector<std::string>& subjects) {
    const auto& list = questions.list();
    if (replies.size() != list.size() || subjects.size() != list.size()) {
        throw std::logic_error("read_answers: one reply and one subject per question");
    }
    std::vector<Answer> answers;
    answers.reserve(list.size());
    for (std::size_t i = 0; i < list.size(); ++i) {
        try {
            answers.push_back(read_answer(list[i], std::move(replies[i]), subjects[i]));
        } catch (const ParseError& e) {
            throw bad_reply(subjects[i], e.what());
        }
    }
    return Answers(std::move(answers));
}

}  // namespace aa
