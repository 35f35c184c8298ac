#pragma once
// docs/schema/schema.lock: a fingerprint of each schema's contract, with the
// schema_version it was recorded at. A schema whose contract changed while
// schema_version stayed the same fails the unit tests, which ask for a
// decision: a breaking change bumps schema_version; any change updates the
// lock (docs/json-output.md, "Changing a schema").

#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace aa::test {

using Json = nlohmann::json;

// The command that rewrites the lock, as the messages and the docs say it.
inline constexpr const char* kUpdateLockCommand = "build/tests/schema_lock docs/schema > docs/schema/schema.lock";

// SCHEMA without its annotations (title, description, $comment, examples):
// rewording a description changes no contract.
Json contract_of(const Json& schema);

// 16 hex digits: FNV-1a (64 bits) of the contract's compact dump (keys sorted).
// A tripwire against unnoticed edits, not a defence against forgery.
std::string fingerprint(const Json& schema);

struct LockEntry {
    int version = 0;
    std::string fingerprint;
    bool operator==(const LockEntry&) const = default;
};
using Lock = std::map<std::string, LockEntry>;  // by schema file name

// Lines "FILE VERSION FINGERPRINT"; blank lines and "#" comments skipped.
// Throws std::invalid_argument on any other line.
Lock parse_lock(const std::string& text);
std::string format_lock(const Lock& lock);

// The lock SCHEMAS call for at schema_version VERSION.
Lock lock_of(const std::map<std::string, Json>& schemas, int version);

// How CURRENT differs from LOCKED, one message per schema saying what to do;
// empty when they agree.
std::vector<std::string> lock_problems(const Lock& locked, const Lock& current);

}  // namespace aa::test
