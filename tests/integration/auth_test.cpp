// Every way natscli users log in with a secret of their own, against real
// nats-servers that require it: user/password, token and NKey, each given by
// flag, URL, environment or natscli context. A refused login exits 3 with one
// line that names the method and never the secret, in text and in JSON.
// Operator mode (creds) is in auth_operator_test.cpp, TLS client
// certificates in tls_test.cpp.

#include <doctest/doctest.h>

#include <fmt/format.h>

#include "tests/support/harness.hpp"
#include "tests/support/logins.hpp"

using aa::test::check_login_refused;
using aa::test::check_logs_in;
using aa::test::Json;
using aa::test::NatsServer;
using aa::test::run_aa_nats;
using aa::test::selected_context;
using aa::test::ServerOptions;
using aa::test::TempDir;

namespace {

// The example user of NATS's NKey documentation (docs.nats.io, "NKeys"), also
// in nats.rs' and nats.dart's tests: a seed and public key that no code of
// ours produced, so the key aa-nats derives is checked by the server.
constexpr const char* kDocsUserSeed = "SUACSSL3UAHUDXKFSNVUZRF5UHPMWZ6BFDTJ7M6USDXIEDNPPQYYYCU3VY";
constexpr const char* kDocsUserPublic = "UDXU4RCSJNZOIQHZNWXHXORDPRTGNJAHAHFRGZNEEJCPQTT2M7NLCNF4";
// Another user (nats.rs' tests/auth_nkey.rs), unknown to the servers here.
constexpr const char* kOtherUserSeed = "SUANQDPB2RUOE4ETUA26CNX7FUKE5ZZKFCQIIW63OX225F2CO7UEXTM7ZY";

constexpr const char* kPassword = "pw-right-2718";
constexpr const char* kWrongPassword = "pw-wrong-3141";
constexpr const char* kToken = "tok-right-1618";
constexpr const char* kWrongToken = "tok-wrong-1414";

// URL with user info ("alice:pw@") put after its scheme.
std::string with_user_info(const std::string& url, const std::string& user_info) {
    return "nats://" + user_info + "@" + url.substr(std::string("nats://").size());
}

}  // namespace

TEST_CASE("user and password: by flag, in the URL, in the environment and in a context") {
    NatsServer server(ServerOptions{.jetstream = true, .user = "alice", .password = kPassword, .extra_args = {}});
    check_logs_in({"-s", server.url(), "--user", "alice", "--password", kPassword});
    check_logs_in({"-s", with_user_info(server.url(), fmt::format("alice:{}", kPassword))});
    check_logs_in({"-s", server.url()}, {{"NATS_USER", "alice"}, {"NATS_PASSWORD", kPassword}});
    TempDir config;
    check_logs_in({}, selected_context(config, "alice", Json{{"url", server.url()}, {"user", "alice"}, {"password", kPassword}}));

    check_login_refused({"-s", server.url(), "--user", "alice", "--password", kWrongPassword}, {},
                        "user/password from --password", kWrongPassword);
    check_login_refused({"-s", with_user_info(server.url(), fmt::format("alice:{}", kWrongPassword))}, {},
                        "user/password from the URL", kWrongPassword);
    check_login_refused({"-s", server.url()}, {{"NATS_USER", "alice"}, {"NATS_PASSWORD", kWrongPassword}},
                        "user/password from NATS_PASSWORD (environment)", kWrongPassword);
    TempDir wrong;
    check_login_refused({}, selected_context(wrong, "typo", Json{{"url", server.url()}, {"user", "alice"}, {"password", kWrongPassword}}),
                        "user/password from context \"typo\"", kWrongPassword);
}

TEST_CASE("token: by flag, in the URL, in the environment and in a context") {
    NatsServer server(ServerOptions{.jetstream = true, .user = {}, .password = {}, .extra_args = {"--auth", kToken}});
    check_logs_in({"-s", server.url(), "--token", kToken});
    check_logs_in({"-s", with_user_info(server.url(), kToken)});
    check_logs_in({"-s", server.url()}, {{"NATS_TOKEN", kToken}});
    TempDir config;
    check_logs_in({}, selected_context(config, "tok", Json{{"url", server.url()}, {"token", kToken}}));

    check_login_refused({"-s", server.url(), "--token", kWrongToken}, {}, "token from --token", kWrongToken);
    check_login_refused({"-s", with_user_info(server.url(), kWrongToken)}, {}, "token from the URL", kWrongToken);
    // A URL's credentials win over the flag's, as in natscli: the URL's wrong token is the one refused.
    check_login_refused({"-s", with_user_info(server.url(), kWrongToken), "--token", kToken}, {}, "token from the URL",
                        kWrongToken);
    check_login_refused({"-s", server.url()}, {{"NATS_TOKEN", kWrongToken}}, "token from NATS_TOKEN (environment)",
                        kWrongToken);
    TempDir wrong;
    check_login_refused({}, selected_context(wrong, "tok", Json{{"url", server.url()}, {"token", kWrongToken}}),
                        "token from context \"tok\"", kWrongToken);
}

TEST_CASE("NKey: the user the server knows by its public key logs in with its seed file, by flag or context") {
    TempDir dir;
    NatsServer server(ServerOptions{
        .jetstream = true, .user = {}, .password = {},
        .extra_args = {"-c", dir.write("server.conf",
                                       fmt::format("authorization {{ users: [ {{ nkey: {} }} ] }}\n", kDocsUserPublic))}});
    const std::string seed_file = dir.write("user.nk", std::string(kDocsUserSeed) + "\n");
    check_logs_in({"-s", server.url(), "--nkey", seed_file});
    check_logs_in({"-s", server.url()}, {{"NATS_NKEY", seed_file}});
    TempDir config;
    check_logs_in({}, selected_context(config, "nk", Json{{"url", server.url()}, {"nkey", seed_file}}));

    const std::string other_file = dir.write("other.nk", std::string(kOtherUserSeed) + "\n");
    check_login_refused({"-s", server.url(), "--nkey", other_file}, {}, "NKey from --nkey", kOtherUserSeed);
    TempDir wrong;
    check_login_refused({}, selected_context(wrong, "nk", Json{{"url", server.url()}, {"nkey", other_file}}),
                        "NKey from context \"nk\"", kOtherUserSeed);
}

TEST_CASE("an NKey seed file without a good user seed is exit 2 before connecting, and is never quoted") {
    TempDir dir;
    std::string damaged = kDocsUserSeed;
    damaged[30] = damaged[30] == 'A' ? 'B' : 'A';
    const std::string file = dir.write("damaged.nk", damaged + "\n");
    for (const bool json : {false, true}) {
        std::vector<std::string> args{"stream-info", "-s", "nats://127.0.0.1:1", "--nkey", file};
        if (json) args.push_back("--json");
        const auto r = run_aa_nats(args);
        INFO("stderr: ", r.err);
        CHECK(r.exit_code == 2);
        CHECK(r.err == "aa-nats: error: --nkey: NKey seed file " + file +
                           ": the NKey seed's checksum does not match: it was changed or cut\n");
        CHECK(r.out.find(damaged) == std::string::npos);
    }
    // An open server sends no nonce to sign: the NKey login still works, as with natscli.
    NatsServer open;
    check_logs_in({"-s", open.url(), "--nkey", dir.write("user.nk", kDocsUserSeed)});
}
