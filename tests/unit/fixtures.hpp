#pragma once
// Reads the fixtures captured from real nats-server replies (tests/fixtures/README.md),
// and makes the other inputs unit tests feed the core (a made-up environment).

#include <fstream>
#include <map>
#include <optional>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#include "src/environment.hpp"
#include "src/jetstream_batch.hpp"

namespace aa::test {

inline std::string fixture_text(const std::string& name) {
    std::ifstream in(std::string(AA_FIXTURES_DIR) + "/" + name);
    if (!in) throw std::runtime_error("missing fixture " + name);
    std::ostringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

inline nlohmann::json fixture(const std::string& name) { return nlohmann::json::parse(fixture_text(name)); }

// What the JetStream client answers to one question, read from the real reply
// in fixture REPLY (as if sent on SUBJECT). ASK adds the question.
template <typename Ask>
auto answer_from(const std::string& reply, Ask ask, const std::string& subject = "$JS.API.TEST") {
    aa::Questions questions;
    const auto ticket = ask(questions);
    return aa::read_answers(questions, {aa::parse_api_reply(fixture_text(reply))}, {subject}).take(ticket);
}

// The answer to the look-up of a durable, from the real CONSUMER.INFO reply
// in fixture REPLY, asked of the stream and durable the reply names (as a
// reply must: src/reply_shapes.hpp), or of "S" and "D" for an error reply.
inline aa::ConsumerAnswer consumer_answer(const std::string& reply) {
    const nlohmann::json info = fixture(reply);
    const std::string stream = info.value("stream_name", "S");
    const std::string durable = info.value("name", "D");
    return answer_from(reply, [&](aa::Questions& q) { return q.consumer_info(stream, durable); });
}

// An environment holding exactly VALUES (no process environment, no env file).
inline aa::Environment env_of(std::map<std::string, std::string> values) {
    return aa::Environment(
        [values](const std::string& key) -> std::optional<std::string> {
            auto it = values.find(key);
            if (it == values.end()) return std::nullopt;
            return it->second;
        },
        {});
}

}  // namespace aa::test
