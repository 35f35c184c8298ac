#include <doctest/doctest.h>

#include "src/errors.hpp"
#include "src/server_url.hpp"

TEST_CASE("credentials never survive redaction") {
    CHECK(aa::redact_url("nats://user:s3cret@host:4222") == "nats://host:4222");
    CHECK(aa::redact_url("nats://tok3n@host:4222") == "nats://host:4222");
    CHECK(aa::redact_url("nats://u:p@ss@host") == "nats://host");
    CHECK(aa::redact_url("host:4222") == "host:4222");
    CHECK(aa::redact_urls({"nats://a:b@h1", "nats://h2"}) == "nats://h1,nats://h2");
}

TEST_CASE("server lists split and validate") {
    CHECK(aa::parse_server_list("nats://a:4222, nats://b:4222") ==
          std::vector<std::string>{"nats://a:4222", "nats://b:4222"});
    CHECK_THROWS_AS(aa::parse_server_list("nats://a,,nats://b"), aa::ParseError);
    CHECK_THROWS_AS(aa::parse_server_list("nats://:4222"), aa::ParseError);
    CHECK_THROWS_AS(aa::parse_server_list(""), aa::ParseError);
}

TEST_CASE("server lists forgive spaces and tabs around a URL, not other white space") {
    CHECK(aa::parse_server_list("\tnats://a:4222 ,\t nats://b:4222\t") ==
          std::vector<std::string>{"nats://a:4222", "nats://b:4222"});
    CHECK_THROWS_AS(aa::parse_server_list("nats://a:4222\r"), aa::ParseError);
    CHECK_THROWS_AS(aa::parse_server_list("\nnats://a:4222"), aa::ParseError);
}

TEST_CASE("secrets are scrubbed from messages, URL passwords included") {
    const auto secrets = aa::url_secrets({"nats://admin:hunter2@h"});
    CHECK(aa::scrub_secrets("auth failed for admin:hunter2 (hunter2)", secrets) ==
          "auth failed for [REDACTED] ([REDACTED])");
    CHECK(aa::scrub_secrets("token abc", {"abc", ""}) == "token [REDACTED]");
}

TEST_CASE("url_login tells a URL's user and password from its token, as nats.c reads them") {
    CHECK(aa::url_login("nats://admin:p@ss@h:4222") == "user/password");
    CHECK(aa::url_login("tls://s3cret@h") == "token");
    CHECK(aa::url_login("nats://h:4222/x@y").empty());  // an '@' in the path is no user info
    CHECK(aa::url_login("h:4222").empty());
}

TEST_CASE("host_port_of finds where a URL points, credentials and path aside") {
    const auto check = [](std::string_view url, const char* host, const char* port) {
        INFO(url);
        const auto hp = aa::host_port_of(url);
        REQUIRE(hp.has_value());
        CHECK(hp->host == host);
        CHECK(hp->port == port);
    };
    check("nats://h:4333", "h", "4333");
    check("h", "h", "4222");
    check("tls://u:p@ss@h:1/x@y", "h", "1");
    check("nats://[::1]:4333", "::1", "4333");
    check("nats://[::1]", "::1", "4222");
    CHECK_FALSE(aa::host_port_of("ws://h:80").has_value());  // a websocket server does not greet with INFO
    CHECK_FALSE(aa::host_port_of("nats://:4222").has_value());
    CHECK_FALSE(aa::host_port_of("nats://h:").has_value());
    CHECK_FALSE(aa::host_port_of("nats://[::1").has_value());
}
