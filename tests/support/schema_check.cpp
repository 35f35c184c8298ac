#include "tests/support/schema_check.hpp"

#include <sstream>

#include <doctest/doctest.h>

#include "tests/support/json_schema.hpp"

namespace aa::test {
namespace {

const SchemaSet& schemas() {
    static const SchemaSet set = SchemaSet::load(AA_SCHEMA_DIR);
    return set;
}

}  // namespace

std::vector<std::string> schema_problems(const Json& document, const std::string& schema_file) {
    return schemas().problems(document, schema_file);
}

void check_schema(const Json& document, const std::string& schema_file) {
    std::string problems;
    for (const auto& problem : schema_problems(document, schema_file)) problems += "\n  " + problem;
    INFO(document.dump(2));
    CHECK_MESSAGE(problems.empty(), "not valid against docs/schema/" << schema_file << ":" << problems);
}

Json run_and_check(const std::vector<std::string>& args, int expected_exit, const std::string& schema_file,
                   const std::map<std::string, std::string>& env) {
    const RunResult run = run_aa_nats(args, env);
    INFO(run.out, run.err);
    CHECK(run.exit_code == expected_exit);
    const Json document = run.json();
    check_schema(document, schema_file);
    return document;
}

std::vector<Json> json_lines(const std::string& out) {
    std::vector<Json> documents;
    std::istringstream lines(out);
    for (std::string line; std::getline(lines, line);) documents.push_back(Json::parse(line));
    return documents;
}

}  // namespace aa::test
