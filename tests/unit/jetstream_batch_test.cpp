// The one JetStream access path: what each question asks, and how its real
// reply is read (the "absent" rule, failures that name the subject asked).

#include <doctest/doctest.h>

#include <functional>

#include "src/jetstream_batch.hpp"
#include "tests/unit/fixtures.hpp"

using aa::Json;
using aa::Questions;
using aa::test::answer_from;
using aa::test::consumer_answer;
using aa::test::fixture;
using aa::test::fixture_text;

namespace {

auto stream_info(Questions& q) { return q.stream_info("AA_DLQ"); }
auto stored(Questions& q) { return q.stored_messages("ATHLETE_ALLY_EVENTS", "vendor.>"); }
auto consumers(Questions& q) { return q.first_consumer_page("AA_CORE_HOT"); }
auto overlapping(Questions& q) { return q.streams_overlapping("vendor.>"); }

aa::Answers read_text(const Questions& questions, const std::string& reply, const std::string& subject) {
    return aa::read_answers(questions, {aa::parse_api_reply(reply)}, {subject});
}

}  // namespace

TEST_CASE("each question is one API verb and body; the client adds the prefix") {
    Questions q;
    q.stream_info("AA_DLQ");
    q.stored_messages("LEGACY", "vendor.>");
    q.consumer_info("AA_CORE_HOT", "normalize-hrv-durable");
    q.first_consumer_page("LEGACY");
    q.streams_overlapping("sleep.*");
    const auto& list = q.list();
    REQUIRE(list.size() == 5);
    CHECK(list[0].verb == "STREAM.INFO.AA_DLQ");
    CHECK(list[0].body.is_null());
    CHECK(list[1].verb == "STREAM.INFO.LEGACY");
    CHECK(list[1].body == Json{{"subjects_filter", "vendor.>"}});
    CHECK(list[2].verb == "CONSUMER.INFO.AA_CORE_HOT.normalize-hrv-durable");
    CHECK(list[3].verb == "CONSUMER.LIST.LEGACY");
    CHECK(list[3].body == Json{{"offset", 0}});
    CHECK(list[4].verb == "STREAM.LIST");
    CHECK(list[4].body == Json{{"offset", 0}, {"subject", "sleep.*"}});
}

TEST_CASE("answers come back in the order asked, each typed by its question") {
    Questions q;
    const auto info = q.stream_info("AA_CORE_HOT");
    const auto missing = q.stream_info("NOPE");
    const auto durable = q.consumer_info("AA_CORE_HOT", "normalize-hrv-durable");
    aa::Answers answers = aa::read_answers(q,
                                           {aa::parse_api_reply(fixture_text("stream_info_single.json")),
                                            aa::parse_api_reply(fixture_text("stream_info_not_found.json")),
                                            aa::parse_api_reply(fixture_text("consumer_info_pull.json"))},
                                           {"s1", "s2", "s3"});
    const std::optional<Json> core = answers.take(info);
    REQUIRE(core.has_value());
    CHECK(*core == fixture("stream_info_single.json"));
    CHECK_FALSE(answers.take(missing).has_value());
    CHECK(answers.take(durable).info->at("num_pending") == 1);
    CHECK_THROWS_AS(aa::read_answers(q, {}, {}), std::logic_error);
}

TEST_CASE("absent is an answer: a stream or a consumer that does not exist") {
    CHECK_FALSE(answer_from("stream_info_not_found.json", stream_info).has_value());

    const aa::ConsumerAnswer no_durable = consumer_answer("consumer_info_not_found.json");
    CHECK_FALSE(no_durable.info.has_value());
    CHECK_FALSE(no_durable.stream_missing);
    const aa::ConsumerAnswer no_stream = consumer_answer("consumer_info_stream_not_found.json");
    CHECK_FALSE(no_stream.info.has_value());
    CHECK(no_stream.stream_missing);
    CHECK(consumer_answer("consumer_info_pull.json").info.has_value());

    const aa::ConsumerPage none = answer_from("consumer_info_stream_not_found.json", consumers);
    CHECK(none.consumers.empty());
    CHECK(none.complete);
}

TEST_CASE("any other API error is 'could not look', naming the subject asked") {
    const std::string quorum =
        R"({"type":"x","error":{"code":503,"err_code":10008,"description":"JetStream system temporarily unavailable"}})";
    for (auto ask : {+[](Questions& q) { q.stream_info("X"); }, +[](Questions& q) { q.consumer_info("X", "d"); },
                     +[](Questions& q) { q.stored_messages("X", "a.>"); }, +[](Questions& q) { q.first_consumer_page("X"); },
                     +[](Questions& q) { q.streams_overlapping("a.>"); }}) {
        Questions q;
        ask(q);
        try {
            read_text(q, quorum, "$JS.API.SUBJECT.ASKED");
            FAIL("an API error other than 'not found' must throw");
        } catch (const aa::ApiFailure& e) {
            CHECK(e.api_error().err_code == 10008);
            CHECK(e.subject() == "$JS.API.SUBJECT.ASKED");
            CHECK(std::string(e.what()).find("$JS.API.SUBJECT.ASKED") != std::string::npos);
            CHECK(e.exit_code() == aa::ExitCode::unavailable);
        }
    }
}

TEST_CASE("stored messages on a subject filter, from real STREAM.INFO replies with subjects_filter") {
    CHECK(answer_from("stream_info_subjects_filter.json", stored) == 3u);
    CHECK(answer_from("stream_info_subjects_filter_none.json", stored) == 0u);
    CHECK_FALSE(answer_from("stream_info_not_found.json", stored).has_value());
    Questions q;
    const auto ticket = stored(q);
    CHECK(read_text(q, R"({"config":{"name":"ATHLETE_ALLY_EVENTS"},"state":{"subjects":{"a":"x","b":2}}})", "s").take(ticket) == 2u);
}

TEST_CASE("a consumer page knows whether the server holds more") {
    const aa::ConsumerPage page = answer_from("consumer_list_page.json", consumers);
    CHECK(page.consumers.size() == 2);
    CHECK(page.complete);
    Json more = fixture("consumer_list_page.json");
    more["total"] = 300;
    Questions q;
    const auto ticket = consumers(q);
    CHECK_FALSE(read_text(q, more.dump(), "s").take(ticket).complete);
}

TEST_CASE("streams overlapping a subject: the infos, none, or 'could not look' when the server lists some missing") {
    CHECK(answer_from("stream_list_page.json", overlapping).size() == 3);
    CHECK(answer_from("stream_list_empty.json", overlapping).empty());
    CHECK(read_text([] { Questions q; overlapping(q); return q; }(), R"({"total":0,"offset":0,"streams":null})", "s")
              .take(aa::Ticket<std::vector<Json>>{0})
              .empty());
    // The shape nats-server gives a list whose stream leaders did not all answer
    // (JSApiStreamListResponse.Missing); made by hand, as no server here can be made to.
    Json missing = fixture("stream_list_empty.json");
    missing["missing"] = {"AA_VENDOR_HOT"};
    Questions q;
    overlapping(q);
    CHECK_THROWS_WITH_AS(read_text(q, missing.dump(), "$JS.API.STREAM.LIST"),
                         doctest::Contains("did not answer for stream AA_VENDOR_HOT on $JS.API.STREAM.LIST"), aa::ConnectionError);
}

TEST_CASE("a later page of a filtered stream list adds the streams after the last one, and its missing names") {
    Json first = fixture("stream_list_page.json");  // AA_AUX_A, AA_AUX_B, AA_CORE_HOT
    Json later = fixture("stream_list_page.json");
    // The list shifted while paging: the later page starts with a stream already read.
    later["streams"].erase(later["streams"].begin());
    later["streams"].push_back(later["streams"].back());
    later["streams"].back()["config"]["name"] = "AA_DLQ";
    later["missing"] = {"AA_VENDOR_HOT"};

    CHECK(aa::append_stream_page(first, later) == 1);
    std::vector<std::string> names;
    for (const Json& info : first.at("streams")) names.push_back(info.at("config").at("name"));
    CHECK(names == std::vector<std::string>{"AA_AUX_A", "AA_AUX_B", "AA_CORE_HOT", "AA_DLQ"});
    CHECK(first.at("missing") == Json{"AA_VENDOR_HOT"});
    // Read as one answer: a missing stream is still "could not look".
    Questions q;
    overlapping(q);
    CHECK_THROWS_AS(aa::read_answers(q, {aa::ApiReply{first, std::nullopt}}, {"s"}), aa::ConnectionError);

    Json empty = fixture("stream_list_empty.json");
    CHECK(aa::append_stream_page(empty, fixture("stream_list_page.json")) == 3);
    CHECK(empty.at("streams").size() == 3);
}

TEST_CASE("a page of the account's streams is asked as text and read as the server wrote it") {
    Questions q;
    const auto page = q.stream_page(512);
    REQUIRE(q.list().size() == 1);
    CHECK(q.list()[0].verb == "STREAM.LIST");
    CHECK(q.list()[0].body == Json{{"offset", 512}});
    CHECK(aa::read_as_text(q.list()[0].kind));
    CHECK_FALSE(aa::read_as_text(aa::QuestionKind::streams_overlapping));

    const std::string text = fixture_text("stream_list_page.json");
    aa::Answers answers = aa::read_answers(q, {aa::parse_api_reply_text(text)}, {"$JS.API.STREAM.LIST"});
    const aa::StreamPage read = answers.take(page);
    REQUIRE(read.size() == 3);
    CHECK(read.total() == 3);
    CHECK(read.limit() == 256);
    CHECK(Json::parse(read.info(1)) == fixture("stream_list_page.json")["streams"][1]);
    CHECK(text.find(read.info(1)) != std::string::npos);  // the server's bytes, not a rendering of them
    CHECK(read.missing().empty());

    // A cluster's page whose streams' leaders did not all answer names them under "missing".
    Json partial = fixture("stream_list_page.json");
    partial["missing"] = {"LONELY", "ALONE"};
    const aa::StreamPage incomplete(partial.dump());
    CHECK(incomplete.size() == 3);
    CHECK(incomplete.missing() == std::vector<std::string>{"LONELY", "ALONE"});

    Questions failing;
    failing.stream_page(0);
    CHECK_THROWS_AS(aa::read_answers(failing, {aa::parse_api_reply_text(fixture_text("stream_info_not_found.json"))},
                                     {"$JS.API.STREAM.LIST"}),
                    aa::ApiFailure);
    CHECK(aa::read_answers(failing, {aa::parse_api_reply_text(fixture_text("stream_list_empty.json"))}, {"s"})
              .take(aa::Ticket<aa::StreamPage>{0})
              .size() == 0);
}

TEST_CASE("a reply that is not what was asked for is a bad reply naming the subject, never an answer of defaults") {
    struct Case {
        std::function<void(Questions&)> ask;
        std::string reply;
        std::string why;
    };
    const std::string core = fixture_text("stream_info_single.json");  // AA_CORE_HOT
    const std::vector<Case> cases{
        {[](Questions& q) { q.stream_info("AA_CORE_HOT"); }, R"({"type":"io.nats.jetstream.api.v1.stream_info_response"})",
         "not a stream info: no \"config\" object"},
        {[](Questions& q) { q.stream_info("AA_DLQ"); }, core, "not a stream info: it names \"AA_CORE_HOT\""},
        {[](Questions& q) { q.stream_info("AA_CORE_HOT"); }, R"({"config":{"name":"AA_CORE_HOT","subjects":[1]},"state":{}})",
         "a subject that is not a string"},
        {[](Questions& q) { q.stream_info("AA_CORE_HOT"); }, R"({"config":{"name":"AA_CORE_HOT"},"state":7})",
         "no \"state\" object"},
        {[](Questions& q) { q.stored_messages("AA_CORE_HOT", "a.>"); }, R"({"state":{"subjects":{"a.b":4}}})",
         "not a stream info"},
        {[](Questions& q) { q.consumer_info("AA_CORE_HOT", "d"); }, R"({"config":{},"num_pending":5})",
         "not a consumer info: no \"stream_name\" string"},
        {[](Questions& q) { q.consumer_info("AA_CORE_HOT", "d"); }, R"({"stream_name":"AA_CORE_HOT","name":"e","config":{}})",
         "not a consumer info: it names \"e\""},
        {[](Questions& q) { q.first_consumer_page("AA_CORE_HOT"); }, R"({"consumers":[]})", "no \"total\" count"},
        {[](Questions& q) { q.first_consumer_page("AA_CORE_HOT"); }, R"({"total":1,"offset":0,"consumers":[{"name":"x"}]})",
         "not a consumer info"},
        {[](Questions& q) { q.streams_overlapping("a.>"); }, R"({"total":-1,"offset":0,"streams":[]})", "no \"total\" count"},
        {[](Questions& q) { q.streams_overlapping("a.>"); }, R"({"total":1,"offset":0,"streams":{"a":1}})", "not a list"},
        {[](Questions& q) { q.stream_page(0); }, R"({"total":"many","offset":0,"streams":[]})", "no \"total\" count"},
        {[](Questions& q) { q.stream_page(0); }, R"({"total":1,"offset":0,"streams":[{"config":{}}]})",
         "an item without config.name or state"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.reply);
        Questions q;
        c.ask(q);
        const aa::ApiReply reply = aa::read_as_text(q.list()[0].kind) ? aa::parse_api_reply_text(c.reply) : aa::parse_api_reply(c.reply);
        CHECK_THROWS_WITH_AS(aa::read_answers(q, {reply}, {"$JS.API.ASKED"}),
                             doctest::Contains("bad reply on $JS.API.ASKED: "), aa::ConnectionError);
        CHECK_THROWS_WITH_AS(aa::read_answers(q, {reply}, {"$JS.API.ASKED"}), doctest::Contains(c.why.c_str()), aa::ConnectionError);
    }
}

TEST_CASE("the API level: 2.15.1's account info names 5; 2.10.27's names none; an error reply is no level") {
    const auto ask = [](aa::Questions& q) { return q.api_level(); };
    CHECK(answer_from("account_info_2.15.1.json", ask) == std::optional<int>(5));
    CHECK(answer_from("account_info_2.10.27.json", ask) == std::nullopt);
    CHECK(answer_from("stream_info_not_found.json", ask) == std::nullopt);
    aa::Questions questions;
    questions.api_level();
    CHECK(questions.list().front().verb == "INFO");
}
