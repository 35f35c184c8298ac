// The schemas of docs/schema/: only keywords the validator knows, each
// document's schema_version pinned to the binary's, every schema listed in
// docs/json-output.md, and no contract changed without the lock saying so.

#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include "src/output.hpp"
#include "tests/support/json_schema.hpp"
#include "tests/support/schema_lock.hpp"

using aa::test::Json;
using aa::test::Lock;
using aa::test::SchemaSet;

namespace {

constexpr const char* kSharedDefinitions = "common.schema.json";

std::string read_text(const std::string& path) {
    std::ifstream in(path);
    REQUIRE_MESSAGE(in, "cannot read " << path);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// Loading refuses a schema that uses a keyword the validator does not know.
const SchemaSet& schemas() {
    static const SchemaSet set = SchemaSet::load(AA_SCHEMA_DIR);
    return set;
}

std::string joined(const std::vector<std::string>& lines) {
    std::string out;
    for (const auto& line : lines) out += "\n  " + line;
    return out;
}

}  // namespace

TEST_CASE("every document schema requires schema_version and pins it to the binary's constant") {
    REQUIRE(schemas().schemas().size() >= 8);
    for (const auto& entry : schemas().schemas()) {  // no structured binding: clang 14 cannot capture one in a check
        const auto& file = entry.first;
        const auto& schema = entry.second;
        if (file == kSharedDefinitions) continue;
        INFO(file);
        CHECK(schema.at("$schema") == "https://json-schema.org/draft/2020-12/schema");
        CHECK(schema.at("properties").at("schema_version").at("const") == aa::kJsonSchemaVersion);
        const Json& required = schema.at("required");
        CHECK(std::find(required.begin(), required.end(), "schema_version") != required.end());
    }
}

TEST_CASE("docs/schema/schema.lock records every schema's contract at the current schema_version") {
    const Lock locked = aa::test::parse_lock(read_text(std::string(AA_SCHEMA_DIR) + "/schema.lock"));
    const Lock current = aa::test::lock_of(schemas().schemas(), aa::kJsonSchemaVersion);
    const auto problems = aa::test::lock_problems(locked, current);
    CHECK_MESSAGE(problems.empty(), joined(problems));
}

TEST_CASE("docs/json-output.md links every document schema") {
    const std::string doc = read_text(std::string(AA_DOCS_DIR) + "/json-output.md");
    for (const auto& entry : schemas().schemas()) {  // no structured binding: clang 14 cannot capture one in a check
        const auto& file = entry.first;
        CHECK_MESSAGE(doc.find("(schema/" + file + ")") != std::string::npos, file << " is not linked");
    }
}

TEST_CASE("the lock check: a changed contract at the same schema_version fails and says to bump it") {
    const std::map<std::string, Json> before{
        {"a.schema.json",
         {{"description", "A"}, {"properties", {{"verdict", {{"enum", {"ok", "bad"}}}}, {"description", true}}}}}};
    const Lock locked = aa::test::lock_of(before, 1);

    auto changed = before;
    changed["a.schema.json"]["properties"]["verdict"]["enum"] = {"ok"};
    const auto problems = aa::test::lock_problems(locked, aa::test::lock_of(changed, 1));
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].find("a.schema.json changed but schema_version is still 1") != std::string::npos);
    CHECK(problems[0].find("bump schema_version to 2") != std::string::npos);
    CHECK(problems[0].find(aa::test::kUpdateLockCommand) != std::string::npos);

    // Bumped, the lock is out of date until it is written again.
    const auto bumped = aa::test::lock_problems(locked, aa::test::lock_of(changed, 2));
    REQUIRE(bumped.size() == 1);
    CHECK(bumped[0].find("records a.schema.json at 1") != std::string::npos);
    CHECK(aa::test::lock_problems(aa::test::lock_of(changed, 2), aa::test::lock_of(changed, 2)).empty());
}

TEST_CASE("the lock check: rewording annotations changes nothing; a property named like one does") {
    const std::map<std::string, Json> before{
        {"a.schema.json", {{"title", "A"}, {"properties", {{"description", {{"type", "string"}}}}}}}};
    const Lock locked = aa::test::lock_of(before, 1);
    auto reworded = before;
    reworded["a.schema.json"]["title"] = "A, reworded";
    reworded["a.schema.json"]["properties"]["description"]["description"] = "what the check verifies";
    CHECK(aa::test::lock_problems(locked, aa::test::lock_of(reworded, 1)).empty());

    auto retyped = before;
    retyped["a.schema.json"]["properties"]["description"]["type"] = "integer";
    CHECK(aa::test::lock_problems(locked, aa::test::lock_of(retyped, 1)).size() == 1);
}

TEST_CASE("the lock check: schemas added or removed, and the lock file's own format") {
    const Lock one = aa::test::lock_of({{"a.schema.json", Json::object()}}, 1);
    const Lock two = aa::test::lock_of({{"a.schema.json", Json::object()}, {"b.schema.json", Json::object()}}, 1);
    CHECK(joined(aa::test::lock_problems(one, two)).find("b.schema.json is not in docs/schema/schema.lock") !=
          std::string::npos);
    CHECK(joined(aa::test::lock_problems(two, one)).find("b.schema.json is in docs/schema/schema.lock but not") !=
          std::string::npos);
    CHECK(aa::test::parse_lock(aa::test::format_lock(two)) == two);
    CHECK_THROWS_AS(aa::test::parse_lock("a.schema.json 1\n"), std::invalid_argument);
    CHECK_THROWS_AS(aa::test::parse_lock("a.schema.json one 0123\n"), std::invalid_argument);
}
