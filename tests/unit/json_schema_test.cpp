// The JSON Schema validator of the tests (tests/support/json_schema.hpp):
// each keyword rejects what it should. A validator that accepted everything
// would pass every schema check of the integration tests; these cannot.

#include <doctest/doctest.h>

#include <stdexcept>

#include "tests/support/json_schema.hpp"

using aa::test::Json;
using aa::test::SchemaSet;

namespace {

// The problems of INSTANCE against SCHEMA (as the file "t.json", beside "other.json").
std::vector<std::string> problems(const Json& schema, const Json& instance) {
    const Json other = {{"$defs", {{"positive", {{"type", "integer"}, {"minimum", 1}}}}}};
    return SchemaSet({{"t.json", schema}, {"other.json", other}}).problems(instance, "t.json");
}

bool valid(const Json& schema, const Json& instance) { return problems(schema, instance).empty(); }

}  // namespace

TEST_CASE("type: integer, number, string, boolean, null, object, array, and a list of types") {
    CHECK(valid({{"type", "integer"}}, 3));
    CHECK(valid({{"type", "integer"}}, 3.0));
    CHECK_FALSE(valid({{"type", "integer"}}, 3.5));
    CHECK_FALSE(valid({{"type", "integer"}}, "3"));
    CHECK(valid({{"type", "number"}}, 3.5));
    CHECK_FALSE(valid({{"type", "number"}}, nullptr));
    CHECK_FALSE(valid({{"type", "string"}}, 1));
    CHECK_FALSE(valid({{"type", "boolean"}}, 0));
    CHECK_FALSE(valid({{"type", "object"}}, Json::array()));
    CHECK_FALSE(valid({{"type", "array"}}, Json::object()));
    CHECK(valid({{"type", {"string", "null"}}}, nullptr));
    CHECK_FALSE(valid({{"type", {"string", "null"}}}, false));
}

TEST_CASE("const and enum") {
    CHECK(valid({{"const", 1}}, 1));
    CHECK_FALSE(valid({{"const", 1}}, 2));
    CHECK(valid({{"enum", {"pass", "fail"}}}, "fail"));
    CHECK_FALSE(valid({{"enum", {"pass", "fail"}}}, "warn"));
}

TEST_CASE("properties, required, additionalProperties, with the path of each problem") {
    const Json schema = {{"type", "object"},
                         {"properties", {{"name", {{"type", "string"}}}, {"n", {{"type", "integer"}}}}},
                         {"required", {"name"}},
                         {"additionalProperties", false}};
    CHECK(valid(schema, {{"name", "x"}}));
    CHECK(problems(schema, {{"n", 1}}) == std::vector<std::string>{": missing required key \"name\""});
    CHECK(problems(schema, {{"name", "x"}, {"other", 1}}) == std::vector<std::string>{"/other: unexpected key"});
    CHECK(problems(schema, {{"name", 7}}).at(0).starts_with("/name: expected type"));
    CHECK_FALSE(valid({{"additionalProperties", {{"type", "string"}}}}, {{"a", 1}}));
    CHECK(valid({{"additionalProperties", {{"type", "string"}}}}, {{"a", "b"}}));
}

TEST_CASE("unevaluatedProperties sees what $ref, allOf and the branch of oneOf that held evaluated") {
    const Json schema = {
        {"$defs", {{"base", {{"properties", {{"a", true}}}}}}},
        {"allOf", {{{"$ref", "#/$defs/base"}}}},
        {"oneOf", {{{"properties", {{"b", {{"type", "integer"}}}}}, {"required", {"b"}}},
                   {{"properties", {{"c", {{"type", "string"}}}}}, {"required", {"c"}}}}},
        {"unevaluatedProperties", false}};
    CHECK(valid(schema, {{"a", 1}, {"b", 2}}));
    CHECK(valid(schema, {{"a", 1}, {"c", "x"}}));
    CHECK(problems(schema, {{"a", 1}, {"b", 2}, {"z", 0}}) == std::vector<std::string>{"/z: unexpected key"});
    // "c" is named only by the branch that failed (it is no string): not evaluated.
    CHECK_FALSE(valid(schema, {{"b", 2}, {"c", 3}}));
}

TEST_CASE("items, minItems, maxItems") {
    const Json schema = {{"type", "array"}, {"items", {{"type", "integer"}}}, {"minItems", 1}, {"maxItems", 2}};
    CHECK(valid(schema, {1, 2}));
    CHECK(problems(schema, {1, "2"}).at(0).starts_with("/1: expected type"));
    CHECK_FALSE(valid(schema, Json::array()));
    CHECK_FALSE(valid(schema, {1, 2, 3}));
}

TEST_CASE("$ref within the file and into another file") {
    const Json local = {{"$defs", {{"s", {{"type", "string"}}}}}, {"$ref", "#/$defs/s"}};
    CHECK(valid(local, "x"));
    CHECK_FALSE(valid(local, 1));
    CHECK(valid({{"$ref", "other.json#/$defs/positive"}}, 3));
    CHECK_FALSE(valid({{"$ref", "other.json#/$defs/positive"}}, 0));
    CHECK_THROWS_AS(problems({{"$ref", "missing.json"}}, 1), std::invalid_argument);
    CHECK_THROWS_AS(problems({{"$ref", "#/$defs/nothing"}}, 1), std::invalid_argument);
}

TEST_CASE("oneOf holds for exactly one branch, anyOf for at least one, not for none") {
    const Json one_of = {{"oneOf", {{{"type", "integer"}}, {{"type", "number"}}}}};
    CHECK(valid(one_of, 1.5));
    CHECK_FALSE(valid(one_of, 1));  // both branches
    CHECK_FALSE(valid(one_of, "x"));  // none
    const Json any_of = {{"anyOf", {{{"type", "integer"}}, {{"type", "number"}}}}};
    CHECK(valid(any_of, 1));
    CHECK_FALSE(valid(any_of, "x"));
    CHECK(valid({{"not", {{"type", "null"}}}}, 1));
    CHECK_FALSE(valid({{"not", {{"type", "null"}}}}, nullptr));
    CHECK_FALSE(valid({{"allOf", {{{"type", "number"}}, {{"minimum", 2}}}}}, 1));
}

TEST_CASE("if/then/else") {
    const Json schema = {{"if", {{"properties", {{"found", {{"const", true}}}}}}},
                         {"then", {{"properties", {{"info", {{"type", "object"}}}}}}},
                         {"else", {{"properties", {{"info", {{"type", "null"}}}}}}}};
    CHECK(valid(schema, {{"found", true}, {"info", Json::object()}}));
    CHECK_FALSE(valid(schema, {{"found", true}, {"info", nullptr}}));
    CHECK(valid(schema, {{"found", false}, {"info", nullptr}}));
    CHECK_FALSE(valid(schema, {{"found", false}, {"info", Json::object()}}));
}

TEST_CASE("minimum, maximum, minLength, pattern") {
    CHECK_FALSE(valid({{"minimum", 0}}, -1));
    CHECK(valid({{"minimum", 0}}, 0));
    CHECK_FALSE(valid({{"maximum", 3}}, 4));
    CHECK_FALSE(valid({{"minLength", 1}}, ""));
    CHECK(valid({{"pattern", "^[a-z]+\\.[a-z-]+$"}}, "vendor.oura-durable"));
    CHECK_FALSE(valid({{"pattern", "^[a-z]+\\.[a-z-]+$"}}, "Vendor"));
}

TEST_CASE("boolean schemas, and keywords that apply only to their own kind of value") {
    CHECK(valid(true, 1));
    CHECK_FALSE(valid(false, 1));
    CHECK(valid({{"minimum", 5}}, "a string"));
    CHECK(valid({{"required", {"a"}}}, 1));
}

TEST_CASE("a schema with a keyword the validator does not know is refused, not half checked") {
    CHECK_THROWS_AS(SchemaSet({{"t.json", {{"patternProperties", Json::object()}}}}), std::invalid_argument);
    CHECK_THROWS_AS(SchemaSet({{"t.json", {{"properties", {{"a", {{"format", "date-time"}}}}}}}}),
                    std::invalid_argument);
    CHECK_NOTHROW(SchemaSet({{"t.json", {{"title", "t"}, {"description", "d"}, {"$comment", "c"}}}}));
    // A property named like a keyword is a name, not a keyword.
    CHECK_NOTHROW(SchemaSet({{"t.json", {{"properties", {{"format", true}, {"pattern", true}}}}}}));
}
