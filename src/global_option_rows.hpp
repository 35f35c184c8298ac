#pragma once
// The global options, one row each: what --help prints for them, and the flag,
// variable and default that resolve_settings (src/settings.cpp) reads. The
// names follow natscli, so operators' habits, contexts and scripts carry over.

#include "src/option_row.hpp"

namespace aa {

inline constexpr OptionRow kServerOption{.flag = "--server", .short_flag = "-s", .value_name = "URL[,URL...]",
                                         .help = "NATS server URLs, comma-separated",
                                         .default_value = "nats://localhost:4223", .env = "NATS_URL"};
inline constexpr OptionRow kUserOption{.flag = "--user", .value_name = "USER",
                                       .help = "user name for user/password authentication", .env = "NATS_USER"};
inline constexpr OptionRow kPasswordOption{.flag = "--password", .value_name = "PASSWORD",
                                           .help = "password for user/password authentication",
                                           .env = "NATS_PASSWORD", .secret = true};
inline constexpr OptionRow kTokenOption{.flag = "--token", .value_name = "TOKEN", .help = "authentication token",
                                        .env = "NATS_TOKEN", .secret = true};
inline constexpr OptionRow kCredsOption{.flag = "--creds", .value_name = "FILE",
                                        .help = "user credentials file (JWT and NKey seed)", .env = "NATS_CREDS",
                                        .completion = Completion::file};
inline constexpr OptionRow kNkeyOption{.flag = "--nkey", .value_name = "FILE", .help = "NKey seed file",
                                       .env = "NATS_NKEY", .completion = Completion::file};
inline constexpr OptionRow kTlsCertOption{.flag = "--tlscert", .value_name = "FILE",
                                          .help = "TLS client certificate (with --tlskey)", .env = "NATS_CERT",
                                          .completion = Completion::file};
inline constexpr OptionRow kTlsKeyOption{.flag = "--tlskey", .value_name = "FILE",
                                         .help = "TLS client private key (with --tlscert)", .env = "NATS_KEY",
                                         .completion = Completion::file};
inline constexpr OptionRow kTlsCaOption{.flag = "--tlsca", .value_name = "FILE",
                                        .help = "TLS certificate authority to verify the server", .env = "NATS_CA",
                                        .completion = Completion::file};
inline constexpr OptionRow kTimeoutOption{.flag = "--timeout", .value_name = "DURATION",
                                          .help = "connect and request timeout: 750ms, 5s, 1m, 1h30m",
                                          .default_value = "5s", .env = "NATS_TIMEOUT"};
inline constexpr OptionRow kContextOption{.flag = "--context", .value_name = "NAME|FILE.json",
                                          .help = "natscli context to read connection settings from",
                                          .default_value = "the context chosen by nats context select",
                                          .env = "NATS_CONTEXT", .completion = Completion::context};
inline constexpr OptionRow kJsDomainOption{.flag = "--js-domain", .value_name = "DOMAIN",
                                           .help = "JetStream domain: API prefix $JS.<domain>.API"};
inline constexpr OptionRow kJsApiPrefixOption{.flag = "--js-api-prefix", .value_name = "PREFIX",
                                              .help = "JetStream API subject prefix (not with --js-domain)",
                                              .default_value = "$JS.API"};
inline constexpr OptionRow kEnvFileOption{.flag = "--env-file", .value_name = "FILE",
                                          .help = "dotenv file with settings; the real environment wins over it",
                                          .completion = Completion::file};
inline constexpr OptionRow kJsonOption{.flag = "--json",
                                       .help = "print exactly one JSON document on stdout, also on failure"};
inline constexpr OptionRow kNoColorOption{.flag = "--no-color", .help = "no colour, even on a terminal",
                                          .env = "NO_COLOR"};

}  // namespace aa
