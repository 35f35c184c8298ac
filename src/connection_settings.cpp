#include "src/connection_settings.hpp"

#include "src/server_url.hpp"

namespace aa {

std::vector<std::string> ConnectionSettings::secrets() const {
    std::vector<std::string> all = url_secrets(servers);
    if (!password.empty()) all.push_back(password);
    if (!token.empty()) all.push_back(token);
    if (!nkey_file.empty() || !creds_file.empty()) {
        all.push_back(encode_nkey_seed(NkeySeed{NkeyKind::user, signing_seed}));
    }
    return all;
}

}  // namespace aa
