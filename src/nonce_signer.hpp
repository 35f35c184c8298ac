#pragma once
// What signs the server's nonce for a login with an NKey or a creds file, as
// the nats.c callbacks the connection hands it. nats.c 3.4.1 base64-encodes
// the signature with a function that takes a first byte of 0 for the end of
// an empty string: it then sends its CONNECT without "sig", and the server
// refuses the login (one in 256, since the signature of a random nonce is
// random). So a signature that starts with 0 is never handed to nats.c: the
// attempt ends before its CONNECT, dropped_signature says so, and the
// connection tries again, with a new connection and so a new nonce.

#include <nats/nats.h>

#include <string>

#include "src/nkey_text.hpp"

namespace aa {

struct NonceSigner {
    Ed25519Key seed{};
    std::string jwt;  // a creds file's; empty for an NKey
    bool dropped_signature = false;
};

// natsSignatureHandler: signs the server's nonce with the seed of the
// NonceSigner CLOSURE points to. An open server sends no nonce: the empty one
// is signed, as natscli does.
natsStatus sign_nonce(char** error_text, unsigned char** signature, int* length, const char* nonce, void* closure);

// natsUserJWTHandler: the creds file's JWT of the NonceSigner CLOSURE points to.
natsStatus user_jwt(char** jwt, char** error_text, void* closure);

// A connect whose every attempt so far was ended by a dropped signature is
// tried again, up to this many times in all: four in a row happen once in
// four billion logins.
constexpr int kSigningAttempts = 4;

}  // namespace aa
