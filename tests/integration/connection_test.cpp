// The shared connection core, seen through the binary: servers that are slow,
// answer garbage, lack JetStream or stay silent; contexts and env files; the
// JetStream domain prefix. Every case must end with one line and exit 3 (or 2).

#include <doctest/doctest.h>

#include <algorithm>

#include <fmt/format.h>

#include "tests/support/fakes.hpp"
#include "tests/support/harness.hpp"
#include "tests/support/terminal_checks.hpp"

using aa::test::FakeResponder;
using aa::test::FakeTcpServer;
using aa::test::Json;
using aa::test::NatsServer;
using aa::test::run_aa_nats;
using aa::test::ServerOptions;
using aa::test::TempDir;
using aa::test::TestClient;
using aa::test::check_one_line_error;
using namespace std::chrono_literals;

namespace {

ServerOptions without_jetstream() { return ServerOptions{.jetstream = false, .user = {}, .password = {}, .extra_args = {}}; }

}  // namespace

TEST_CASE("a server that accepts but never greets: exit 3 within the timeout plus a second") {
    FakeTcpServer silent("");
    const auto r = run_aa_nats({"stream-info", "-s", silent.url(), "--timeout", "500ms"});
    CHECK(r.exit_code == 3);
    CHECK(r.elapsed < 1500ms);
    check_one_line_error(r, "cannot connect to " + silent.url());
}

TEST_CASE("a peer that greets with garbage: exit 3, no crash") {
    FakeTcpServer garbage("HTTP/1.1 400 Bad Request\r\n\r\n\x01\x02\xff garbage\r\n");
    const auto r = run_aa_nats({"stream-info", "--json", "-s", garbage.url(), "--timeout", "1s"});
    CHECK(r.exit_code == 3);
    CHECK(r.json().at("error").at("exit_code") == 3);
    check_one_line_error(r, "cannot connect to");
}

TEST_CASE("JetStream API answering garbage is a bad reply (exit 3), not a crash") {
    NatsServer server(without_jetstream());
    FakeResponder liar(server.url(), "$JS.API.>", "<html>not json</html>");
    const auto r = run_aa_nats({"stream-info", "--json", "-s", server.url()});
    CHECK(r.exit_code == 3);
    check_one_line_error(r, "bad reply on $JS.API.STREAM.INFO.");
    CHECK(r.json().at("error").at("message").get<std::string>().find("not valid JSON") != std::string::npos);
}

TEST_CASE("a JetStream API that never answers is unavailable, never 'not found'") {
    NatsServer server(without_jetstream());
    FakeResponder silent(server.url(), "$JS.API.>", "");
    const auto r = run_aa_nats({"stream-info", "AA_CORE_HOT", "-s", server.url(), "--timeout", "600ms"});
    CHECK(r.exit_code == 3);
    CHECK(r.elapsed < 1600ms);
    check_one_line_error(r, "JetStream unavailable: no reply on $JS.API.STREAM.INFO.AA_CORE_HOT within 600ms");
    CHECK(r.out.find("not found") == std::string::npos);
}

TEST_CASE("a LIST reply claiming an absurd total does not make a request per claimed page") {
    NatsServer server(without_jetstream());
    // Every page says there are 9e18 streams and holds the same one.
    FakeResponder liar(server.url(), "$JS.API.>",
                       R"({"type":"io.nats.jetstream.api.v1.stream_list_response","total":9000000000000000000,)"
                       R"("offset":0,"limit":256,"streams":[{"config":{"name":"ONLY"},"state":{}}]})");
    const auto r = run_aa_nats({"stream-info", "--all", "--json", "-s", server.url(), "--timeout", "2s"});
    INFO("stderr: ", r.err);
    CHECK(r.exit_code == 0);
    CHECK(r.elapsed < 2000ms);
    CHECK(r.json().at("streams").size() == 1);
}

TEST_CASE("--js-domain and --js-api-prefix change the API subjects") {
    NatsServer server(without_jetstream());
    // A responder only under the domain's prefix: answering proves the prefix was used.
    FakeResponder hub(server.url(), "$JS.hub.API.STREAM.INFO.*",
                      R"({"type":"io.nats.jetstream.api.v1.stream_info_response","error":{"code":404,"err_code":10059,"description":"stream not found"}})");
    FakeResponder hub_list(server.url(), "$JS.hub.API.STREAM.LIST",
                           R"({"type":"io.nats.jetstream.api.v1.stream_list_response","total":0,"offset":0,"limit":256,"streams":null})");
    const auto domain = run_aa_nats({"stream-info", "--json", "--js-domain", "hub", "-s", server.url()});
    CHECK(domain.exit_code == 0);
    CHECK(domain.json().at("streams")[0].at("found") == false);

    const auto prefix = run_aa_nats({"stream-info", "--js-api-prefix", "$JS.hub.API", "-s", server.url()});
    CHECK(prefix.exit_code == 0);

    const auto plain = run_aa_nats({"stream-info", "-s", server.url(), "--timeout", "300ms"});
    CHECK(plain.exit_code == 3);
}

TEST_CASE("a natscli context supplies the server and credentials; flags still win") {
    NatsServer server(ServerOptions{.jetstream = true, .user = "ctx", .password = "ctx-pass-9", .extra_args = {}});
    TempDir config;
    config.write("nats/context/prod.json",
                 Json{{"url", server.url()}, {"user", "ctx"}, {"password", "ctx-pass-9"}}.dump());
    config.write("nats/context.txt", "prod\n");
    const std::map<std::string, std::string> env{{"XDG_CONFIG_HOME", config.path().string()}};

    const auto selected = run_aa_nats({"stream-info", "--json"}, env);
    CHECK(selected.exit_code == 0);
    CHECK(selected.out.find("ctx-pass-9") == std::string::npos);

    const auto by_name = run_aa_nats({"stream-info", "--context", "prod"}, {});
    CHECK(by_name.exit_code == 2);  // no such context under the default HOME

    const auto wrong_flag = run_aa_nats({"stream-info", "--password", "nope-pass-1"}, env);
    CHECK(wrong_flag.exit_code == 3);
    CHECK(wrong_flag.err.find("nope-pass-1") == std::string::npos);

    const auto missing = run_aa_nats({"stream-info", "--context", "staging"}, env);
    CHECK(missing.exit_code == 2);
    check_one_line_error(missing, "context file");
}

TEST_CASE("--env-file supplies settings under the real environment") {
    NatsServer server;
    TestClient client(server.url());
    client.create_stream(Json{{"name", "FILE_CORE"}, {"subjects", {"athlete-ally.>"}}, {"storage", "memory"}});
    TempDir dir;
    const std::string env_file = dir.write(".env", fmt::format("NATS_URL={}  # local\nSTREAM_CORE_NAME=\"FILE_CORE\"\n", server.url()));

    const auto r = run_aa_nats({"stream-info", "--json", "--env-file", env_file});
    CHECK(r.exit_code == 0);
    CHECK(r.json().at("streams")[0].at("name") == "FILE_CORE");
    CHECK(r.json().at("streams")[0].at("found") == true);

    const auto env_wins = run_aa_nats({"stream-info", "--json", "--env-file", env_file}, {{"STREAM_CORE_NAME", "ENV_CORE"}});
    CHECK(env_wins.json().at("streams")[0].at("name") == "ENV_CORE");

    const auto unreadable = run_aa_nats({"stream-info", "--env-file", (dir.path() / "missing.env").string()});
    CHECK(unreadable.exit_code == 2);
    check_one_line_error(unreadable, "No such file or directory");

    const std::string bad = dir.write("bad.env", "STREAM_CORE_NAME=has space\n");
    const auto bad_value = run_aa_nats({"stream-info", "--env-file", bad});
    CHECK(bad_value.exit_code == 2);
    check_one_line_error(bad_value, "STREAM_CORE_NAME=\"has space\" (env file)");
}

TEST_CASE("colour only when asked for by a terminal; NO_COLOR and --no-color keep it off") {
    NatsServer server;
    // Without a terminal there is never colour, whatever the flags.
    const auto piped = run_aa_nats({"stream-info", "-s", server.url()});
    CHECK(piped.out.find("\x1b[") == std::string::npos);
    const auto no_color = run_aa_nats({"stream-info", "--no-color", "-s", server.url()}, {{"NO_COLOR", "1"}});
    CHECK(no_color.exit_code == 0);
    CHECK(no_color.out == piped.out);
}

TEST_CASE("a mistyped secret flag is named, its value never echoed") {
    const auto typo = run_aa_nats({"stream-info", "--pasword", "typo-secret-7", "--json"});
    CHECK(typo.exit_code == 2);
    check_one_line_error(typo, "unknown option --pasword");
    CHECK(typo.err.find("typo-secret-7") == std::string::npos);
    CHECK(typo.out.find("typo-secret-7") == std::string::npos);

    const auto joined = run_aa_nats({"stream-info", "--tokn=typo-secret-8"});
    CHECK(joined.exit_code == 2);
    CHECK(joined.err.find("typo-secret-8") == std::string::npos);
}
