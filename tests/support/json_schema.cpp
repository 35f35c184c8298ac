#include "tests/support/json_schema.hpp"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <regex>
#include <set>
#include <stdexcept>

namespace aa::test {
namespace {

const std::set<std::string> kAnnotations{"$schema", "$id", "$comment", "title", "description", "examples"};

const std::set<std::string> kAssertions{
    "$ref",     "$defs",    "type",     "enum",      "const",     "properties", "required",
    "additionalProperties", "unevaluatedProperties", "items",     "minItems",   "maxItems",
    "minimum",  "maximum",  "minLength", "pattern",  "allOf",     "anyOf",      "oneOf",
    "not",      "if",       "then",     "else"};

// Throws unless every keyword of SCHEMA, and of every schema inside it, is supported.
void check_keywords(const Json& schema, const std::string& where) {
    if (schema.is_boolean()) return;
    if (!schema.is_object()) throw std::invalid_argument(where + ": a schema must be an object or a boolean");
    for (const auto& [keyword, value] : schema.items()) {
        if (kAnnotations.count(keyword) == 0 && kAssertions.count(keyword) == 0) {
            throw std::invalid_argument(where + ": unsupported keyword \"" + keyword + "\"");
        }
        const std::string inner = where + "/" + keyword;
        if (keyword == "properties" || keyword == "$defs") {
            for (const auto& [name, sub] : value.items()) check_keywords(sub, inner + "/" + name);
        } else if (keyword == "allOf" || keyword == "anyOf" || keyword == "oneOf") {
            for (std::size_t i = 0; i < value.size(); ++i) check_keywords(value[i], inner + "/" + std::to_string(i));
        } else if (keyword == "additionalProperties" || keyword == "unevaluatedProperties" || keyword == "items" ||
                   keyword == "not" || keyword == "if" || keyword == "then" || keyword == "else") {
            check_keywords(value, inner);
        }
    }
}

bool has_type(const Json& instance, const std::string& type) {
    if (type == "integer") {
        if (instance.is_number_integer()) return true;
        return instance.is_number_float() && std::floor(instance.get<double>()) == instance.get<double>();
    }
    if (type == "number") return instance.is_number();
    if (type == "string") return instance.is_string();
    if (type == "boolean") return instance.is_boolean();
    if (type == "null") return instance.is_null();
    if (type == "object") return instance.is_object();
    if (type == "array") return instance.is_array();
    throw std::invalid_argument("unknown type \"" + type + "\"");
}

// What evaluating one schema against one instance found: its problems, and
// which of the instance's properties it evaluated (for unevaluatedProperties).
struct Evaluation {
    std::vector<std::string> problems;
    std::set<std::string> evaluated;
    bool valid() const { return problems.empty(); }
};

class Evaluator {
public:
    explicit Evaluator(const std::map<std::string, Json>& schemas) : schemas_(schemas) {}

    // SCHEMA (from FILE, which relative $refs start from) against INSTANCE at PATH.
    Evaluation evaluate(const Json& schema, const std::string& file, const Json& instance, const std::string& path) const {
        Evaluation out;
        if (schema.is_boolean()) {
            if (!schema.get<bool>()) out.problems.push_back(path + ": no value is allowed here");
            return out;
        }
        values(schema, instance, path, out);
        applicators(schema, file, instance, path, out);
        if (instance.is_object()) object_keywords(schema, file, instance, path, out);
        if (instance.is_array()) array_keywords(schema, file, instance, path, out);
        if (instance.is_string()) string_keywords(schema, instance, path, out);
        if (instance.is_number()) number_keywords(schema, instance, path, out);
        if (instance.is_object() && schema.contains("unevaluatedProperties")) {
            for (const auto& [key, value] : instance.items()) {
                if (out.evaluated.count(key) != 0) continue;
                other_key(schema["unevaluatedProperties"], file, key, value, path, out);
            }
        }
        return out;
    }

private:
    static void merge_problems(const Evaluation& inner, Evaluation& out) {
        out.problems.insert(out.problems.end(), inner.problems.begin(), inner.problems.end());
    }

    // KEY of an object, which no "properties" entry names, against SCHEMA
    // (additionalProperties or unevaluatedProperties).
    void other_key(const Json& schema, const std::string& file, const std::string& key, const Json& value,
                   const std::string& path, Evaluation& out) const {
        const std::string inner_path = path + "/" + key;
        if (schema.is_boolean() && !schema.get<bool>()) {
            out.problems.push_back(inner_path + ": unexpected key");
        } else {
            merge_problems(evaluate(schema, file, value, inner_path), out);
        }
    }

    static void values(const Json& schema, const Json& instance, const std::string& path, Evaluation& out) {
        if (schema.contains("type")) {
            const Json& type = schema["type"];
            bool matched = false;
            for (const auto& t : type.is_array() ? type : Json::array({type})) matched = matched || has_type(instance, t);
            if (!matched) out.problems.push_back(path + ": expected type " + type.dump() + ", got " + instance.dump());
        }
        if (schema.contains("const") && schema["const"] != instance) {
            out.problems.push_back(path + ": expected " + schema["const"].dump() + ", got " + instance.dump());
        }
        if (schema.contains("enum")) {
            const Json& allowed = schema["enum"];
            if (std::find(allowed.begin(), allowed.end(), instance) == allowed.end()) {
                out.problems.push_back(path + ": " + instance.dump() + " is not one of " + allowed.dump());
            }
        }
    }

    void applicators(const Json& schema, const std::string& file, const Json& instance, const std::string& path,
                     Evaluation& out) const {
        auto adopt = [&out](const Evaluation& inner) { out.evaluated.insert(inner.evaluated.begin(), inner.evaluated.end()); };
        if (schema.contains("$ref")) {
            const auto [target_file, target] = resolve(schema["$ref"].get<std::string>(), file);
            const Evaluation inner = evaluate(*target, target_file, instance, path);
            merge_problems(inner, out);
            adopt(inner);
        }
        for (const auto& sub : schema.value("allOf", Json::array())) {
            const Evaluation inner = evaluate(sub, file, instance, path);
            merge_problems(inner, out);
            adopt(inner);
        }
        for (const char* keyword : {"anyOf", "oneOf"}) {
            if (!schema.contains(keyword)) continue;
            std::vector<std::string> branch_problems;
            int held = 0;
            for (const auto& sub : schema[keyword]) {
                const Evaluation inner = evaluate(sub, file, instance, path);
                if (inner.valid()) {
                    ++held;
                    adopt(inner);
                } else {
                    branch_problems.push_back("[" + inner.problems.front() + "]");
                }
            }
            if (held == 0) {
                std::string all;
                for (const auto& p : branch_problems) all += (all.empty() ? "" : " or ") + p;
                out.problems.push_back(path + ": matches no branch of " + keyword + ": " + all);
            } else if (held > 1 && std::string(keyword) == "oneOf") {
                out.problems.push_back(path + ": matches " + std::to_string(held) + " branches of oneOf, not one");
            }
        }
        if (schema.contains("not") && evaluate(schema["not"], file, instance, path).valid()) {
            out.problems.push_back(path + ": matches the schema under \"not\"");
        }
        if (schema.contains("if")) {
            const Evaluation condition = evaluate(schema["if"], file, instance, path);
            const char* branch = condition.valid() ? "then" : "else";
            if (condition.valid()) adopt(condition);
            if (schema.contains(branch)) {
                const Evaluation inner = evaluate(schema[branch], file, instance, path);
                merge_problems(inner, out);
                adopt(inner);
            }
        }
    }

    void object_keywords(const Json& schema, const std::string& file, const Json& instance, const std::string& path,
                         Evaluation& out) const {
        for (const auto& key : schema.value("required", Json::array())) {
            if (!instance.contains(key.get<std::string>())) {
                out.problems.push_back(path + ": missing required key \"" + key.get<std::string>() + "\"");
            }
        }
        static const Json kNone = Json::object();
        const Json& properties = schema.contains("properties") ? schema["properties"] : kNone;
        for (const auto& [key, value] : instance.items()) {
            const std::string inner_path = path + "/" + key;
            if (properties.contains(key)) {
                merge_problems(evaluate(properties[key], file, value, inner_path), out);
                out.evaluated.insert(key);
            } else if (schema.contains("additionalProperties")) {
                other_key(schema["additionalProperties"], file, key, value, path, out);
                out.evaluated.insert(key);
            }
        }
    }

    void array_keywords(const Json& schema, const std::string& file, const Json& instance, const std::string& path,
                        Evaluation& out) const {
        if (schema.contains("minItems") && instance.size() < schema["minItems"].get<std::size_t>()) {
            out.problems.push_back(path + ": fewer than " + schema["minItems"].dump() + " items");
        }
        if (schema.contains("maxItems") && instance.size() > schema["maxItems"].get<std::size_t>()) {
            out.problems.push_back(path + ": more than " + schema["maxItems"].dump() + " items");
        }
        if (!schema.contains("items")) return;
        for (std::size_t i = 0; i < instance.size(); ++i) {
            const std::string inner_path = path + "/" + std::to_string(i);
            merge_problems(evaluate(schema["items"], file, instance[i], inner_path), out);
        }
    }

    static void string_keywords(const Json& schema, const Json& instance, const std::string& path, Evaluation& out) {
        const auto text = instance.get<std::string>();
        if (schema.contains("minLength") && text.size() < schema["minLength"].get<std::size_t>()) {
            out.problems.push_back(path + ": shorter than " + schema["minLength"].dump() + " bytes");
        }
        if (schema.contains("pattern") && !std::regex_search(text, std::regex(schema["pattern"].get<std::string>()))) {
            out.problems.push_back(path + ": " + instance.dump() + " does not match " + schema["pattern"].dump());
        }
    }

    static void number_keywords(const Json& schema, const Json& instance, const std::string& path, Evaluation& out) {
        const double value = instance.get<double>();
        if (schema.contains("minimum") && value < schema["minimum"].get<double>()) {
            out.problems.push_back(path + ": " + instance.dump() + " is below the minimum " + schema["minimum"].dump());
        }
        if (schema.contains("maximum") && value > schema["maximum"].get<double>()) {
            out.problems.push_back(path + ": " + instance.dump() + " is above the maximum " + schema["maximum"].dump());
        }
    }

    // "#/$defs/x" in FILE, "other.json" or "other.json#/$defs/x": the file and the schema it names.
    std::pair<std::string, const Json*> resolve(const std::string& ref, const std::string& file) const {
        const auto hash = ref.find('#');
        const std::string target_file = hash == 0 ? file : ref.substr(0, hash);
        const std::string pointer = hash == std::string::npos ? "" : ref.substr(hash + 1);
        const auto found = schemas_.find(target_file);
        if (found == schemas_.end()) throw std::invalid_argument("$ref to an unknown schema file: " + ref);
        const Json::json_pointer at(pointer);
        if (!found->second.contains(at)) throw std::invalid_argument("$ref to nothing: " + ref);
        return {target_file, &found->second.at(at)};
    }

    const std::map<std::string, Json>& schemas_;
};

}  // namespace

bool is_annotation_keyword(const std::string& keyword) { return kAnnotations.count(keyword) != 0; }

SchemaSet::SchemaSet(std::map<std::string, Json> schemas) : schemas_(std::move(schemas)) {
    for (const auto& [file, schema] : schemas_) check_keywords(schema, file);
}

SchemaSet SchemaSet::load(const std::filesystem::path& directory) {
    std::map<std::string, Json> schemas;
    for (const auto& entry : std::filesystem::directory_iterator(directory)) {
        if (entry.path().extension() != ".json") continue;
        std::ifstream in(entry.path());
        schemas[entry.path().filename().string()] = Json::parse(in);
    }
    return SchemaSet(std::move(schemas));
}

std::vector<std::string> SchemaSet::problems(const Json& instance, const std::string& file) const {
    return Evaluator(schemas_).evaluate(schema(file), file, instance, "").problems;
}

const Json& SchemaSet::schema(const std::string& file) const {
    const auto found = schemas_.find(file);
    if (found == schemas_.end()) throw std::invalid_argument("no schema file " + file);
    return found->second;
}

}  // namespace aa::test
