// NKey seed files and the keys derived from them, on values that no code of
// ours produced: two users published by NATS (docs.nats.io's NKey example,
// nats.rs' tests/auth_nkey.rs) and RFC 8032's ed25519 test vectors. Both
// pairs were also checked with Python's `cryptography` (ed25519) when written.

#include <doctest/doctest.h>

#include <string>

#include "src/errors.hpp"
#include "src/nkey_text.hpp"
#include "src/nkey_user.hpp"

namespace {

constexpr const char* kDocsSeed = "SUACSSL3UAHUDXKFSNVUZRF5UHPMWZ6BFDTJ7M6USDXIEDNPPQYYYCU3VY";
constexpr const char* kDocsPublic = "UDXU4RCSJNZOIQHZNWXHXORDPRTGNJAHAHFRGZNEEJCPQTT2M7NLCNF4";
constexpr const char* kRustSeed = "SUANQDPB2RUOE4ETUA26CNX7FUKE5ZZKFCQIIW63OX225F2CO7UEXTM7ZY";
constexpr const char* kRustPublic = "UAMMBNV2EYR65NYZZ7IAK5SIR5ODNTTERJOBOF4KJLMWI45YOXOSWULM";

std::string hex(const unsigned char* data, std::size_t size) {
    static const char* digits = "0123456789abcdef";
    std::string out;
    for (std::size_t i = 0; i < size; ++i) {
        out += digits[data[i] >> 4];
        out += digits[data[i] & 15];
    }
    return out;
}

aa::Ed25519Key key_of_hex(const std::string& text) {
    aa::Ed25519Key key{};
    for (std::size_t i = 0; i < key.size(); ++i) key[i] = static_cast<unsigned char>(std::stoi(text.substr(2 * i, 2), nullptr, 16));
    return key;
}

// The message of the ParseError that reading TEXT as a seed file throws.
std::string seed_file_error(const std::string& text) {
    try {
        aa::user_nkey_from_seed_file(text);
    } catch (const aa::ParseError& e) {
        return e.what();
    }
    FAIL("no ParseError for a bad seed file");
    return {};
}

}  // namespace

TEST_CASE("a user's public key is derived from the seed in its seed file") {
    CHECK(aa::user_nkey_from_seed_file(std::string(kDocsSeed) + "\n").public_key == kDocsPublic);
    CHECK(aa::user_nkey_from_seed_file(kRustSeed).public_key == kRustPublic);
}

TEST_CASE("ed25519 as RFC 8032 section 7.1 says (tests 1 and 2)") {
    const auto seed1 = key_of_hex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");
    const auto public1 = aa::ed25519_public_key(seed1);
    CHECK(hex(public1.data(), public1.size()) == "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
    const auto empty = aa::ed25519_sign(seed1, "");  // what an open server's missing nonce gets signed as
    CHECK(hex(empty.data(), empty.size()) ==
          "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b");
    const auto seed2 = key_of_hex("4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb");
    const auto one_byte = aa::ed25519_sign(seed2, "\x72");
    CHECK(hex(one_byte.data(), one_byte.size()) ==
          "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00");
}

TEST_CASE("the seed is found where natscli finds it") {
    const std::string seed = kDocsSeed;
    CHECK(aa::seed_in_file("  " + seed + " \r\n") == seed);
    CHECK(aa::seed_in_file("# a comment\n\n" + seed + "\n" + kRustSeed + "\n") == seed);  // the first seed line
    // nsc's .nk files: one block, read as a line starting with SU.
    CHECK(aa::seed_in_file("-----BEGIN USER NKEY SEED-----\n" + seed + "\n------END USER NKEY SEED------\n") == seed);
    // A creds file: the JWT's block, then the seed's.
    const std::string creds = "-----BEGIN NATS USER JWT-----\r\neyJ0eXAiOiJKV1QifQ.e30.c2ln\r\n------END NATS USER JWT------\r\n\r\n"
                              "************************* IMPORTANT *************************\r\n"
                              "-----BEGIN USER NKEY SEED-----\r\n" + seed + "\r\n------END USER NKEY SEED------\r\n";
    CHECK(aa::seed_in_file(creds) == seed);
    CHECK(aa::user_nkey_from_seed_file(creds).public_key == kDocsPublic);
    // The JWT is the first block, as nats.c reads it.
    CHECK(aa::jwt_in_creds_file(creds) == "eyJ0eXAiOiJKV1QifQ.e30.c2ln");
    const aa::UserCreds user = aa::user_creds_from_file(creds);
    CHECK(user.jwt == "eyJ0eXAiOiJKV1QifQ.e30.c2ln");
    CHECK(user.seed == aa::decode_nkey_seed(seed).ed25519_seed);
    // A seed file, or a JWT alone, is no creds file.
    CHECK_THROWS_AS(aa::jwt_in_creds_file("-----BEGIN USER NKEY SEED-----\n" + seed + "\n------END USER NKEY SEED------\n"),
                    aa::ParseError);
    CHECK_THROWS_AS(aa::user_creds_from_file(seed + "\n"), aa::ParseError);
}

TEST_CASE("a seed file without a good user seed is a ParseError that never quotes it") {
    const std::string seed = kDocsSeed;
    CHECK(seed_file_error("").find("no NKey seed") != std::string::npos);
    CHECK(seed_file_error(std::string(kDocsPublic) + "\n").find("no NKey seed") != std::string::npos);  // a public key
    std::string changed = seed;
    changed[20] = changed[20] == 'A' ? 'B' : 'A';
    CHECK(seed_file_error(changed).find("checksum") != std::string::npos);
    CHECK(seed_file_error(seed.substr(0, 50)).find("wrong length") != std::string::npos);
    CHECK(seed_file_error(seed.substr(0, 56) + "a1").find("not base32") != std::string::npos);

    const aa::NkeySeed docs = aa::decode_nkey_seed(seed);
    CHECK(docs.kind == aa::NkeyKind::user);
    const std::string account = aa::encode_nkey_seed(aa::NkeySeed{aa::NkeyKind::account, docs.ed25519_seed});
    CHECK(account.starts_with("SA"));
    CHECK(seed_file_error(account).find("kind \"account\"") != std::string::npos);

    for (const std::string& bad : {changed, seed.substr(0, 50), seed.substr(0, 56) + "a1", account}) {
        CHECK(seed_file_error(bad).find(bad.substr(2, 20)) == std::string::npos);
    }
}

TEST_CASE("encoding is decoding's inverse, with the kind's letter in front") {
    const aa::NkeySeed docs = aa::decode_nkey_seed(kDocsSeed);
    CHECK(aa::encode_nkey_seed(docs) == kDocsSeed);
    const aa::Ed25519Key public_key = aa::ed25519_public_key(docs.ed25519_seed);
    CHECK(aa::encode_nkey_public(aa::NkeyKind::operator_key, public_key).starts_with("O"));
    CHECK(aa::encode_nkey_public(aa::NkeyKind::account, public_key).starts_with("A"));
    CHECK(aa::encode_nkey_public(aa::NkeyKind::user, public_key) == kDocsPublic);
    for (const aa::NkeyKind kind : {aa::NkeyKind::operator_key, aa::NkeyKind::account, aa::NkeyKind::server,
                                    aa::NkeyKind::cluster}) {
        const aa::NkeySeed seed{kind, docs.ed25519_seed};
        const aa::NkeySeed back = aa::decode_nkey_seed(aa::encode_nkey_seed(seed));
        CHECK(back.kind == kind);
        CHECK(back.ed25519_seed == docs.ed25519_seed);
    }
}
