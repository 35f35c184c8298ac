#pragma once
// Settings shared by every subcommand, resolved with natscli's precedence:
// flag > environment > --env-file > context > default.

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "src/connection_settings.hpp"
#include "src/environment.hpp"
#include "src/topology.hpp"

namespace aa {

// The global flags exactly as given on the command line (unset when absent);
// their rows are in src/global_option_rows.hpp, bound in src/global_options.cpp.
struct GlobalFlags {
    std::optional<std::string> server;
    std::optional<std::string> user;
    std::optional<std::string> password;
    std::optional<std::string> token;
    std::optional<std::string> creds;
    std::optional<std::string> nkey;
    std::optional<std::string> tls_cert;
    std::optional<std::string> tls_key;
    std::optional<std::string> tls_ca;
    std::optional<std::string> timeout;
    std::optional<std::string> context;
    std::optional<std::string> js_domain;
    std::optional<std::string> js_api_prefix;
    std::optional<std::string> env_file;
    bool json = false;
    bool no_color = false;
};

struct Settings {
    ConnectionSettings connection;
    TopologySettings topology;
    Environment env;  // for command-specific variables (durables, candidates, ...)
};

// Resolves every shared setting. Reads the env file and the context file when
// they are asked for (or selected in context.txt), and the NKey seed file when
// one is set. Throws UsageError with one line naming the setting and its value
// (never a secret's) on anything invalid.
Settings resolve_settings(const GlobalFlags& flags, const Environment& process_env);

// Reads a whole file; throws UsageError "<what> <path>: <reason>" when it cannot.
std::string read_text_file(const std::string& path, const std::string& what);

}  // namespace aa
