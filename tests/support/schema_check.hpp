#pragma once
// Checks a document aa-nats printed against its schema in docs/schema/.

#include <string>

#include <nlohmann/json.hpp>

#include "tests/support/harness.hpp"

namespace aa::test {

// Fails the current test (naming every problem) unless DOCUMENT is valid
// against docs/schema/SCHEMA_FILE ("stream-info.schema.json").
void check_schema(const Json& document, const std::string& schema_file);

// What is wrong with DOCUMENT against docs/schema/SCHEMA_FILE; empty when valid.
std::vector<std::string> schema_problems(const Json& document, const std::string& schema_file);

// Runs aa-nats with ARGS (which include --json), checks that it exits
// EXPECTED_EXIT and that stdout is one document valid against SCHEMA_FILE,
// and returns that document.
Json run_and_check(const std::vector<std::string>& args, int expected_exit, const std::string& schema_file,
                   const std::map<std::string, std::string>& env = {});

// Every line of OUT (newline-delimited JSON) as a document.
std::vector<Json> json_lines(const std::string& out);

}  // namespace aa::test
