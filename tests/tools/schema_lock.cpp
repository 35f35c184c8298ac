// Prints the schema lock for the schemas in a directory at the binary's
// schema_version: build/tests/schema_lock docs/schema > docs/schema/schema.lock
// (docs/json-output.md, "Changing a schema").

#include <exception>
#include <iostream>

#include "src/output.hpp"
#include "tests/support/json_schema.hpp"
#include "tests/support/schema_lock.hpp"

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: schema_lock SCHEMA_DIRECTORY\n";
        return 2;
    }
    try {
        const auto schemas = aa::test::SchemaSet::load(argv[1]);
        std::cout << aa::test::format_lock(aa::test::lock_of(schemas.schemas(), aa::kJsonSchemaVersion));
        return 0;
    } catch (const std::exception& e) {
        std::cerr << "schema_lock: " << e.what() << '\n';
        return 1;
    }
}
