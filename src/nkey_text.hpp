#pragma once
// NKeys as text (nats-io/nkeys): an ed25519 key with a prefix naming whose it
// is, a CRC16 and base32. "SU…" is a user's seed, "U…" the public key the
// server knows that user by. Pure: seed files are text others wrote, so every
// problem is a ParseError, and no message quotes the text (it is a secret).

#include <array>
#include <string>
#include <string_view>

namespace aa {

// Whose key an NKey is; the values are nkeys' prefix bytes, which base32
// turns into the public key's first letter (O, A, U, N, C).
enum class NkeyKind : unsigned char {
    operator_key = 14 << 3,
    account = 0,
    user = 20 << 3,
    server = 13 << 3,
    cluster = 2 << 3,
};

using Ed25519Key = std::array<unsigned char, 32>;

struct NkeySeed {
    NkeyKind kind = NkeyKind::user;
    Ed25519Key ed25519_seed{};
};

// The seed a seed file holds, found as natscli (nats.go's nkeys) finds it:
// the second of the blocks between "-----…-----" lines (a creds file holds
// its JWT, then its seed), else the first line that starts with SO, SA or SU.
// White space around it is dropped. Throws ParseError when there is none.
std::string_view seed_in_file(std::string_view file_text);

// The user JWT a creds file holds: the first of its blocks, as nats.c and
// natscli read it. Throws ParseError when the file has not the JWT's block and
// the seed's.
std::string_view jwt_in_creds_file(std::string_view file_text);

// Decodes "S…" text: base32, the CRC16 checked, the kind read from the prefix.
// Throws ParseError on anything else.
NkeySeed decode_nkey_seed(std::string_view encoded);

// The text nkeys writes for a seed ("SU…") and for a public key ("U…").
std::string encode_nkey_seed(const NkeySeed& seed);
std::string encode_nkey_public(NkeyKind kind, const Ed25519Key& public_key);

// "user", "account", ...: for messages.
std::string_view nkey_kind_name(NkeyKind kind);

}  // namespace aa
