#include "src/server_url.hpp"

#include <fmt/format.h>

#include "src/errors.hpp"
#include "src/text.hpp"

namespace aa {
namespace {

struct UrlParts {
    std::string_view scheme;    // "nats://" including the separator, or empty
    std::string_view userinfo;  // without the '@', or empty
    std::string_view rest;      // host[:port][/...]
};

UrlParts split_url(std::string_view url) {
    UrlParts parts;
    if (const auto sep = url.find("://"); sep != std::string_view::npos) {
        parts.scheme = url.substr(0, sep + 3);
        url.remove_prefix(sep + 3);
    }
    // The last '@' before the path ends the user info (passwords may contain '@').
    const auto path = url.find('/');
    const auto at = url.substr(0, path).rfind('@');
    if (at != std::string_view::npos) {
        parts.userinfo = url.substr(0, at);
        url.remove_prefix(at + 1);
    }
    parts.rest = url;
    return parts;
}

}  // namespace

std::vector<std::string> parse_server_list(std::string_view text) {
    std::vector<std::string> urls;
    while (true) {
        const auto comma = text.find(',');
        // Only spaces and tabs are forgiven: other white space is reported below.
        const std::string_view entry = trim(text.substr(0, comma), " \t");
        if (entry.empty()) throw ParseError("empty server URL in the list");
        const UrlParts parts = split_url(entry);
        if (parts.rest.empty() || parts.rest.front() == ':' || parts.rest.front() == '/') {
            throw ParseError(fmt::format("server URL \"{}\" has no host", redact_url(entry)));
        }
        if (entry.find_first_of(" \t\r\n") != std::string_view::npos) {
            throw ParseError(fmt::format("server URL \"{}\" contains white space", redact_url(entry)));
        }
        urls.emplace_back(entry);
        if (comma == std::string_view::npos) break;
        text.remove_prefix(comma + 1);
    }
    return urls;
}

std::optional<HostPort> host_port_of(std::string_view url) {
    const UrlParts parts = split_url(url);
    if (!parts.scheme.empty() && parts.scheme != "nats://" && parts.scheme != "tls://") return std::nullopt;
    std::string_view authority = parts.rest.substr(0, parts.rest.find('/'));
    HostPort hp;
    if (authority.starts_with('[')) {
        const auto close = authority.find(']');
        if (close == std::string_view::npos) return std::nullopt;
        hp.host = std::string(authority.substr(1, close - 1));
        authority.remove_prefix(close + 1);
        hp.port = authority.starts_with(':') ? std::string(authority.substr(1)) : "4222";
    } else {
        const auto colon = authority.rfind(':');
        hp.host = std::string(authority.substr(0, colon));
        hp.port = colon == std::string_view::npos ? "4222" : std::string(authority.substr(colon + 1));
    }
    if (hp.host.empty() || hp.port.empty()) return std::nullopt;
    return hp;
}

std::string redact_url(std::string_view url) {
    const UrlParts parts = split_url(url);
    return std::string(parts.scheme) + std::string(parts.rest);
}

std::string redact_urls(const std::vector<std::string>& urls) {
    std::vector<std::string> redacted;
    for (const auto& url : urls) redacted.push_back(redact_url(url));
    return join(redacted, ",");
}

std::string scrub_secrets(std::string text, const std::vector<std::string>& secrets) {
    static const std::string kMask = "[REDACTED]";
    for (const auto& secret : secrets) {
        if (secret.empty()) continue;
        for (auto pos = text.find(secret); pos != std::string::npos; pos = text.find(secret, pos + kMask.size())) {
            text.replace(pos, secret.size(), kMask);
        }
    }
    return text;
}

std::string_view url_login(std::string_view url) {
    const std::string_view userinfo = split_url(url).userinfo;
    if (userinfo.empty()) return "";
    return userinfo.find(':') == std::string_view::npos ? "token" : "user/password";
}

std::vector<std::string> url_secrets(const std::vector<std::string>& urls) {
    std::vector<std::string> secrets;
    for (const auto& url : urls) {
        const UrlParts parts = split_url(url);
        if (parts.userinfo.empty()) continue;
        secrets.emplace_back(parts.userinfo);
        if (const auto colon = parts.userinfo.find(':'); colon != std::string_view::npos) {
            // The user name alone is not secret; the password is.
            secrets.emplace_back(parts.userinfo.substr(colon + 1));
        }
    }
    return secrets;
}

}  // namespace aa
