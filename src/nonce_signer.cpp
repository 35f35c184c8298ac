#include "src/nonce_signer.hpp"

#include <cstdlib>
#include <cstring>
#include <exception>

#include "src/nkey_user.hpp"

namespace aa {

natsStatus sign_nonce(char** error_text, unsigned char** signature, int* length, const char* nonce, void* closure) {
    auto* signer = static_cast<NonceSigner*>(closure);
    try {
        const auto signed_nonce = ed25519_sign(signer->seed, nonce != nullptr ? nonce : "");
        if (signed_nonce.front() == 0) {
            signer->dropped_signature = true;
            *error_text = strdup("the signature of the server's nonce starts with a zero byte, which nats.c would drop");
            return NATS_ERR;
        }
        *signature = static_cast<unsigned char*>(std::malloc(signed_nonce.size()));  // nats.c frees it
        if (*signature == nullptr) return NATS_NO_MEMORY;
        std::memcpy(*signature, signed_nonce.data(), signed_nonce.size());
        *length = static_cast<int>(signed_nonce.size());
        return NATS_OK;
    } catch (const std::exception&) {  // nothing may escape into C
        return NATS_ERR;
    }
}

natsStatus user_jwt(char** jwt, char**, void* closure) {
    *jwt = strdup(static_cast<const NonceSigner*>(closure)->jwt.c_str());  // nats.c frees it
    return *jwt != nullptr ? NATS_OK : NATS_NO_MEMORY;
}

}  // namespace aa
