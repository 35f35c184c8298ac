// stream-info against real nats-servers: a single node, a 3-node cluster,
// servers that are down, lack JetStream or require credentials.

#include <doctest/doctest.h>

#include <algorithm>
#include <thread>

#include <fmt/format.h>

#include "tests/support/harness.hpp"
#include "tests/support/schema_check.hpp"

using aa::test::Json;
using aa::test::server_version;
using aa::test::NatsServer;
using aa::test::run_aa_nats;
using aa::test::TestClient;

namespace {

Json core_config(int replicas = 1) {
    return Json{{"name", "AA_CORE_HOT"},          {"subjects", {"athlete-ally.>", "sleep.*"}},
                {"max_age", 172800000000000LL},   {"storage", "file"},
                {"discard", "old"},               {"duplicate_window", 120000000000LL},
                {"num_replicas", replicas}};
}

}  // namespace

TEST_CASE("the default four streams: found ones described, missing ones reported, exit 0") {
    NatsServer server;
    TestClient client(server.url());
    client.create_stream(core_config());
    for (int i = 0; i < 3; ++i) client.js_publish("athlete-ally.hrv", fmt::format("{{\"i\":{}}}", i));

    const auto human = run_aa_nats({"stream-info", "-s", server.url()});
    INFO(human.out, human.err);
    CHECK(human.exit_code == 0);
    CHECK(human.out.find("[AA_CORE_HOT] (core)\n") != std::string::npos);
    CHECK(human.out.find("Subjects:         athlete-ally.>, sleep.*") != std::string::npos);
    CHECK(human.out.find("Max Age:          48h") != std::string::npos);
    CHECK(human.out.find("Duplicate Window: 2m") != std::string::npos);
    CHECK(human.out.find("Messages:         3\n") != std::string::npos);
    // 2.9 does not know the field; 2.10 and newer echo it ("none" unless set).
    CHECK(human.out.find(aa::test::server_at_least(2, 10) ? "Compression:      none\n"
                                                          : "Compression:      not supported by this server") !=
          std::string::npos);
    CHECK(human.out.find("[AA_VENDOR_HOT] (vendor) not found") != std::string::npos);
    CHECK(human.out.find("[ATHLETE_ALLY_EVENTS] (legacy) not found") != std::string::npos);
    CHECK(human.out.find(aa::test::shown_server()) != std::string::npos);
    CHECK(human.out.find("\x1b[") == std::string::npos);  // no colour without a terminal

    const auto json = run_aa_nats({"--json", "stream-info", "-s", server.url()});
    CHECK(json.exit_code == 0);
    const Json doc = json.json();
    REQUIRE(doc.at("streams").size() == 4);
    CHECK(doc.at("streams")[0].at("name") == "AA_CORE_HOT");
    CHECK(doc.at("streams")[0].at("found") == true);
    CHECK(doc.at("streams")[0].at("info").at("state").at("messages") == 3);
    CHECK(doc.at("streams")[1].at("found") == false);
    CHECK(doc.at("streams")[1].at("info").is_null());
    CHECK(doc.at("server").at("clustered") == false);
    CHECK(doc.at("server").at("url") == server.url());
}

TEST_CASE("global options work after the subcommand, and names come from STREAM_*_NAME") {
    NatsServer server;
    TestClient client(server.url());
    client.create_stream(Json{{"name", "MY_DLQ"}, {"subjects", {"dlq.>"}}, {"storage", "file"}});
    const auto r = run_aa_nats({"stream-info", "--json"}, {{"NATS_URL", server.url()}, {"STREAM_DLQ_NAME", "MY_DLQ"}});
    CHECK(r.exit_code == 0);
    const Json doc = r.json();
    CHECK(doc.at("streams")[2].at("name") == "MY_DLQ");
    CHECK(doc.at("streams")[2].at("found") == true);
}

TEST_CASE("named streams: a missing one fails with exit 1") {
    NatsServer server;
    TestClient client(server.url());
    client.create_stream(core_config());
    const auto ok = run_aa_nats({"stream-info", "AA_CORE_HOT", "-s", server.url()});
    CHECK(ok.exit_code == 0);
    const auto missing = run_aa_nats({"stream-info", "AA_CORE_HOT", "NOPE", "--json", "-s", server.url()});
    CHECK(missing.exit_code == 1);
    const Json doc = missing.json();
    CHECK(doc.at("streams")[1].at("found") == false);
    const auto bad_name = run_aa_nats({"stream-info", "bad.name", "-s", server.url()});
    CHECK(bad_name.exit_code == 2);
    CHECK(bad_name.err == "aa-nats: error: stream \"bad.name\": a stream name may not contain '.'\n");
}

TEST_CASE("--all pages through hundreds of streams, sorted by name") {
    NatsServer server;
    TestClient client(server.url());
    constexpr int kStreams = 300;  // more than one STREAM.LIST page (256)
    for (int i = kStreams - 1; i >= 0; --i) {
        client.create_stream(Json{{"name", fmt::format("S{:04}", i)}, {"subjects", {fmt::format("s.{}", i)}}, {"storage", "memory"}});
    }
    const auto r = run_aa_nats({"stream-info", "--all", "--json", "-s", server.url()});
    CHECK(r.exit_code == 0);
    const Json doc = r.json();
    REQUIRE(doc.at("streams").size() == kStreams);
    for (int i = 0; i < kStreams; ++i) {
        CHECK(doc.at("streams")[static_cast<std::size_t>(i)].at("name") == fmt::format("S{:04}", i));
    }
    const auto table = run_aa_nats({"stream-info", "--all", "-s", server.url()});
    CHECK(table.exit_code == 0);
    CHECK(table.out.find("300 streams") != std::string::npos);
    CHECK(table.out.find("S0299") != std::string::npos);
}

TEST_CASE("an unreachable server exits 3 within the timeout plus a second") {
    const int port = aa::test::free_port();
    const auto r = run_aa_nats({"stream-info", "--json", "--timeout", "750ms", "-s", fmt::format("nats://127.0.0.1:{}", port)});
    CHECK(r.exit_code == 3);
    CHECK(r.elapsed < std::chrono::milliseconds(1750));
    const Json doc = r.json();
    CHECK(doc.at("error").at("exit_code") == 3);
    CHECK(doc.at("error").at("message").get<std::string>().starts_with("cannot connect to"));
    CHECK(r.err.starts_with("aa-nats: error: cannot connect to"));
}

TEST_CASE("a server without JetStream: no responders means exit 3 with a clear reason") {
    NatsServer server(aa::test::ServerOptions{.jetstream = false, .user = {}, .password = {}, .extra_args = {}});
    const auto r = run_aa_nats({"stream-info", "-s", server.url()});
    CHECK(r.exit_code == 3);
    CHECK(r.err.find("JetStream is not enabled or not reachable") != std::string::npos);
    CHECK(r.out.empty());
}

TEST_CASE("user/password: right ones work, wrong ones exit 3, neither is ever printed") {
    NatsServer server(aa::test::ServerOptions{.jetstream = true, .user = "ops", .password = "s3cr3t-pw", .extra_args = {}});
    const auto right = run_aa_nats({"stream-info", "--json", "-s", server.url(), "--user", "ops", "--password", "s3cr3t-pw"});
    CHECK(right.exit_code == 0);
    CHECK(right.out.find("s3cr3t-pw") == std::string::npos);

    const auto in_url = run_aa_nats({"stream-info", "--json", "-s", fmt::format("nats://ops:s3cr3t-pw@127.0.0.1:{}", server.port())});
    CHECK(in_url.exit_code == 0);
    CHECK(in_url.out.find("s3cr3t-pw") == std::string::npos);
    CHECK(in_url.json().at("server").at("url") == server.url());

    const auto wrong = run_aa_nats({"stream-info", "--json", "-s", fmt::format("nats://ops:wr0ng-pw@127.0.0.1:{}", server.port())},
                                   {{"NATS_PASSWORD", "env-secret"}});
    CHECK(wrong.exit_code == 3);
    CHECK(wrong.err.find("uthorization") != std::string::npos);
    for (const auto* secret : {"wr0ng-pw", "env-secret"}) {
        CHECK(wrong.out.find(secret) == std::string::npos);
        CHECK(wrong.err.find(secret) == std::string::npos);
    }
}

TEST_CASE("usage errors exit 2 with one line") {
    const auto unknown = run_aa_nats({"stream-info", "--frobnicate"});
    CHECK(unknown.exit_code == 2);
    CHECK(unknown.err.starts_with("aa-nats: error: "));
    CHECK(std::count(unknown.err.begin(), unknown.err.end(), '\n') == 1);

    const auto no_command = run_aa_nats({});
    CHECK(no_command.exit_code == 2);

    const auto bad_timeout = run_aa_nats({"stream-info", "--json"}, {{"NATS_TIMEOUT", "fast"}});
    CHECK(bad_timeout.exit_code == 2);
    CHECK(bad_timeout.json().at("error").at("exit_code") == 2);

    const auto bad_mode = run_aa_nats({"stream-info"}, {{"EVENT_STREAM_MODE", "dual"}});
    CHECK(bad_mode.exit_code == 2);
    CHECK(bad_mode.err == "aa-nats: error: EVENT_STREAM_MODE=\"dual\" (environment): expected \"single\" or \"multi\"\n");

    const auto version = run_aa_nats({"--version"});
    CHECK(version.exit_code == 0);
    CHECK(version.out.find("nats.c 3.4.1") != std::string::npos);
}

TEST_CASE("R3 stream on a 3-node cluster: leader, replicas, and an offline replica") {
    aa::test::NatsCluster cluster;
    TestClient client(cluster.url(0));
    client.create_stream(core_config(3));
    client.js_publish("sleep.night", "{}");

    const auto healthy = run_aa_nats({"stream-info", "AA_CORE_HOT", "--json", "-s", cluster.url(0)});
    CHECK(healthy.exit_code == 0);
    const Json doc = healthy.json();
    CHECK(doc.at("server").at("clustered") == true);
    const Json& info = doc.at("streams")[0].at("info");
    CHECK(info.at("cluster").at("replicas").size() == 2);
    const std::string leader = info.at("cluster").at("leader");

    // Stop a node that is not the stream leader; its replica must show offline.
    int victim = -1;
    for (int i = 0; i < cluster.size(); ++i) {
        if (cluster.node_name(i) != leader) victim = i;
    }
    REQUIRE(victim >= 0);
    cluster.node(victim).stop();
    const int survivor = victim == 0 ? 1 : 0;
    std::string text;
    bool offline_seen = false;
    for (int attempt = 0; attempt < 40 && !offline_seen; ++attempt) {
        const auto r = run_aa_nats({"stream-info", "AA_CORE_HOT", "-s", cluster.url(survivor)});
        text = r.out;
        offline_seen = r.exit_code == 0 && text.find(cluster.node_name(victim) + ": OFFLINE") != std::string::npos;
        if (!offline_seen) std::this_thread::sleep_for(std::chrono::milliseconds(500));
    }
    INFO(text);
    CHECK(offline_seen);
}

TEST_CASE("--all on a cluster where a stream's only node is down: the listing says it is incomplete, exit 3") {
    aa::test::NatsCluster cluster;
    TestClient client(cluster.url(0));
    client.create_stream(Json{{"name", "LONELY"}, {"subjects", {"lonely.>"}}, {"storage", "memory"}, {"num_replicas", 1}});
    client.create_stream(Json{{"name", "SAFE"}, {"subjects", {"safe.>"}}, {"storage", "memory"}, {"num_replicas", 3}});
    const std::string host = client.stream_info("LONELY").at("cluster").at("leader");
    int victim = -1;
    for (int i = 0; i < cluster.size(); ++i) {
        if (cluster.node_name(i) == host) victim = i;
    }
    REQUIRE(victim >= 0);
    cluster.node(victim).stop();
    const int survivor = victim == 0 ? 1 : 0;
    // Until a meta leader is elected again (if the stopped node was it), the listing fails otherwise.
    aa::test::RunResult r;
    for (int attempt = 0; attempt < 30; ++attempt) {
        r = run_aa_nats({"stream-info", "--all", "--json", "-s", cluster.url(survivor)});
        // SAFE (R3) answers again once its replicas elected a leader; LONELY's only node is down.
        if (r.exit_code == 3 && r.err.find("for stream LONELY (no leader?)") != std::string::npos) break;
        std::this_thread::sleep_for(std::chrono::milliseconds(500));
    }
    INFO(r.out, r.err);
    REQUIRE(r.exit_code == 3);
    const Json doc = r.json();
    aa::test::check_schema(doc, "stream-info.schema.json");
    // nats-server 2.9.10 lists the stream too, from its configuration, with
    // the state of no replica; whether it does or not, the run must fail.
    CHECK(doc.at("streams").back().at("name") == "SAFE");
    CHECK(doc.at("error").at("exit_code") == 3);
    CHECK(doc.at("error").at("message").get<std::string>().find("stream LONELY (no leader?)") != std::string::npos);
    CHECK(r.err.starts_with("aa-nats: error: JetStream did not answer for stream LONELY"));
}

TEST_CASE("--all names the topology role of the streams it lists") {
    NatsServer server;
    TestClient client(server.url());
    client.create_stream(core_config());
    client.create_stream(Json{{"name", "OTHER"}, {"subjects", {"other.>"}}, {"storage", "memory"}});
    const auto r = run_aa_nats({"stream-info", "--all", "--json", "-s", server.url()});
    REQUIRE(r.exit_code == 0);
    const Json doc = r.json();
    REQUIRE(doc.at("streams").size() == 2);
    CHECK(doc.at("streams")[0].at("role") == "core");
    CHECK_FALSE(doc.at("streams")[1].contains("role"));
}
