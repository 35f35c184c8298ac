// json_text: JSON text read without a tree, checked against nlohmann::json
// (the oracle) on real replies, on the edge cases of the grammar, and on
// seeded mutations of the fixtures.

#include <doctest/doctest.h>

#include <filesystem>
#include <random>

#include "src/errors.hpp"
#include "src/json_access.hpp"
#include "src/json_text.hpp"
#include "tests/unit/fixtures.hpp"

namespace jt = aa::json_text;
using aa::Json;

namespace {

bool valid(std::string_view text) {
    try {
        jt::validate(text);
        return true;
    } catch (const aa::ParseError&) {
        return false;
    }
}

}  // namespace

TEST_CASE("a stream list page: valid, cut into its stream infos as the server wrote them") {
    const std::string page = aa::test::fixture_text("stream_list_page.json");
    REQUIRE(valid(page));
    const Json tree = Json::parse(page);
    const auto streams = jt::member(page, "streams");
    REQUIRE(streams.has_value());
    const auto infos = jt::items(*streams);
    REQUIRE(infos.size() == 3);
    for (std::size_t i = 0; i < infos.size(); ++i) {
        CHECK(Json::parse(infos[i]) == tree.at("streams")[i]);
        CHECK(infos[i].front() == '{');
        CHECK(infos[i].back() == '}');
    }
    const auto name = jt::member(*jt::member(infos[2], "config"), "name");
    REQUIRE(name.has_value());
    CHECK(jt::string_value(*name) == "AA_CORE_HOT");
    CHECK(jt::member(page, "total") == "3");
    CHECK_FALSE(jt::member(page, "nope").has_value());
    CHECK_FALSE(jt::member(*streams, "total").has_value());  // not an object
    CHECK(jt::items(*jt::member(page, "total")).empty());     // not an array
    CHECK(jt::items("null").empty());
}

TEST_CASE("names with escapes, repeated names, blanks and a byte order mark read as a tree reads them") {
    const std::string text = "\xEF\xBB\xBF { \"a\\u0062\" : [ 1 , {\"x\":\"}\\\"]\"} ] , \"ab\" : 2 }\n";
    REQUIRE(valid(text));
    CHECK(jt::member(text, "ab") == "2");  // the last "ab" wins, as in a tree
    const auto items = jt::items("[ 1 , {\"x\":\"}\\\"]\"}, [] ,\"\" ]");
    REQUIRE(items.size() == 4);
    CHECK(items[1] == "{\"x\":\"}\\\"]\"}");
    CHECK(items[2] == "[]");
    CHECK(items[3] == "\"\"");
    CHECK(jt::string_value("\"EVIL\\u001b[2J\"") == std::string("EVIL\x1b[2J"));
    CHECK_FALSE(jt::string_value("12").has_value());
}

TEST_CASE("nesting past kMaxDepth is refused, however valid, before any tree is built") {
    const std::size_t limit = jt::kMaxDepth;
    CHECK(valid(std::string(limit, '[') + std::string(limit, ']')));
    CHECK_FALSE(valid(std::string(limit + 1, '[') + std::string(limit + 1, ']')));
    std::string objects;
    for (std::size_t i = 0; i <= limit; ++i) objects += "{\"config\":";
    objects += "1" + std::string(limit + 1, '}');
    CHECK_THROWS_WITH_AS(jt::validate(objects), doctest::Contains("nested deeper than 32 levels"), aa::ParseError);
    // 100,000 levels: refused at the limit, without recursion.
    CHECK_FALSE(valid(std::string(100'000, '[') + std::string(100'000, ']')));
    CHECK_THROWS_WITH_AS(aa::parse_api_reply(objects), doctest::Contains("the reply is nested deeper than 32 levels"),
                         aa::ParseError);
    CHECK_THROWS_AS(aa::parse_api_reply_text(objects), aa::ParseError);
}

TEST_CASE("the grammar's edges: accepted and refused exactly as nlohmann::json::accept does") {
    const std::vector<std::string> cases{
        "", " ", "{}", "[]", "0", "-0", "01", "-", "1.", ".1", "1e", "1e+", "1E-2", "1.5e308", "1e309", "-1e400",
        "123456789012345678901234567890", "true", "tru", "nullx", "[1,]", "{\"a\":1,}", "{,}", "[,1]", "{\"a\"}",
        "{\"a\" 1}", "{1:2}", "\"\\u\"", "\"\\u12G4\"", "\"\\ud83d\\ude00\"", "\"\\ud83d\"", "\"\\ude00\"",
        "\"\\ud83dx\"", "\"\\x\"", "\"a\tb\"", "\"\x7f\"", "\"\xc3\xa9\"", "\"\xc0\xaf\"", "\"\xed\xa0\x80\"",
        "\"\xf4\x90\x80\x80\"", "\"\xe6\x97\xa5\"", "\"\xe6\x97\"", "\"\xff\"", "\xEF\xBB\xBF[]", "\xEF\xBB[]",
        "[]]", "[[]", std::string("[1]\0x", 5), std::string("\0", 1), "{\"a\":{\"b\":[{}]}}", "1 2", "\"unterminated", std::string("[\0]", 3), "[\"\\/\"]",
        std::string(32, '[') + std::string(32, ']')};
    for (const std::string& text : cases) {
        INFO(text.substr(0, 40));
        CHECK(valid(text) == Json::accept(text));
    }
}

TEST_CASE("seeded mutations of every fixture: the same verdict as nlohmann, and the same items") {
    std::mt19937 random(20261127);
    for (const auto& entry : std::filesystem::directory_iterator(AA_FIXTURES_DIR)) {
        const std::string original = aa::test::fixture_text(entry.path().filename().string());
        for (int round = 0; round < 200; ++round) {
            std::string text = original;
            const int edits = 1 + static_cast<int>(random() % 3);
            for (int e = 0; e < edits && !text.empty(); ++e) {
                const std::size_t at = random() % text.size();
                switch (random() % 3) {
                    case 0: text[at] = static_cast<char>(random() % 256); break;
                    case 1: text.erase(at, 1); break;
                    default: text.insert(at, 1, "{}[],:\"\\0-eE.\x80\xff"[random() % 16]); break;
                }
            }
            const bool accepted = Json::accept(text);
            INFO(entry.path().filename().string(), " round ", round, ": ", Json(text).dump(-1, ' ', true, Json::error_handler_t::replace));
            REQUIRE(valid(text) == accepted);
            if (!accepted) continue;
            const Json tree = Json::parse(text);
            if (tree.is_object() && tree.contains("streams") && tree["streams"].is_array()) {
                CHECK(jt::items(*jt::member(text, "streams")).size() == tree["streams"].size());
            }
        }
    }
}
