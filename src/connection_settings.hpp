#pragma once
// Where and how to connect: the resolved connection settings (src/settings.hpp
// resolves them), kept apart so the connection does not depend on the topology.

#include <chrono>
#include <string>
#include <vector>

#include "src/nkey_text.hpp"

namespace aa {

struct ConnectionSettings {
    std::vector<std::string> servers;
    std::string user;
    std::string password;
    std::string token;
    std::string creds_file;
    std::string creds_jwt;        // read from creds_file: the user's JWT
    std::string nkey_file;
    std::string nkey_public_key;  // "U…", derived from the seed file's seed
    // Signs the server's nonce: read from nkey_file or creds_file.
    Ed25519Key signing_seed{};
    std::string tls_cert;
    std::string tls_key;
    std::string tls_ca;
    std::chrono::milliseconds timeout{};  // resolve_settings sets it (--timeout, or its row's default)
    std::string api_prefix = "$JS.API";  // "$JS.<domain>.API" with --js-domain
    std::string context_name;            // the natscli context in use, if any
    // How the connection proves who it is, each way with where it was set
    // ("NKey from --nkey"), for the error that says the server refused it;
    // empty when it logs in as no one.
    std::string login;

    // Every value that must never be printed (passwords, tokens, URL user info, the NKey seed).
    std::vector<std::string> secrets() const;
};

}  // namespace aa
