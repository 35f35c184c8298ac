#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <map>

#include "src/context_file.hpp"
#include "src/errors.hpp"
#include "src/service_settings.hpp"
#include "src/settings.hpp"
#include "tests/unit/fixtures.hpp"

using aa::test::env_of;

namespace {

struct Scratch {
    std::filesystem::path dir;
    Scratch() {
        std::string pattern = (std::filesystem::temp_directory_path() / "aa-settings-XXXXXX").string();
        dir = ::mkdtemp(pattern.data());
    }
    ~Scratch() { std::filesystem::remove_all(dir); }
    std::string write(const std::string& name, const std::string& text) const {
        const auto path = dir / name;
        std::filesystem::create_directories(path.parent_path());
        std::ofstream(path) << text;
        return path.string();
    }
};

std::string usage_error(const aa::GlobalFlags& flags, const aa::Environment& env) {
    try {
        aa::resolve_settings(flags, env);
    } catch (const aa::UsageError& e) {
        return e.what();
    }
    return "no error";
}

}  // namespace

TEST_CASE("defaults follow the reference") {
    const auto settings = aa::resolve_settings({}, env_of({}));
    CHECK(settings.connection.servers == std::vector<std::string>{"nats://localhost:4223"});
    CHECK(settings.connection.timeout == std::chrono::milliseconds(5000));
    CHECK(settings.connection.api_prefix == "$JS.API");
}

TEST_CASE("precedence: flag > environment > env file > context > default") {
    Scratch scratch;
    scratch.write("config/nats/context/prod.json",
                  R"({"url":"nats://ctx:4222","user":"ctx-user","password":"ctx-pass","jetstream_domain":"hub"})");
    scratch.write("config/nats/context.txt", "prod\n");
    const std::string env_file = scratch.write("app.env", "NATS_URL=nats://file:4222\nNATS_USER=file-user\n");
    const std::string xdg = (scratch.dir / "config").string();

    SUBCASE("context selected in context.txt supplies what nothing else does") {
        const auto s = aa::resolve_settings({}, env_of({{"XDG_CONFIG_HOME", xdg}}));
        CHECK(s.connection.servers.front() == "nats://ctx:4222");
        CHECK(s.connection.user == "ctx-user");
        CHECK(s.connection.api_prefix == "$JS.hub.API");
        CHECK(s.connection.context_name == "prod");
    }
    SUBCASE("the env file beats the context") {
        aa::GlobalFlags flags;
        flags.env_file = env_file;
        const auto s = aa::resolve_settings(flags, env_of({{"XDG_CONFIG_HOME", xdg}}));
        CHECK(s.connection.servers.front() == "nats://file:4222");
        CHECK(s.connection.user == "file-user");
        CHECK(s.connection.password == "ctx-pass");
    }
    SUBCASE("the real environment beats the env file") {
        aa::GlobalFlags flags;
        flags.env_file = env_file;
        const auto s = aa::resolve_settings(flags, env_of({{"XDG_CONFIG_HOME", xdg}, {"NATS_URL", "nats://env:4222"}}));
        CHECK(s.connection.servers.front() == "nats://env:4222");
        CHECK(s.connection.user == "file-user");
    }
    SUBCASE("a flag beats everything") {
        aa::GlobalFlags flags;
        flags.env_file = env_file;
        flags.server = "nats://flag:4222";
        const auto s = aa::resolve_settings(flags, env_of({{"XDG_CONFIG_HOME", xdg}, {"NATS_URL", "nats://env:4222"}}));
        CHECK(s.connection.servers.front() == "nats://flag:4222");
    }
    SUBCASE("a --js-api-prefix flag replaces the context's domain instead of clashing with it") {
        aa::GlobalFlags flags;
        flags.js_api_prefix = "$JS.edge.API";
        const auto s = aa::resolve_settings(flags, env_of({{"XDG_CONFIG_HOME", xdg}}));
        CHECK(s.connection.api_prefix == "$JS.edge.API");
    }
    SUBCASE("--context picks a file by path") {
        const std::string other = scratch.write("other.json", R"({"url":"nats://other:4222"})");
        aa::GlobalFlags flags;
        flags.context = other;
        const auto s = aa::resolve_settings(flags, env_of({{"XDG_CONFIG_HOME", xdg}}));
        CHECK(s.connection.servers.front() == "nats://other:4222");
    }
    SUBCASE("topology variables come from the env file too") {
        const std::string topo = scratch.write("topo.env", "EVENT_STREAM_MODE=single\nSTREAM_LEGACY_NAME=OLD\n");
        aa::GlobalFlags flags;
        flags.env_file = topo;
        const auto s = aa::resolve_settings(flags, env_of({}));
        CHECK(s.topology.mode == aa::StreamMode::single);
        CHECK(s.topology.names.legacy == "OLD");
    }
}

TEST_CASE("bad values are one-line usage errors naming the setting") {
    Scratch scratch;
    aa::GlobalFlags flags;
    flags.timeout = "5";
    CHECK(usage_error(flags, env_of({})) == "--timeout=\"5\": invalid duration \"5\": missing or unknown unit (use ms, s, m, h or d)");
    CHECK(usage_error({}, env_of({{"NATS_TIMEOUT", "soon"}})).starts_with("NATS_TIMEOUT (environment)=\"soon\""));

    aa::GlobalFlags missing_file;
    missing_file.env_file = (scratch.dir / "nope.env").string();
    CHECK(usage_error(missing_file, env_of({})).find("No such file or directory") != std::string::npos);

    aa::GlobalFlags bad_env_file;
    bad_env_file.env_file = scratch.write("bad.env", "OK=1\nbroken line\n");
    CHECK(usage_error(bad_env_file, env_of({})).ends_with("line 2: expected KEY=VALUE"));

    aa::GlobalFlags unknown_context;
    unknown_context.context = "nope";
    CHECK(usage_error(unknown_context, env_of({{"HOME", scratch.dir.string()}})).starts_with("context file "));

    aa::GlobalFlags escaping;
    escaping.context = "..";
    CHECK(usage_error(escaping, env_of({{"HOME", scratch.dir.string()}})).find("invalid context name") != std::string::npos);

    aa::GlobalFlags both;
    both.js_domain = "hub";
    both.js_api_prefix = "$JS.x.API";
    CHECK(usage_error(both, env_of({})) == "--js-domain and --js-api-prefix cannot be used together");

    aa::GlobalFlags bad_context_json;
    bad_context_json.context = scratch.write("bad.json", "{not json");
    CHECK(usage_error(bad_context_json, env_of({})).ends_with("not valid JSON"));
}

TEST_CASE("secrets are collected from every source") {
    aa::GlobalFlags flags;
    flags.server = "nats://me:urlpass@h:4222";
    flags.password = "flagpass";
    flags.token = "tok";
    const auto s = aa::resolve_settings(flags, env_of({}));
    const auto secrets = s.connection.secrets();
    CHECK(std::find(secrets.begin(), secrets.end(), "urlpass") != secrets.end());
    CHECK(std::find(secrets.begin(), secrets.end(), "flagpass") != secrets.end());
    CHECK(std::find(secrets.begin(), secrets.end(), "tok") != secrets.end());
}

TEST_CASE("the login names each way and where it was set; the URL's credentials win over the flags") {
    Scratch scratch;
    aa::GlobalFlags flags;
    flags.server = "nats://h:4222";
    flags.user = "alice";
    flags.nkey = scratch.write("user.nk", "SUACSSL3UAHUDXKFSNVUZRF5UHPMWZ6BFDTJ7M6USDXIEDNPPQYYYCU3VY\n");
    const auto s = aa::resolve_settings(flags, env_of({{"NATS_PASSWORD", "pw"}}));
    CHECK(s.connection.login == "user/password from NATS_PASSWORD (environment) and NKey from --nkey");
    CHECK(s.connection.nkey_public_key == "UDXU4RCSJNZOIQHZNWXHXORDPRTGNJAHAHFRGZNEEJCPQTT2M7NLCNF4");
    const auto secrets = s.connection.secrets();
    CHECK(std::find(secrets.begin(), secrets.end(), "SUACSSL3UAHUDXKFSNVUZRF5UHPMWZ6BFDTJ7M6USDXIEDNPPQYYYCU3VY") != secrets.end());

    aa::GlobalFlags url;
    url.server = "nats://s3cret@h:4222";
    url.token = "ignored";
    CHECK(aa::resolve_settings(url, env_of({})).connection.login == "token from the URL");
    url.server = "nats://h:4222,nats://u:p@h2:4222";
    CHECK(aa::resolve_settings(url, env_of({})).connection.login == "user/password from the URL");
    CHECK(aa::resolve_settings({}, env_of({})).connection.login.empty());
}

TEST_CASE("an NKey seed file that cannot be read or holds no user seed is a usage error naming where it was set") {
    Scratch scratch;
    aa::GlobalFlags flags;
    flags.nkey = (scratch.dir / "missing.nk").string();
    CHECK(usage_error(flags, env_of({})) == "--nkey: NKey seed file " + *flags.nkey + ": No such file or directory");
    const std::string damaged = scratch.write("damaged.nk", "SUACSSL3UAHUDXKFSNVUZRF5UHPMWZ6BFDTJ7M6USDXIEDNPPQYYYCU3VA\n");
    CHECK(usage_error({}, env_of({{"NATS_NKEY", damaged}})) ==
          "NATS_NKEY (environment): NKey seed file " + damaged + ": the NKey seed's checksum does not match: it was changed or cut");
}

TEST_CASE("natscli context files parse; wrong types are errors") {
    const auto ctx = aa::parse_context(R"({"description":"x","url":"nats://a","token":"t","nsc":"","jetstream_domain":"d"})");
    CHECK(ctx.url == "nats://a");
    CHECK(ctx.token == "t");
    CHECK(ctx.jetstream_domain == "d");
    CHECK_THROWS_AS(aa::parse_context(R"({"url": 5})"), aa::ParseError);
    CHECK(aa::parse_context(R"({"url": null, "user": "u"})").url.empty());  // null leaves a field unset
    CHECK_THROWS_AS(aa::parse_context("[]"), aa::ParseError);
    CHECK(aa::context_is_path("dir/x"));
    CHECK(aa::context_is_path("x.json"));
    CHECK_FALSE(aa::context_is_path("prod"));
}

TEST_CASE("an ack wait too long for int64 nanoseconds is a usage error, not an overflow later") {
    const auto ok = aa::resolve_service_settings(env_of({{"NORMALIZE_HRV_ACK_WAIT_MS", "9223372036854"}}), "C", "L");
    CHECK(ok.hrv_ack_wait.count() == 9223372036854);
    try {
        aa::resolve_service_settings(env_of({{"NORMALIZE_HRV_ACK_WAIT_MS", "9223372036855"}}), "C", "L");
        FAIL("no error");
    } catch (const aa::UsageError& e) {
        CHECK(std::string(e.what()) ==
              "NORMALIZE_HRV_ACK_WAIT_MS=\"9223372036855\" (environment): expected a positive whole number up to 9223372036854");
    }
}

TEST_CASE("the selected context's name is read without its line end and surrounding spaces") {
    Scratch scratch;
    scratch.write("config/nats/context/prod.json", R"({"url":"nats://ctx:4222"})");
    scratch.write("config/nats/context.txt", "  prod \r\n");
    const auto s = aa::resolve_settings({}, env_of({{"XDG_CONFIG_HOME", (scratch.dir / "config").string()}}));
    CHECK(s.connection.context_name == "prod");
    CHECK(s.connection.servers.front() == "nats://ctx:4222");
}

TEST_CASE("AA_STREAM_CANDIDATES forgives spaces and tabs around a name, drops empty entries") {
    const auto s = aa::resolve_service_settings(env_of({{"AA_STREAM_CANDIDATES", " A ,\tB\t,,"}}), "C", "L");
    CHECK(s.stream_candidates == std::vector<std::string>{"A", "B"});
    CHECK_THROWS_AS(aa::resolve_service_settings(env_of({{"AA_STREAM_CANDIDATES", "A\r"}}), "C", "L"), aa::UsageError);
}
