// TLS against a real nats-server that requires it: a client that cannot verify
// the server fails with exit 3 and the reason; one given the CA connects.
// The certificates are made for each run with the openssl command line.

#include <doctest/doctest.h>

#include <cstdlib>

#include <fmt/format.h>

#include "tests/support/harness.hpp"

using aa::test::NatsServer;
using aa::test::run_aa_nats;
using aa::test::ServerOptions;
using aa::test::TempDir;

namespace {

// A CA and a server certificate for 127.0.0.1 signed by it.
struct Certificates {
    TempDir dir;
    std::string ca, cert, key;
    Certificates() {
        const std::string d = dir.path().string();
        ca = d + "/ca.pem";
        cert = d + "/server.pem";
        key = d + "/server-key.pem";
        const std::string script = fmt::format(
            "set -e; cd {0}; "
            "openssl req -x509 -newkey rsa:2048 -nodes -keyout ca-key.pem -out ca.pem -days 1 -subj /CN=aa-test-ca; "
            "openssl req -newkey rsa:2048 -nodes -keyout server-key.pem -out server.csr -subj /CN=127.0.0.1; "
            "printf 'subjectAltName=IP:127.0.0.1' > ext.cnf; "
            "openssl x509 -req -in server.csr -CA ca.pem -CAkey ca-key.pem -CAcreateserial -out server.pem -days 1 "
            "-extfile ext.cnf",
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
    CHECK(verified.json().at("server").at("version") == "2.9.10");

    const auto missing_ca = run_aa_nats({"stream-info", "-s", url, "--tlsca", certs.dir.path().string() + "/nope.pem"});
    CHECK(missing_ca.exit_code == 2);
}
