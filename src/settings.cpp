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
#include "src/global_option_rows.hpp"
#include "src/nkey_user.hpp"
#include "src/server_url.hpp"
#include "src/text.hpp"

namespace aa {
namespace {

// One setting's value and where it came from, for error messages.
struct Sourced {
    std::string value;
    std::string source;
};

// The setting ROW names: its FLAG's value, its variable's, or the context's.
std::optional<Sourced> pick(const std::optional<std::string>& flag, const OptionRow& row, const Environment& env,
                            const std::string& from_context, const std::string& context_name) {
    if (flag) return Sourced{*flag, std::string(row.flag)};
    if (!row.env.empty()) {
        if (auto value = env.get(row.env)) return Sourced{*value, fmt::format("{} ({})", row.env, env.source_of(row.env))};
    }
    if (!from_context.empty()) return Sourced{from_context, fmt::format("context \"{}\"", context_name)};
    return std::nullopt;
}

// The same, falling back to the row's default.
Sourced pick_or_default(const std::optional<std::string>& flag, const OptionRow& row, const Environment& env,
                        const std::string& from_context, const std::string& context_name) {
    if (auto picked = pick(flag, row, env, from_context, context_name)) return *picked;
    return Sourced{std::string(row.default_value), fmt::format("{}'s default", row.flag)};
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
        requested = Sourced{*flags.context, std::string(kContextOption.flag)};
    } else if (auto value = env.get(kContextOption.env)) {
        requested = Sourced{*value, std::string(kContextOption.env)};
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
    return std::string(kJsApiPrefixOption.default_value);
}

std::chrono::milliseconds timeout_of(const Sourced& timeout) {
    std::chrono::nanoseconds parsed{};
    try {
        parsed = parse_duration(timeout.value);
    } catch (const ParseError& e) {
        throw UsageError(fmt::format("{}=\"{}\": {}", timeout.source, timeout.value, e.what()));
    }
    if (parsed < std::chrono::milliseconds(1)) {
        throw UsageError(fmt::format("{}=\"{}\": the timeout must be at least 1ms", timeout.source, timeout.value));
    }
    return std::chrono::duration_cast<std::chrono::milliseconds>(parsed);
}

// The process environment with the --env-file's entries under it.
Environment with_env_file(const GlobalFlags& flags, const Environment& process_env) {
    if (!flags.env_file) return process_env;
    const std::string flag(kEnvFileOption.flag);
    const std::string text = read_text_file(*flags.env_file, flag);
    try {
        return process_env.with_file(parse_env_file(text));
    } catch (const ParseError& e) {
        throw UsageError(fmt::format("{} {}: {}", flag, *flags.env_file, e.what()));
    }
}

// The user a login file (an NKey seed file, a creds file) holds, read with
// PARSE. A file that holds none is the operator's mistake (exit 2), said
// without quoting the file: it holds a secret.
template <typename Parse>
auto read_login_file(const Sourced& file, std::string_view kind, Parse parse) {
    const std::string what = fmt::format("{}: {}", file.source, kind);
    const std::string text = read_text_file(file.value, what);
    try {
        return parse(text);
    } catch (const ParseError& e) {
        throw UsageError(fmt::format("{} {}: {}", what, file.value, e.what()));
    }
}

// The ways CONN proves who it is, and what a refused login names: each way
// with where it was set. Credentials in a URL win over --user, --password and
// --token, in nats.c as in natscli, so the URL's are named instead of theirs.
void resolve_login(const GlobalFlags& flags, const Environment& env, const NatsContext& ctx,
                   const std::string& ctx_name, ConnectionSettings& conn) {
    std::vector<std::string> ways;
    const auto way = [&ways](const std::optional<Sourced>& setting, std::string_view name) {
        if (setting) ways.push_back(fmt::format("{} from {}", name, setting->source));
    };
    std::string_view in_url;
    for (const auto& url : conn.servers) {
        if (in_url.empty()) in_url = url_login(url);
    }
    if (!in_url.empty()) ways.push_back(fmt::format("{} from the URL", in_url));
    const auto user = pick(flags.user, kUserOption, env, ctx.user, ctx_name);
    const auto password = pick(flags.password, kPasswordOption, env, ctx.password, ctx_name);
    const auto token = pick(flags.token, kTokenOption, env, ctx.token, ctx_name);
    conn.user = value_or_empty(user);
    conn.password = value_or_empty(password);
    conn.token = value_or_empty(token);
    if (in_url.empty()) {
        way(password ? password : user, "user/password");
        way(token, "token");
    }
    const auto creds = pick(flags.creds, kCredsOption, env, ctx.creds, ctx_name);
    const auto nkey = pick(flags.nkey, kNkeyOption, env, ctx.nkey, ctx_name);
    if (creds && nkey) {
        // nats.c refuses both at connect time; said here, before any connection.
        throw UsageError(fmt::format("a credentials file (from {}) and an NKey (from {}) cannot both be used: "
                                     "the credentials file holds its own seed",
                                     creds->source, nkey->source));
    }
    if (creds) {
        const UserCreds user_creds = read_login_file(*creds, "credentials file", user_creds_from_file);
        conn.creds_file = creds->value;
        conn.creds_jwt = user_creds.jwt;
        conn.signing_seed = user_creds.seed;
        way(creds, "credentials file");
    }
    if (nkey) {
        const UserNkey user_nkey = read_login_file(*nkey, "NKey seed file", user_nkey_from_seed_file);
        conn.nkey_file = nkey->value;
        conn.nkey_public_key = user_nkey.public_key;
        conn.signing_seed = user_nkey.seed;
        way(nkey, "NKey");
    }
    const auto cert = pick(flags.tls_cert, kTlsCertOption, env, ctx.cert, ctx_name);
    conn.tls_cert = value_or_empty(cert);
    way(cert, "TLS client certificate");
    conn.login = join(ways, " and ");
}

}  // namespace

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
    const Environment env = with_env_file(flags, process_env);
    const std::optional<LoadedContext> context = load_context(flags, env);
    const NatsContext ctx = context ? context->values : NatsContext{};
    const std::string ctx_name = context ? context->name : std::string();

    ConnectionSettings conn;
    conn.context_name = ctx_name;
    const Sourced server = pick_or_default(flags.server, kServerOption, env, ctx.url, ctx_name);
    try {
        conn.servers = parse_server_list(server.value);
    } catch (const ParseError& e) {
        throw UsageError(fmt::format("{}: {}", server.source, e.what()));
    }
    resolve_login(flags, env, ctx, ctx_name, conn);
    conn.tls_key = value_or_empty(pick(flags.tls_key, kTlsKeyOption, env, ctx.key, ctx_name));
    conn.tls_ca = value_or_empty(pick(flags.tls_ca, kTlsCaOption, env, ctx.ca, ctx_name));
    if (conn.tls_cert.empty() != conn.tls_key.empty()) {
        throw UsageError(fmt::format("{} and {} must be given together", kTlsCertOption.flag, kTlsKeyOption.flag));
    }
    conn.timeout = timeout_of(pick_or_default(flags.timeout, kTimeoutOption, env, "", ctx_name));

    // Domain and prefix are one setting spelled two ways: the flags, when either
    // is given, replace both of the context's, so a context's domain does not
    // clash with a --js-api-prefix flag.
    const bool api_flag_given = flags.js_domain.has_value() || flags.js_api_prefix.has_value();
    const std::string ctx_domain = api_flag_given ? std::string() : ctx.jetstream_domain;
    const std::string ctx_prefix = api_flag_given ? std::string() : ctx.jetstream_api_prefix;
    conn.api_prefix = resolve_api_prefix(pick(flags.js_domain, kJsDomainOption, env, ctx_domain, ctx_name),
                                         pick(flags.js_api_prefix, kJsApiPrefixOption, env, ctx_prefix, ctx_name));

    return Settings{std::move(conn), resolve_topology(env), env};
}

}  // namespace aa
