// stream-info --all's writers on a page captured from nats-server 2.9.10: the
// JSON document has stream-info's shape and print_json's layout, with each
// stream's info the server's text as it came; the table's columns hold.

#include <doctest/doctest.h>

#include <sstream>

#include "commands/stream_info/listing.hpp"
#include "src/jetstream_batch.hpp"
#include "src/json_text.hpp"
#include "tests/unit/fixtures.hpp"

namespace si = aa::stream_info;
using aa::Json;

namespace {

aa::ServerFacts server() {
    aa::ServerFacts facts;
    facts.url = "nats://127.0.0.1:4222";
    facts.version = "2.9.10";
    facts.clustering = aa::Clustering::standalone;
    return facts;
}

std::vector<aa::FamilyCapture> capture() {
    return aa::capture_of_all({"athlete-ally.>", "dlq.>"}, {{"AA_CORE_HOT", {"athlete-ally.>", "sleep.*"}}});
}

// The page's streams as the listing hands them on: AA_CORE_HOT with its role and a drift.
std::vector<si::ListedStream> listed(const aa::StreamPage& page) {
    std::vector<si::ListedStream> out;
    for (std::size_t i = 0; i < page.size(); ++i) {
        const auto name = aa::json_text::member(*aa::json_text::member(page.info(i), "config"), "name");
        si::ListedStream stream{*aa::json_text::string_value(*name), page.info(i), std::nullopt, std::nullopt};
        if (stream.name == "AA_CORE_HOT") {
            stream.role = aa::StreamRole::core;
            stream.drift = std::vector<aa::FieldChange>{{"max_age", Json(1), Json(2)}};
        }
        out.push_back(stream);
    }
    return out;
}

std::string write_json(const std::vector<si::ListedStream>& streams, const std::optional<std::string>& error = {}) {
    std::ostringstream out;
    const auto writer = si::json_writer(out);
    writer->begin(server(), capture());
    for (const auto& s : streams) writer->add(s);
    if (error) {
        writer->end_with_error({aa::ExitCode::unavailable, *error});
    } else {
        writer->end();
    }
    return out.str();
}

}  // namespace

TEST_CASE("--all --json: print_json's document, each info the server's own text") {
    const aa::StreamPage page(aa::test::fixture_text("stream_list_page.json"));
    REQUIRE(page.size() == 3);
    const auto streams = listed(page);
    const std::string written = write_json(streams);

    // The same document stream-info's --json prints, with each info laid out
    // as the server wrote it instead of re-indented.
    Json expected{{"schema_version", 1}, {"server", aa::to_json(server())}, {"capture", aa::to_json(capture())},
                  {"uncaptured", aa::lost_families(capture())}, {"streams", Json::array()}};
    for (std::size_t i = 0; i < streams.size(); ++i) {
        Json item{{"name", streams[i].name}, {"found", true}, {"info", "INFO" + std::to_string(i)}};
        if (streams[i].role) item["role"] = "core";
        if (streams[i].drift) item["drift"] = Json::array({aa::to_json(streams[i].drift->front())});
        expected["streams"].push_back(item);
    }
    std::string layout = expected.dump(2);
    for (std::size_t i = 0; i < streams.size(); ++i) {
        const std::string placeholder = "\"INFO" + std::to_string(i) + "\"";
        layout.replace(layout.find(placeholder), placeholder.size(), std::string(streams[i].info));
    }
    CHECK(written == layout + "\n");
    CHECK(Json::parse(written).at("streams")[2].at("info") == aa::test::fixture("stream_list_page.json")["streams"][2]);

    CHECK(write_json({}) == Json{{"capture", aa::to_json(capture())}, {"schema_version", 1},
                                 {"server", aa::to_json(server())}, {"streams", Json::array()},
                                 {"uncaptured", aa::lost_families(capture())}}
                                    .dump(2) + "\n");
}

TEST_CASE("--all --json broken off after the head: still one document, closed with the error") {
    const aa::StreamPage page(aa::test::fixture_text("stream_list_page.json"));
    const Json doc = Json::parse(write_json(listed(page), "the connection to NATS was lost"));
    CHECK(doc.at("streams").size() == 3);
    CHECK(doc.at("error") == Json{{"message", "the connection to NATS was lost"}, {"exit_code", 3}});
    CHECK(doc.at("uncaptured") == Json{"dlq.>"});
}

TEST_CASE("--all table: MAX AGE is wide enough for unlimited, and the count ends it") {
    const aa::StreamPage page(aa::test::fixture_text("stream_list_page.json"));
    std::ostringstream out;
    const auto writer = si::table_writer(aa::Style(false), out);
    writer->begin(server(), capture());
    for (const auto& s : listed(page)) writer->add(s);
    writer->end();
    const std::string text = out.str();
    INFO(text);
    const auto header = text.find("NAME ");
    REQUIRE(header != std::string::npos);
    const std::string header_line = text.substr(header, text.find('\n', header) - header);
    const auto row = text.find("\nAA_AUX_A ");
    REQUIRE(row != std::string::npos);
    const std::string row_line = text.substr(row + 1, text.find('\n', row + 1) - row - 1);
    // AA_AUX_A keeps messages for ever: its MAX AGE ends where the header's does.
    CHECK(row_line.find(" unlimited ") + 10 == header_line.find(" STORAGE"));
    CHECK(text.ends_with("3 streams\n"));
}
