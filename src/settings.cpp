#include "src/settings.hpp"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>
#include <sys/stat.h>

#include <fmt/format.h>

#include "src/context_file.hpp"
#include "src/duration.hpp"
#include "src/errors.hpp"
#include "src/server_url.hpp"
#include "src/text.hpp"

namespace aa {
namespace {

// One setting's value and where it came from, for error messages.
struct Sourced {
    std::string value;
    std::string source;
};

std::optional<Sourced> pick(const std::optional<std::string>& flag, const char* flag_name, const Environment& env,
                            const char* env_name, const std::string& from_context, const std::string& context_name) {
    if (flag) return Sourced{*flag, flag_name};
    if (env_name != nullptr) {
        if (auto value = env.get(env_name)) return Sourced{*value, fmt::format("{} ({})", env_name, env.source_of(env_name))};
    }
    if (!from_context.empty()) return Sourced{from_context, fmt::format("context \"{}\"", context_name)};
    return std::nullopt;
}

std::string value_or_empty(const std::optional<Sourced>& sourced) { return sourced ? sourced->value : std::string(); }

ContextPaths nats_config_paths(const Environment& env) {
    if (auto xdg = env.get("XDG_CONFIG_HOME")) return {*xdg + "/nats"};
    if (auto home = env.get("HOME")) return {*home + "/.config/nats"};
    return {};
}

bool file_exists(const std::string& path) {
    struct stat st {};
    return ::stat(path.c_str(), &st) == 0;
}

struct LoadedContext {
    std::string name;
    NatsContext values;
};

// The context asked for by --context or NATS_CONTEXT, or the one selected with
// `nats context select`. Nothing is read when none is asked for or selected.
std::optional<LoadedContext> load_context(const GlobalFlags& flags, const Environment& env) {
    std::optional<Sourced> requested;
    if (flags.context) {
        requested = Sourced{*flags.context, "--context"};
    } else if (auto value = env.get("NATS_CONTEXT")) {
        requested = Sourced{*value, "NATS_CONTEXT"};
    }
    const ContextPaths paths = nats_config_paths(env);
    std::string file;
    std::string name;
    if (requested) {
        name = requested->value;
        if (context_is_path(name)) {
            file = name;
        } else {
            if (!is_valid_context_name(name)) {
                throw UsageError(fmt::format("{} \"{}\": invalid context name", requested->source, name));
            }
            if (paths.nats_config_dir.empty()) {
                throw UsageError(fmt::format("{} \"{}\": neither XDG_CONFIG_HOME nor HOME is set", requested->source, name));
            }
            file = paths.context_file(name);
        }
    } else {
        if (paths.nats_config_dir.empty() || !file_exists(paths.selected_file())) return std::nullopt;
        const std::string selected = read_text_file(paths.selected_file(), "selected context file");
        // `nats context select` writes the name and a line end; spaces around it are forgiven.
        // Other white space stays part of the name (and fails when the name is checked or read).
        name = std::string(trim(trim_end(selected, " \r\n"), " "));
        if (name.empty()) return std::nullopt;
        if (!is_valid_context_name(name)) {
            throw UsageError(fmt::format("selected context \"{}\" in {}: invalid context name", name, paths.selected_file()));
        }
        file = paths.context_file(name);
    }
    const std::string text = read_text_file(file, "context file");
    try {
        return LoadedContext{name, parse_context(text)};
    } catch (const ParseError& e) {
        throw UsageError(fmt::format("context file {}: {}", file, e.what()));
    }
}

std::string resolve_api_prefix(const std::optional<Sourced>& domain, const std::optional<Sourced>& prefix) {
    if (domain && prefix) {
        throw UsageError(fmt::format("{} and {} cannot be used together", domain->source, prefix->source));
    }
    auto check_token = [](const Sourced& s) {
        if (s.value.find_first_of(" \t\r\n*>") != std::string::npos) {
            throw UsageError(fmt::format("{}=\"{}\": may not contain white space, '*' or '>'", s.source, s.value));
        }
        if (!is_valid_utf8(s.value)) throw UsageError(fmt::format("{}=\"{}\": must be valid UTF-8", s.source, s.value));
    };
    if (prefix) {
        check_token(*prefix);
        std::string value = prefix->value;
        while (!value.empty() && value.back() == '.') value.pop_back();
        if (value.empty()) throw UsageError(fmt::format("{}: the API prefix may not be empty", prefix->source));
        return value;
    }
    if (domain) {
        check_token(*domain);
        if (domain->value.find('.') != std::string::npos) {
            throw UsageError(fmt::format("{}=\"{}\": a JetStream domain may not contain '.'", domain->source, domain->value));
        }
        return fmt::format("$JS.{}.API", domain->value);
    }
    return "$JS.API";
}

}  // namespace

const std::vector<GlobalOptionSpec>& global_option_specs() {
    static const std::vector<GlobalOptionSpec> specs{
        {"-s,--server", "URL[,URL...]", "NATS_URL", "NATS server URLs (default nats://localhost:4223)", &GlobalFlags::server},
        {"--user", "USER", "NATS_USER", "user name for user/password authentication", &GlobalFlags::user},
        {"--password", "PASSWORD", "NATS_PASSWORD", "password for user/password authentication", &GlobalFlags::password},
        {"--token", "TOKEN", "NATS_TOKEN", "authentication token", &GlobalFlags::token},
        {"--creds", "FILE", "NATS_CREDS", "user credentials file (JWT and NKey seed)", &GlobalFlags::creds},
        {"--nkey", "FILE", "NATS_NKEY", "NKey seed file", &GlobalFlags::nkey},
        {"--tlscert", "FILE", "NATS_CERT", "TLS client certificate", &GlobalFlags::tls_cert},
        {"--tlskey", "FILE", "NATS_KEY", "TLS client private key", &GlobalFlags::tls_key},
        {"--tlsca", "FILE", "NATS_CA", "TLS certificate authority to verify the server", &GlobalFlags::tls_ca},
        {"--timeout", "DURATION", "NATS_TIMEOUT", "connect and request timeout, e.g. 750ms, 5s, 1m (default 5s)", &GlobalFlags::timeout},
        {"--context", "NAME|FILE.json", "NATS_CONTEXT", "natscli context to read connection settings from", &GlobalFlags::context},
        {"--js-domain", "DOMAIN", nullptr, "JetStream domain (API prefix $JS.<domain>.API)", &GlobalFlags::js_domain},
        {"--js-api-prefix", "PREFIX", nullptr, "JetStream API subject prefix (default $JS.API)", &GlobalFlags::js_api_prefix},
        {"--env-file", "FILE", nullptr, "dotenv file with settings; the real environment wins over it", &GlobalFlags::env_file},
    };
    return specs;
}

std::string read_text_file(const std::string& path, const std::string& what) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) {
        throw UsageError(fmt::format("{} {}: {}", what, path, std::strerror(errno)));
    }
    if (S_ISDIR(st.st_mode)) throw UsageError(fmt::format("{} {}: is a directory", what, path));
    std::ifstream in(path, std::ios::binary);
    if (!in) throw UsageError(fmt::format("{} {}: {}", what, path, std::strerror(errno)));
    std::ostringstream buffer;
    buffer << in.rdbuf();
    if (in.bad()) throw UsageError(fmt::format("{} {}: read error", what, path));
    return buffer.str();
}

Settings resolve_settings(const GlobalFlags& flags, const Environment& process_env) {
    Environment env = process_env;
    if (flags.env_file) {
        const std::string text = read_text_file(*flags.env_file, "--env-file");
        try {
            env = process_env.with_file(parse_env_file(text));
        } catch (const ParseError& e) {
            throw UsageError(fmt::format("--env-file {}: {}", *flags.env_file, e.what()));
        }
    }

    const std::optional<LoadedContext> context = load_context(flags, env);
    const NatsContext ctx = context ? context->values : NatsContext{};
    const std::string ctx_name = context ? context->name : std::string();

    ConnectionSettings conn;
    conn.context_name = ctx_name;
    const auto server = pick(flags.server, "--server", env, "NATS_URL", ctx.url, ctx_name);
    try {
        conn.servers = parse_server_list(server ? server->value : kDefaultServer);
    } catch (const ParseError& e) {
        throw UsageError(fmt::format("{}: {}", server ? server->source : "server", e.what()));
    }
    conn.user = value_or_empty(pick(flags.user, "--user", env, "NATS_USER", ctx.user, ctx_name));
    conn.password = value_or_empty(pick(flags.password, "--password", env, "NATS_PASSWORD", ctx.password, ctx_name));
    conn.token = value_or_empty(pick(flags.token, "--token", env, "NATS_TOKEN", ctx.token, ctx_name));
    conn.creds_file = value_or_empty(pick(flags.creds, "--creds", env, "NATS_CREDS", ctx.creds, ctx_name));
    conn.nkey_file = value_or_empty(pick(flags.nkey, "--nkey", env, "NATS_NKEY", ctx.nkey, ctx_name));
    conn.tls_cert = value_or_empty(pick(flags.tls_cert, "--tlscert", env, "NATS_CERT", ctx.cert, ctx_name));
    conn.tls_key = value_or_empty(pick(flags.tls_key, "--tlskey", env, "NATS_KEY", ctx.key, ctx_name));
    conn.tls_ca = value_or_empty(pick(flags.tls_ca, "--tlsca", env, "NATS_CA", ctx.ca, ctx_name));
    if (conn.tls_cert.empty() != conn.tls_key.empty()) {
        throw UsageError("--tlscert and --tlskey must be given together");
    }

    if (const auto timeout = pick(flags.timeout, "--timeout", env, "NATS_TIMEOUT", "", ctx_name)) {
        std::chrono::nanoseconds parsed{};
        try {
            parsed = parse_duration(timeout->value);
        } catch (const ParseError& e) {
            throw UsageError(fmt::format("{}=\"{}\": {}", timeout->source, timeout->value, e.what()));
        }
        if (parsed < std::chrono::milliseconds(1)) {
            throw UsageError(fmt::format("{}=\"{}\": the timeout must be at least 1ms", timeout->source, timeout->value));
        }
        conn.timeout = std::chrono::duration_cast<std::chrono::milliseconds>(parsed);
    }

    // Domain and prefix are one setting spelled two ways: the flags, when either
    // is given, replace both of the context's, so a context's domain does not
    // clash with a --js-api-prefix flag.
    const bool api_flag_given = flags.js_domain.has_value() || flags.js_api_prefix.has_value();
    const std::string ctx_domain = api_flag_given ? std::string() : ctx.jetstream_domain;
    const std::string ctx_prefix = api_flag_given ? std::string() : ctx.jetstream_api_prefix;
    conn.api_prefix = resolve_api_prefix(pick(flags.js_domain, "--js-domain", env, nullptr, ctx_domain, ctx_name),
                                         pick(flags.js_api_prefix, "--js-api-prefix", env, nullptr, ctx_prefix, ctx_name));

    return Settings{std::move(conn), resolve_topology(env), std::move(env)};
}

}  // namespace aa
