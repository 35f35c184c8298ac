#pragma once
// Server URLs as operators write them, and their credential-free form for output.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace aa {

// Splits "-s a,b" into URLs, trimming spaces and tabs around each. Throws
// ParseError on an empty entry, a URL that has no host, or a URL with white
// space inside.
std::vector<std::string> parse_server_list(std::string_view text);

// Where a server URL points: host (an IPv6 address without its brackets) and
// port, "4222" when the URL names none. Strings, as getaddrinfo() takes them.
struct HostPort {
    std::string host;
    std::string port;
};

// nullopt when the URL has no host or port, or a scheme other than nats://
// or tls:// (a websocket server does not greet with INFO on connect).
std::optional<HostPort> host_port_of(std::string_view url);

// The URL without any user, password or token ("nats://u:p@h:4222" -> "nats://h:4222").
std::string redact_url(std::string_view url);

// Redacted URLs joined with ",".
std::string redact_urls(const std::vector<std::string>& urls);

// Replaces every occurrence of each non-empty secret in text with "[REDACTED]".
std::string scrub_secrets(std::string text, const std::vector<std::string>& secrets);

// How a URL logs in, as nats.c reads its user info: "user/password"
// ("nats://u:p@h"), "token" ("nats://t@h"), or "" when it has none.
std::string_view url_login(std::string_view url);

// The user-info part of each URL ("u:p" of "nats://u:p@h"), pieces included,
// so errors quoting a URL can be scrubbed.
std::vector<std::string> url_secrets(const std::vector<std::string>& urls);

}  // namespace aa
