#pragma once
// A JSON Schema (draft 2020-12) validator for the schemas of docs/schema/,
// small enough to read: exactly the keywords those schemas use, and nothing
// else. A schema that uses any other keyword is refused when loaded
// (std::invalid_argument), so that no keyword can be silently ignored and no
// document pass a check it was never put to.
//
// Supported: $ref (to "#/json/pointer" in the same file, or to "file.json" or
// "file.json#/pointer" beside it), $defs, type, enum, const, properties,
// required, additionalProperties, unevaluatedProperties (properties that no
// properties/additionalProperties of this schema, nor of a $ref, allOf,
// anyOf or oneOf branch that held, nor of if/then/else, evaluated), items,
// minItems, maxItems, minimum, maximum, minLength, pattern (ECMAScript),
// allOf, anyOf, oneOf, not, if/then/else; and the annotations $schema, $id,
// $comment, title, description, examples, which change nothing.

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace aa::test {

using Json = nlohmann::json;

class SchemaSet {
public:
    // SCHEMAS by file name ("stream-info.schema.json"), as $ref names them.
    // Throws std::invalid_argument when one uses an unsupported keyword.
    explicit SchemaSet(std::map<std::string, Json> schemas);

    // Every *.json file in DIRECTORY.
    static SchemaSet load(const std::filesystem::path& directory);

    // What is wrong with INSTANCE against the schema in FILE, one line per
    // problem ("/streams/0/found: ..."); empty when it is valid.
    std::vector<std::string> problems(const Json& instance, const std::string& file) const;

    const Json& schema(const std::string& file) const;
    const std::map<std::string, Json>& schemas() const { return schemas_; }

private:
    std::map<std::string, Json> schemas_;
};

// The keywords that only annotate a schema (they never change what is valid).
bool is_annotation_keyword(const std::string& keyword);

}  // namespace aa::test
