#include "src/nkey_user.hpp"

#include <openssl/evp.h>

#include <memory>
#include <stdexcept>

#include <fmt/format.h>

#include "src/errors.hpp"

namespace aa {
namespace {

using PrivateKey = std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)>;

// An ed25519 private key is its 32-byte seed, so any seed makes a key:
// OpenSSL fails here and below only when it runs out of memory.
PrivateKey private_key_of(const Ed25519Key& seed) {
    PrivateKey key(EVP_PKEY_new_raw_private_key(EVP_PKEY_ED25519, nullptr, seed.data(), seed.size()), &EVP_PKEY_free);
    if (!key) throw std::runtime_error("OpenSSL could not make an ed25519 key");
    return key;
}

}  // namespace

UserNkey user_nkey_from_seed_file(std::string_view text) {
    const NkeySeed seed = decode_nkey_seed(seed_in_file(text));
    if (seed.kind != NkeyKind::user) {
        throw ParseError(fmt::format("it holds a seed of kind \"{}\", not a user's (SU…)", nkey_kind_name(seed.kind)));
    }
    return UserNkey{encode_nkey_public(NkeyKind::user, ed25519_public_key(seed.ed25519_seed)), seed.ed25519_seed};
}

UserCreds user_creds_from_file(std::string_view text) {
    const std::string_view jwt = jwt_in_creds_file(text);
    return UserCreds{std::string(jwt), user_nkey_from_seed_file(text).seed};
}

Ed25519Key ed25519_public_key(const Ed25519Key& seed) {
    const PrivateKey key = private_key_of(seed);
    Ed25519Key public_key{};
    std::size_t size = public_key.size();
    if (EVP_PKEY_get_raw_public_key(key.get(), public_key.data(), &size) != 1 || size != public_key.size()) {
        throw std::runtime_error("OpenSSL could not derive an ed25519 public key");
    }
    return public_key;
}

std::array<unsigned char, 64> ed25519_sign(const Ed25519Key& seed, std::string_view message) {
    const PrivateKey key = private_key_of(seed);
    const std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> context(EVP_MD_CTX_new(), &EVP_MD_CTX_free);
    std::array<unsigned char, 64> signature{};
    std::size_t size = signature.size();
    // ed25519 hashes inside the signature: no digest is named, and the message goes in one call.
    if (!context || EVP_DigestSignInit(context.get(), nullptr, nullptr, nullptr, key.get()) != 1 ||
        EVP_DigestSign(context.get(), signature.data(), &size, reinterpret_cast<const unsigned char*>(message.data()),
                       message.size()) != 1 ||
        size != signature.size()) {
        throw std::runtime_error("OpenSSL could not make an ed25519 signature");
    }
    return signature;
}

}  // namespace aa
