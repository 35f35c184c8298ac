// The capture invariant against a real nats-server: every event subject family
// (athlete-ally.>, sleep.*, vendor.>, dlq.>) is captured by a stream, and every
// command says so first when one is not. The state under test is what an
// interrupted phase-1 move leaves behind: the legacy stream released vendor.>
// and no stream claimed it.

#include <doctest/doctest.h>

#include <fmt/format.h>

#include "tests/support/harness.hpp"

using aa::test::Json;
using aa::test::NatsServer;
using aa::test::run_aa_nats;
using aa::test::TestClient;

namespace {

constexpr const char* kLegacy = "ATHLETE_ALLY_EVENTS";

Json stream_config(const std::string& name, const std::vector<std::string>& subjects) {
    return Json{{"name", name},       {"subjects", subjects},          {"storage", "file"},
                {"discard", "old"},   {"max_age", 86'400'000'000'000LL}, {"duplicate_window", 120'000'000'000LL},
                {"num_replicas", 1}};
}

// Phase 0 (legacy with every subject, DLQ), then the legacy stream gives up vendor.>.
void torn_phase_one(TestClient& client) {
    client.create_stream(stream_config(kLegacy, {"athlete-ally.>", "vendor.>", "sleep.*"}));
    client.create_stream(stream_config("AA_DLQ", {"dlq.>"}));
    client.api(std::string("$JS.API.STREAM.UPDATE.") + kLegacy, stream_config(kLegacy, {"athlete-ally.>", "sleep.*"}));
}

Json check_with_id(const Json& doc, const std::string& id) {
    for (const auto& check : doc.at("checks")) {
        if (check.at("id") == id) return check;
    }
    FAIL("no check ", id, " in ", doc.dump());
    return doc;
}

const std::string kLost = "vendor.> is captured by no stream: messages published to it now are lost";

}  // namespace

TEST_CASE("migrate-verify: a family captured by no stream fails every phase, and --detect says between phases") {
    NatsServer server;
    TestClient client(server.url());
    torn_phase_one(client);

    const auto zero = run_aa_nats({"migrate-verify", "0", "-s", server.url()});
    INFO(zero.out, zero.err);
    CHECK(zero.exit_code == 1);
    CHECK(zero.out.find("FAIL capture.vendor: vendor.> is captured by a stream") != std::string::npos);
    CHECK(zero.out.find(kLost) != std::string::npos);
    CHECK(zero.out.ends_with("Phase 0 verification FAILED\n"));

    const auto detect = run_aa_nats({"migrate-verify", "--detect", "-s", server.url()});
    INFO(detect.out);
    CHECK(detect.exit_code == 1);
    CHECK(detect.out.find("Detected phase: none\nThe server is between phases") != std::string::npos);
    CHECK(detect.out.ends_with("  " + kLost + "\n"));

    const auto json = run_aa_nats({"migrate-verify", "--detect", "--json", "-s", server.url()});
    CHECK(json.exit_code == 1);
    const Json doc = json.json();
    CHECK(doc.at("detected_phase").is_null());
    CHECK(doc.at("uncaptured") == Json::array({"vendor.>"}));
    CHECK(check_with_id(doc, "capture.vendor").at("status") == "fail");
    CHECK(check_with_id(doc, "capture.vendor").at("found") == "uncaptured");
    CHECK(check_with_id(doc, "capture.athlete-ally").at("note") == "by ATHLETE_ALLY_EVENTS");
    for (const auto& phase : doc.at("phases")) CHECK(phase.at("verified") == false);
}

TEST_CASE("migrate-verify: a family captured only in part is lost too, and names who captures what") {
    NatsServer server;
    TestClient client(server.url());
    torn_phase_one(client);
    client.create_stream(stream_config("OURA_ONLY", {"vendor.oura.>"}));
    const auto r = run_aa_nats({"migrate-verify", "0", "--json", "-s", server.url()});
    CHECK(r.exit_code == 1);
    const Json check = check_with_id(r.json(), "capture.vendor");
    CHECK(check.at("found") == "partial");
    CHECK(check.at("note").get<std::string>().starts_with(
        "vendor.> is captured only in part (OURA_ONLY captures vendor.oura.>)"));
}

TEST_CASE("stream-info: who captures each family, the lost one first; the exit code stays 0") {
    NatsServer server;
    TestClient client(server.url());
    torn_phase_one(client);

    const auto human = run_aa_nats({"stream-info", "-s", server.url()});
    INFO(human.out);
    CHECK(human.exit_code == 0);
    const auto section = human.out.find("Event subjects\n  LOST " + kLost + "\n");
    CHECK(section != std::string::npos);
    CHECK(section < human.out.find("[AA_CORE_HOT]"));
    CHECK(human.out.find(fmt::format("  {:<16} {}\n", "athlete-ally.>", kLegacy)) != std::string::npos);
    CHECK(human.out.find(fmt::format("  {:<16} {}\n", "dlq.>", "AA_DLQ")) != std::string::npos);

    const Json doc = run_aa_nats({"stream-info", "--json", "-s", server.url()}).json();
    CHECK(doc.at("uncaptured") == Json::array({"vendor.>"}));
    CHECK(doc.at("capture").size() == 4);
    CHECK(doc.at("capture")[0] == Json{{"subject", "athlete-ally.>"},
                                       {"state", "captured"},
                                       {"streams", {{{"stream", kLegacy}, {"subjects", {"athlete-ally.>"}}}}}});

    const Json all = run_aa_nats({"stream-info", "--all", "--json", "-s", server.url()}).json();
    CHECK(all.at("uncaptured") == Json::array({"vendor.>"}));
}

TEST_CASE("ensure-streams --check and --dry-run name the lost family; --check exits 1") {
    NatsServer server;
    TestClient client(server.url());
    torn_phase_one(client);

    const auto dry = run_aa_nats({"ensure-streams", "--phase", "1", "--dry-run", "-s", server.url()});
    INFO(dry.out);
    CHECK(dry.exit_code == 0);
    CHECK(dry.out.find("LOST " + kLost + "\n     this plan captures it again: AA_VENDOR_HOT\n") != std::string::npos);

    const auto check = run_aa_nats({"ensure-streams", "--phase", "1", "--check", "--json", "-s", server.url()});
    CHECK(check.exit_code == 1);
    const Json doc = check.json();
    CHECK(doc.at("uncaptured") == Json::array({"vendor.>"}));
    CHECK(doc.at("uncaptured_after") == Json::array());

    // Applying the phase captures it again; the gate then passes.
    CHECK(run_aa_nats({"ensure-streams", "--phase", "1", "-s", server.url()}).exit_code == 0);
    const auto after = run_aa_nats({"ensure-streams", "--phase", "1", "--check", "--json", "-s", server.url()});
    CHECK(after.exit_code == 0);
    CHECK(after.json().at("uncaptured") == Json::array());
}

TEST_CASE("migrate-verify --detect before the migration: the legacy stream alone is before phase 0, not between phases") {
    NatsServer server;
    TestClient client(server.url());
    client.create_stream(stream_config(kLegacy, {"athlete-ally.>", "vendor.>", "sleep.*"}));
    const auto detect = run_aa_nats({"migrate-verify", "--detect", "-s", server.url()});
    INFO(detect.out);
    CHECK(detect.exit_code == 1);
    CHECK(detect.out.find("Detected phase: none\nBefore phase 0: no stream captures these subjects yet") !=
          std::string::npos);
    CHECK(detect.out.find("between phases") == std::string::npos);
    CHECK(detect.out.ends_with("  dlq.> is captured by no stream: messages published to it now are lost\n"));
}
