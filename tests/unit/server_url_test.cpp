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
