#pragma once
// The user an NKey seed file logs in as, and the two ed25519 operations a
// login needs: the public key the server knows the user by, derived from the
// seed, and the signature of the server's nonce. The server refuses a CONNECT
// that signs without naming the key (issue #24).

#include <array>
#include <string>
#include <string_view>

#include "src/nkey_text.hpp"

namespace aa {

struct UserNkey {
    std::string public_key;  // "U…"
    Ed25519Key seed{};       // a secret, never to be printed
};

// Reads a seed file's TEXT (seed_in_file() says where the seed may be).
// Throws ParseError when it holds no seed, a damaged one or another kind's.
UserNkey user_nkey_from_seed_file(std::string_view text);

// A creds file's user: the JWT the account signed, and the seed that signs
// the server's nonce. Throws ParseError as above.
struct UserCreds {
    std::string jwt;
    Ed25519Key seed{};  // a secret, never to be printed
};
UserCreds user_creds_from_file(std::string_view text);

// The ed25519 public key of SEED.
Ed25519Key ed25519_public_key(const Ed25519Key& seed);

// The ed25519 signature of MESSAGE by SEED.
std::array<unsigned char, 64> ed25519_sign(const Ed25519Key& seed, std::string_view message);

}  // namespace aa
