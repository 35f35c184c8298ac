// Creds in operator mode against a real nats-server: the operator, its system
// account, the accounts and their users are made for each run from fresh
// NKeys (tests/support/operator_mode.hpp), the server trusts them through
// `resolver: MEMORY`. A user logs in with its .creds file by flag,
// environment or natscli context; a file that does not prove who it claims
// is refused with exit 3, one line naming the method, and its seed nowhere.

#include <doctest/doctest.h>

#include <map>
#include <random>
#include <string_view>

#include <fmt/format.h>

#include "src/nkey_user.hpp"
#include "tests/support/fakes.hpp"
#include "tests/support/harness.hpp"
#include "tests/support/logins.hpp"
#include "tests/support/operator_mode.hpp"
#include "tests/support/schema_check.hpp"

using aa::test::check_login_refused;
using aa::test::FakeTcpServer;
using aa::test::check_logs_in;
using aa::test::fresh_nkey;
using aa::test::Json;
using aa::test::NatsServer;
using aa::test::Operator;
using aa::test::run_aa_nats;
using aa::test::run_and_check;
using aa::test::selected_context;
using aa::test::ServerOptions;
using aa::test::TempDir;
using aa::test::TestNkey;
using aa::test::user_creds;

namespace {

const Json kUnlimitedJetStream{{"mem_storage", -1}, {"disk_storage", -1}, {"streams", -1}, {"consumer", -1}};

NatsServer operator_mode_server(const TempDir& dir, const Operator& trusted) {
    return NatsServer(ServerOptions{.jetstream = true, .user = {}, .password = {},
                                    .extra_args = {"-c", dir.write("server.conf", trusted.server_config())}});
}

}  // namespace

TEST_CASE("creds: a user of an account with JetStream logs in by flag, environment or context") {
    Operator trusted;
    const TestNkey account = trusted.add_account("AA", kUnlimitedJetStream);
    TempDir dir;
    NatsServer server = operator_mode_server(dir, trusted);
    const std::string creds = dir.write("ops.creds", user_creds(account, "ops"));
    check_logs_in({"-s", server.url(), "--creds", creds});
    check_logs_in({"-s", server.url()}, {{"NATS_CREDS", creds}});
    TempDir config;
    check_logs_in({}, selected_context(config, "ops", Json{{"url", server.url()}, {"creds", creds}}));

    // The JWT of a user of AA, with another key's seed: it cannot sign as the user.
    const TestNkey impostor = fresh_nkey(aa::NkeyKind::user);
    const std::string forged = dir.write("forged.creds", user_creds(account, "ops", &impostor));
    check_login_refused({"-s", server.url(), "--creds", forged}, {}, "credentials file from --creds", impostor.seed_text());
    TempDir wrong;
    check_login_refused({}, selected_context(wrong, "forged", Json{{"url", server.url()}, {"creds", forged}}),
                        "credentials file from context \"forged\"", impostor.seed_text());
    // A user of an account that the operator never signed.
    const TestNkey stranger = fresh_nkey(aa::NkeyKind::account);
    const std::string unknown = dir.write("unknown.creds", user_creds(stranger, "stray"));
    check_login_refused({"-s", server.url(), "--creds", unknown}, {}, "credentials file from --creds",
                        stranger.seed_text());

    // Read before connecting, as an NKey seed file is: what is wrong with the file is the operator's to fix (exit 2).
    const std::string nope = dir.path().string() + "/nope.creds";
    const auto missing = run_aa_nats({"stream-info", "-s", server.url(), "--creds", nope});
    INFO("stderr: ", missing.err);
    CHECK(missing.exit_code == 2);
    CHECK(missing.err.starts_with("aa-nats: error: --creds: credentials file " + nope + ": "));
    const auto seed_only = run_aa_nats({"stream-info", "-s", server.url(), "--creds", dir.write("seed.creds", impostor.seed_text())});
    INFO("stderr: ", seed_only.err);
    CHECK(seed_only.exit_code == 2);
    CHECK(seed_only.err.find("no user JWT and seed in it") != std::string::npos);
    CHECK(seed_only.err.find(impostor.seed_text()) == std::string::npos);
    const auto both = run_aa_nats({"stream-info", "-s", server.url(), "--creds", creds, "--nkey", dir.write("ops.nk", impostor.seed_text())});
    INFO("stderr: ", both.err);
    CHECK(both.exit_code == 2);
    CHECK(both.err == "aa-nats: error: a credentials file (from --creds) and an NKey (from --nkey) cannot both be used: "
                      "the credentials file holds its own seed\n");
}

// nats.c 3.4.1 base64-encodes the signature of the server's nonce with a
// function that stops at a first byte of 0, and then sends its CONNECT without
// "sig": one login in 256 with creds or an NKey was refused (seen as a flaky
// CI run on 2.15.1). No real server can be made to send a chosen nonce, so a
// fake greets every connection with one whose signature by the user's seed
// starts with 0, and answers nothing.
TEST_CASE("a nonce signature that nats.c would send as none is never sent: each attempt gets a new nonce") {
    const TestNkey user = fresh_nkey(aa::NkeyKind::user);
    std::mt19937 random(std::random_device{}());
    std::string nonce;
    do {
        static constexpr std::string_view kBase64Url = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        nonce.clear();
        for (int i = 0; i < 15; ++i) nonce.push_back(kBase64Url[random() % kBase64Url.size()]);
    } while (aa::ed25519_sign(user.seed, nonce).front() != 0);
    const std::string greeting = fmt::format(
        "INFO {{\"server_id\":\"NFAKE\",\"server_name\":\"fake\",\"version\":\"2.15.1\",\"proto\":1,"
        "\"host\":\"127.0.0.1\",\"port\":4222,\"headers\":true,\"auth_required\":true,\"max_payload\":1048576,"
        "\"client_id\":1,\"nonce\":\"{}\"}}\r\n", nonce);

    Operator trusted;
    const TestNkey account = trusted.add_account("AA", kUnlimitedJetStream);
    TempDir dir;
    const std::vector<std::vector<std::string>> logins{{"--creds", dir.write("ops.creds", user_creds(account, "ops", &user))},
                                                       {"--nkey", dir.write("ops.nk", user.seed_text() + "\n")}};
    for (const auto& login : logins) {
        FakeTcpServer fake(greeting);
        std::vector<std::string> args{"stream-info", "-s", fake.url(), "--timeout", "2s"};
        args.insert(args.end(), login.begin(), login.end());
        const auto r = run_aa_nats(args);
        INFO(login.front(), ": stderr: ", r.err, "connections: ", fake.accepted(), "\nreceived: ", fake.received());
        CHECK(r.exit_code == 3);
        CHECK(r.err.find("the signature of the server's nonce starts with a zero byte") != std::string::npos);
        CHECK(fake.received().find("CONNECT") == std::string::npos);
        CHECK(fake.accepted() >= 4);  // the greeting probe's, and four of nats.c's
    }
}

TEST_CASE("creds: an account whose JetStream limit on streams is reached") {
    Operator trusted;
    const TestNkey account = trusted.add_account(
        "SMALL", Json{{"mem_storage", -1}, {"disk_storage", -1}, {"streams", 1}, {"consumer", -1}});
    TempDir dir;
    NatsServer server = operator_mode_server(dir, trusted);
    const std::string creds = dir.write("small.creds", user_creds(account, "ops"));

    // The account is filled by one create alone: ensure-streams sends its
    // creates together, and from 2.11.10 nats-server handles them at once,
    // its limit check racing (three pipelined creates passed a limit of two
    // on 2.15.1, some runs out of five). A full account refuses every create.
    const auto single = run_aa_nats({"ensure-streams", "-s", server.url(), "--creds", creds}, {{"EVENT_STREAM_MODE", "single"}});
    INFO("single: ", single.out, single.err);
    REQUIRE(single.exit_code == 0);

    // Phase 0 keeps the legacy stream and wants the DLQ too: the server refuses it.
    const auto r = run_aa_nats({"ensure-streams", "--phase", "0", "-s", server.url(), "--creds", creds});
    INFO("stderr: ", r.err, "\nstdout: ", r.out);
    CHECK(r.exit_code == 1);
    CHECK(r.out.find("AA_DLQ: create failed: maximum number of streams reached (err_code 10027)") != std::string::npos);
    CHECK(r.out.find("Failed after 0 created, 0 updated, 0 deleted.") != std::string::npos);

    // Run again: the legacy stream is found unchanged, the DLQ is refused again; the JSON is valid against its schema.
    const Json again = run_and_check({"ensure-streams", "--phase", "0", "--json", "-s", server.url(), "--creds", creds}, 1,
                                     "ensure-streams.schema.json");
    std::map<std::string, Json> actions;
    for (const Json& a : again.at("actions")) actions[a.at("stream").get<std::string>()] = a;
    const Json& dlq = actions.at("AA_DLQ");
    CHECK(dlq.at("action") == "create");
    CHECK(dlq.at("applied") == false);
    CHECK(dlq.at("error") == "maximum number of streams reached (err_code 10027)");
    CHECK(actions.at("ATHLETE_ALLY_EVENTS").at("action") == "unchanged");
    CHECK(again.at("uncaptured") == Json::array({"dlq.>"}));
}

TEST_CASE("creds: a user of an account without JetStream logs in, and is told JetStream is not enabled for it") {
    Operator trusted;
    const TestNkey account = trusted.add_account("CORE_ONLY");
    TempDir dir;
    NatsServer server = operator_mode_server(dir, trusted);
    const std::string creds = dir.write("core.creds", user_creds(account, "ops"));
    const auto r = run_aa_nats({"stream-info", "-s", server.url(), "--creds", creds});
    INFO("stderr: ", r.err, "\nstdout: ", r.out);
    CHECK(r.exit_code == 3);
    CHECK(r.err == "aa-nats: error: JetStream error on $JS.API.STREAM.INFO.AA_CORE_HOT: "
                   "JetStream not enabled for account (code 503, err_code 10039)\n");
}
