#include "tests/support/operator_mode.hpp"

#include <openssl/rand.h>

#include <atomic>
#include <chrono>
#include <stdexcept>

#include <fmt/format.h>

#include "src/nkey_user.hpp"

namespace aa::test {
namespace {

using Json = nlohmann::json;

std::string base64url(std::string_view data) {
    static constexpr std::string_view kAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    std::string out;
    unsigned buffer = 0;
    int bits = 0;
    for (const char c : data) {
        buffer = (buffer << 8) | static_cast<unsigned char>(c);
        bits += 8;
        while (bits >= 6) {
            bits -= 6;
            out.push_back(kAlphabet[(buffer >> bits) & 63]);
        }
    }
    if (bits > 0) out.push_back(kAlphabet[(buffer << (6 - bits)) & 63]);
    return out;  // JWTs leave out the padding
}

// No limit on anything but what LIMITS sets.
Json unlimited(const Json& limits) {
    Json all{{"subs", -1}, {"data", -1}, {"payload", -1}, {"imports", -1}, {"exports", -1},
             {"wildcards", true}, {"conn", -1}, {"leaf", -1}};
    if (limits.is_object()) all.update(limits);
    return all;
}

}  // namespace

std::string TestNkey::public_key() const { return aa::encode_nkey_public(kind, aa::ed25519_public_key(seed)); }

std::string TestNkey::seed_text() const { return aa::encode_nkey_seed(aa::NkeySeed{kind, seed}); }

TestNkey fresh_nkey(aa::NkeyKind kind) {
    TestNkey key{kind, {}};
    if (RAND_bytes(key.seed.data(), static_cast<int>(key.seed.size())) != 1) throw std::runtime_error("RAND_bytes failed");
    return key;
}

std::string issue_jwt(Json claims, const TestNkey& issuer) {
    static std::atomic<int> issued{0};
    claims["iss"] = issuer.public_key();
    claims["iat"] = std::chrono::duration_cast<std::chrono::seconds>(
                        std::chrono::system_clock::now().time_since_epoch()).count();
    // nats-io/jwt makes the jti a hash of the claims; the server only reads it.
    claims["jti"] = fmt::format("AATEST{:06}", ++issued);
    const std::string signed_part = base64url(R"({"typ":"JWT","alg":"ed25519-nkey"})") + "." + base64url(claims.dump());
    const auto signature = aa::ed25519_sign(issuer.seed, signed_part);
    return signed_part + "." + base64url({reinterpret_cast<const char*>(signature.data()), signature.size()});
}

Operator::Operator()
    : operator_(fresh_nkey(aa::NkeyKind::operator_key)), system_(fresh_nkey(aa::NkeyKind::account)) {
    account_jwts_[system_.public_key()] =
        issue_jwt(Json{{"sub", system_.public_key()}, {"name", "SYS"},
                       {"nats", {{"limits", unlimited(nullptr)}, {"type", "account"}, {"version", 2}}}},
                  operator_);
}

TestNkey Operator::add_account(const std::string& name, const Json& jetstream) {
    const TestNkey account = fresh_nkey(aa::NkeyKind::account);
    account_jwts_[account.public_key()] =
        issue_jwt(Json{{"sub", account.public_key()}, {"name", name},
                       {"nats", {{"limits", unlimited(jetstream)}, {"type", "account"}, {"version", 2}}}},
                  operator_);
    return account;
}

std::string Operator::server_config() const {
    const std::string operator_jwt = issue_jwt(
        Json{{"sub", operator_.public_key()}, {"name", "AA_TEST"},
             {"nats", {{"system_account", system_.public_key()}, {"type", "operator"}, {"version", 2}}}},
        operator_);
    std::string config = fmt::format("operator: {}\nsystem_account: {}\nresolver: MEMORY\nresolver_preload: {{\n",
                                     operator_jwt, system_.public_key());
    for (const auto& [key, jwt] : account_jwts_) config += fmt::format("  {}: {}\n", key, jwt);
    return config + "}\n";
}

std::string user_creds(const TestNkey& account, const std::string& name, const TestNkey* signer) {
    const TestNkey user = fresh_nkey(aa::NkeyKind::user);
    const std::string jwt = issue_jwt(
        Json{{"sub", user.public_key()}, {"name", name},
             {"nats", {{"pub", Json::object()}, {"sub", Json::object()}, {"subs", -1}, {"data", -1},
                       {"payload", -1}, {"type", "user"}, {"version", 2}}}},
        account);
    return fmt::format("-----BEGIN NATS USER JWT-----\n{}\n------END NATS USER JWT------\n\n"
                       "************************* IMPORTANT *************************\n"
                       "NKEY Seed printed below can be used to sign and prove identity.\n"
                       "NKEYs are sensitive and should be treated as secrets.\n\n"
                       "-----BEGIN USER NKEY SEED-----\n{}\n------END USER NKEY SEED------\n\n"
                       "*************************************************************\n",
                       jwt, (signer != nullptr ? *signer : user).seed_text());
}

}  // namespace aa::test
