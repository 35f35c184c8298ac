// With --json, every command that ends by an error prints the error document
// (docs/schema/error.schema.json) and nothing else on stdout: usage errors
// (exit 2, from the command line, the environment or a command's own checks)
// and NATS or JetStream out of reach (exit 3).

#include <doctest/doctest.h>

#include <map>
#include <string>
#include <vector>

#include "tests/support/schema_check.hpp"

using aa::test::Json;
using aa::test::NatsServer;
using aa::test::run_and_check;

namespace {

constexpr const char* kError = "error.schema.json";

using Args = std::vector<std::string>;

// Each command in each of its forms, as the operator types it (before --json and -s).
const std::vector<Args> kEveryCommand{
    {"stream-info"},
    {"stream-info", "--all"},
    {"stream-info", "AA_CORE_HOT"},
    {"ensure-streams"},
    {"ensure-streams", "--dry-run"},
    {"ensure-streams", "--check", "--phase", "1"},
    {"migrate-verify", "2"},
    {"migrate-verify", "--detect"},
    {"consumer-diag"},
    {"consumer-diag", "--all"},
    {"consumer-diag", "--watch", "1s", "--count", "2"},
};

Json run_with(Args args, const std::string& url, int expected_exit, const std::map<std::string, std::string>& env = {}) {
    args.insert(args.end(), {"--json", "-s", url});
    CAPTURE(args);
    return run_and_check(args, expected_exit, kError, env);
}

}  // namespace

TEST_CASE("nothing listening: every command prints the error document, exit 3") {
    const std::string url = "nats://127.0.0.1:" + std::to_string(aa::test::free_port());
    for (const Args& command : kEveryCommand) {
        const Json doc = run_with(command, url, 3);
        CHECK(doc.at("error").at("exit_code") == 3);
    }
}

TEST_CASE("a server without JetStream: every command prints the error document, exit 3") {
    aa::test::ServerOptions no_jetstream;
    no_jetstream.jetstream = false;
    NatsServer server(no_jetstream);
    for (const Args& command : kEveryCommand) run_with(command, server.url(), 3);
}

TEST_CASE("usage errors print the error document, exit 2, before any connection") {
    const std::string url = "nats://127.0.0.1:" + std::to_string(aa::test::free_port());
    const std::vector<Args> usage_errors{
        {"stream-info", "--all", "AA_CORE_HOT"},
        {"stream-info", "--no-such-flag"},
        {"ensure-streams", "--phase", "7"},
        {"migrate-verify", "9"},
        {"migrate-verify"},
        {"consumer-diag", "--max-pending", "lots"},
        {"consumer-diag", "--watch", "soon"},
        {"no-such-command"},
    };
    for (const Args& command : usage_errors) {
        const Json doc = run_with(command, url, 2);
        CHECK(doc.at("error").at("exit_code") == 2);
    }
    // From the environment.
    for (const Args& command : kEveryCommand) run_with(command, url, 2, {{"EVENT_STREAM_MODE", "both"}});
}
