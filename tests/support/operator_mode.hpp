#pragma once
// NATS's decentralized auth, built in the test from fresh NKeys: an operator,
// its system account and accounts it signs, as nats-server's `resolver:
// MEMORY` trusts them, and users' .creds files as nsc writes them. The JWTs
// are signed here with ed25519 (OpenSSL, through src/nkey_user.hpp): the
// server checks every signature and every key's checksum, so nothing here is
// taken on our own word.

#include <map>
#include <string>

#include <nlohmann/json.hpp>

#include "src/nkey_text.hpp"

namespace aa::test {

struct TestNkey {
    aa::NkeyKind kind = aa::NkeyKind::user;
    aa::Ed25519Key seed{};
    std::string public_key() const;  // "U…", "A…", "O…"
    std::string seed_text() const;   // "SU…", "SA…", "SO…"
};

// A new key of KIND, from OpenSSL's random generator.
TestNkey fresh_nkey(aa::NkeyKind kind);

// A JWT of CLAIMS ("sub", "name", "nats") issued and signed by ISSUER, as
// nats-io/jwt encodes one ("iss", "iat" and "jti" filled in).
std::string issue_jwt(nlohmann::json claims, const TestNkey& issuer);

// An operator with a system account, and the accounts it signs.
class Operator {
public:
    Operator();
    // A new account named NAME with JETSTREAM's limits ("mem_storage",
    // "disk_storage", "streams", "consumer"; -1 is unlimited, none is no
    // JetStream); returns its key, which issues its users.
    TestNkey add_account(const std::string& name, const nlohmann::json& jetstream = nullptr);
    // The lines of a server config that trust this operator and its accounts.
    std::string server_config() const;

private:
    TestNkey operator_;
    TestNkey system_;
    std::map<std::string, std::string> account_jwts_;  // public key -> JWT
};

// The text of a .creds file for a new user NAME of ACCOUNT; SIGNER, when
// given, replaces the user's seed in it (a file whose seed does not match
// its JWT, as a wrong secret).
std::string user_creds(const TestNkey& account, const std::string& name, const TestNkey* signer = nullptr);

}  // namespace aa::test
