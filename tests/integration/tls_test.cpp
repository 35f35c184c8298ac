// TLS against a real nats-server that requires it: a client that cannot verify
// the server fails with exit 3 and the reason; one given the CA connects. A
// server that also verifies its clients lets in a certificate its CA signed,
// by flag, environment or context, and refuses one signed by another CA.
// The certificates are made for each run with the openssl command line.

#include <doctest/doctest.h>

#include <cstdlib>

#include <fmt/format.h>

#include "tests/support/harness.hpp"
#include "tests/support/logins.hpp"

using aa::test::check_login_refused;
using aa::test::check_logs_in;
using aa::test::Json;
using aa::test::server_version;
using aa::test::NatsServer;
using aa::test::run_aa_nats;
using aa::test::selected_context;
using aa::test::ServerOptions;
using aa::test::TempDir;

namespace {

// A CA, a server certificate for 127.0.0.1 and a client certificate signed
// by it, and a client certificate signed by another CA that no server trusts.
struct Certificates {
    TempDir dir;
    std::string ca, cert, key, client_cert, client_key, rogue_cert, rogue_key;
    Certificates() {
        const std::string d = dir.path().string();
        ca = d + "/ca.pem";
        cert = d + "/server.pem";
        key = d + "/server-key.pem";
        client_cert = d + "/client.pem";
        client_key = d + "/client-key.pem";
        rogue_cert = d + "/rogue.pem";
        rogue_key = d + "/rogue-key.pem";
        const std::string script = fmt::format(
            "set -e; cd {0}; "
            "openssl req -x509 -newkey rsa:2048 -nodes -keyout ca-key.pem -out ca.pem -days 1 -subj /CN=aa-test-ca; "
            "openssl req -x509 -newkey rsa:2048 -nodes -keyout rogue-ca-key.pem -out rogue-ca.pem -days 1 -subj /CN=rogue; "
            "sign() {{ openssl req -newkey rsa:2048 -nodes -keyout $1-key.pem -out $1.csr -subj /CN=$2; "
            "openssl x509 -req -in $1.csr -CA $3.pem -CAkey $3-key.pem -CAcreateserial -out $1.pem -days 1 $4; }}; "
            "printf 'subjectAltName=IP:127.0.0.1' > ext.cnf; "
            "sign server 127.0.0.1 ca '-extfile ext.cnf'; sign client aa-nats ca; sign rogue aa-nats rogue-ca",
            d);
        REQUIRE(std::system(("(" + script + ") >/dev/null 2>&1").c_str()) == 0);
    }
};

}  // namespace

TEST_CASE("a server that requires TLS: unverifiable is exit 3 with the reason, the right CA connects") {
    Certificates certs;
    NatsServer server(ServerOptions{
        .jetstream = true, .user = {}, .password = {},
        .extra_args = {"--tls", "--tlscert", certs.cert, "--tlskey", certs.key}});
    const std::string url = fmt::format("tls://127.0.0.1:{}", server.port());

    const auto unverified = run_aa_nats({"stream-info", "-s", url, "--timeout", "2s"});
    INFO(unverified.err);
    CHECK(unverified.exit_code == 3);
    CHECK(unverified.err.starts_with("aa-nats: error: cannot connect to " + url));
    CHECK(unverified.err.find("TLS") != std::string::npos);

    const auto verified = run_aa_nats({"stream-info", "--json", "-s", url, "--tlsca", certs.ca});
    INFO(verified.err);
    CHECK(verified.exit_code == 0);
    CHECK(verified.json().at("server").at("version") == server_version());

    const auto missing_ca = run_aa_nats({"stream-info", "-s", url, "--tlsca", certs.dir.path().string() + "/nope.pem"});
    CHECK(missing_ca.exit_code == 2);
}

TEST_CASE("a server that verifies its clients: a certificate its CA signed logs in, another CA's is refused") {
    Certificates certs;
    NatsServer server(ServerOptions{
        .jetstream = true, .user = {}, .password = {},
        .extra_args = {"--tls", "--tlscert", certs.cert, "--tlskey", certs.key, "--tlsverify", "--tlscacert", certs.ca}});
    const std::string url = fmt::format("tls://127.0.0.1:{}", server.port());

    check_logs_in({"-s", url, "--tlsca", certs.ca, "--tlscert", certs.client_cert, "--tlskey", certs.client_key});
    check_logs_in({"-s", url}, {{"NATS_CA", certs.ca}, {"NATS_CERT", certs.client_cert}, {"NATS_KEY", certs.client_key}});
    TempDir config;
    check_logs_in({}, selected_context(config, "mtls", Json{{"url", url}, {"ca", certs.ca}, {"cert", certs.client_cert},
                                                            {"key", certs.client_key}}));

    const auto without = run_aa_nats({"stream-info", "-s", url, "--tlsca", certs.ca, "--timeout", "3s"});
    INFO("stderr: ", without.err);
    CHECK(without.exit_code == 3);
    CHECK(without.err.starts_with("aa-nats: error: cannot connect to " + url + ": "));

    // The secret is the private key: no line of it may be printed.
    check_login_refused({"-s", url, "--tlsca", certs.ca, "--tlscert", certs.rogue_cert, "--tlskey", certs.rogue_key}, {},
                        "TLS client certificate from --tlscert", "PRIVATE KEY");
    TempDir rogue;
    check_login_refused({}, selected_context(rogue, "rogue", Json{{"url", url}, {"ca", certs.ca}, {"cert", certs.rogue_cert},
                                                                   {"key", certs.rogue_key}}),
                        "TLS client certificate from context \"rogue\"", "PRIVATE KEY");
}
