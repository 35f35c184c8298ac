// Every way natscli users log in, against real nats-servers that require it:
// user/password, token and NKey, each given by flag, URL or natscli context.
// A refused login exits 3 with one line that names the method and never the
// secret, in text and in JSON. Operator mode (creds) is in
// auth_operator_test.cpp, TLS client certificates in tls_test.cpp.

#include <doctest/doctest.h>

#include <fmt/format.h>

#include "tests/support/harness.hpp"

using aa::test::NatsServer;
using aa::test::run_aa_nats;
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

}  // namespace

TEST_CASE("--nkey: the user the server knows by its public key logs in with the seed file") {
    TempDir dir;
    NatsServer server(ServerOptions{
        .jetstream = true, .user = {}, .password = {},
        .extra_args = {"-c", dir.write("server.conf",
                                       fmt::format("authorization {{ users: [ {{ nkey: {} }} ] }}\n", kDocsUserPublic))}});
    const std::string seed_file = dir.write("user.nk", std::string(kDocsUserSeed) + "\n");

    const auto r = run_aa_nats({"stream-info", "--json", "-s", server.url(), "--nkey", seed_file});
    INFO("stderr: ", r.err, "\nstdout: ", r.out);
    CHECK(r.exit_code == 0);
    CHECK(r.out.find(kDocsUserSeed) == std::string::npos);

    const std::string other_file = dir.write("other.nk", std::string(kOtherUserSeed) + "\n");
    const auto refused = run_aa_nats({"stream-info", "-s", server.url(), "--nkey", other_file});
    INFO("stderr: ", refused.err);
    CHECK(refused.exit_code == 3);
    CHECK(refused.err.find(kOtherUserSeed) == std::string::npos);
}
