// num_replicas against real nats-servers (issue #8, parts 3 and 5): "clustered"
// comes from JetStream, not from the INFO greeting (a standalone leaf node names
// a cluster there), and lowering replicas on a cluster needs an explicit flag.

#include <doctest/doctest.h>

#include <map>
#include <string>

#include "tests/support/harness.hpp"

using aa::test::Json;
using aa::test::server_version;
using aa::test::NatsCluster;
using aa::test::NatsLeafPair;
using aa::test::run_aa_nats;
using aa::test::RunResult;
using aa::test::TestClient;

namespace {

const std::map<std::string, std::string> kProduction{{"NODE_ENV", "production"}};
const char* const kStreams[] = {"AA_CORE_HOT", "AA_VENDOR_HOT", "AA_DLQ"};

RunResult ensure_streams(std::vector<std::string> args, const std::map<std::string, std::string>& env = {}) {
    args.insert(args.begin(), "ensure-streams");
    return run_aa_nats(args, env);
}

// Stream name -> the reason of each refused action in an ensure-streams document.
std::map<std::string, std::string> refusals(const Json& doc) {
    std::map<std::string, std::string> out;
    for (const auto& a : doc.at("actions")) {
        if (a.at("action") == "refused") out[a.at("stream").get<std::string>()] = a.at("reason").get<std::string>();
    }
    return out;
}

// The num_replicas of each stream of the topology, as "AA_CORE_HOT R1, AA_VENDOR_HOT R1, AA_DLQ R1"
// ("missing" for a stream that is not there), so a failed check shows what it found.
std::string replicas_of(TestClient& client) {
    std::string out;
    for (const auto* name : kStreams) {
        const Json info = client.stream_info(name);
        if (!out.empty()) out += ", ";
        out += std::string(name) + (info.contains("config")
                                        ? " R" + std::to_string(info.at("config").at("num_replicas").get<int>())
                                        : std::string(" missing"));
    }
    return out;
}

const std::string kAllR1 = "AA_CORE_HOT R1, AA_VENDOR_HOT R1, AA_DLQ R1";
const std::string kAllR3 = "AA_CORE_HOT R3, AA_VENDOR_HOT R3, AA_DLQ R3";

}  // namespace

TEST_CASE("a leaf node whose greeting names a cluster: production is refused and the streams survive a restart") {
    NatsLeafPair pair;
    const std::string leaf = pair.leaf().url();

    // No stream yet to tell: the creates go out, and the server itself refuses R3 (10074).
    const auto fresh = ensure_streams({"-s", leaf}, kProduction);
    INFO(fresh.out, fresh.err);
    CHECK(fresh.exit_code == 1);
    CHECK(fresh.out.find("clustering unknown") != std::string::npos);
    CHECK(fresh.out.find("10074") != std::string::npos);
    // Through the hub the greeting is the hub's (it names no cluster) and says nothing about the leaf.
    const auto fresh_via_hub =
        run_aa_nats({"stream-info", "--json", "-s", pair.hub().url(), "--js-domain", NatsLeafPair::kDomain});
    CHECK(fresh_via_hub.json().at("server").value("clustering", "") == "unknown");

    REQUIRE(ensure_streams({"-s", leaf}).exit_code == 0);  // three R1 streams, as a plain run makes them
    TestClient client(leaf);
    REQUIRE(replicas_of(client) == kAllR1);

    // 2.9.10 gives a standalone server's stream infos no cluster object: shown standalone. From 2.9.15
    // they carry {"name":"edge1","leader":"leaf"}, an R1 stream's on a cluster, and this leaf advertises
    // no other server: clustering stays unknown. Either way, raising the replicas is refused.
    const bool shows_standalone = !aa::test::server_at_least(2, 9, 15);
    const std::string shown_as = shows_standalone ? "standalone" : "clustering unknown";
    const std::string refusal = shows_standalone ? "3 replicas on a server that is not clustered"
                                                 : "3 replicas on a server not known to be clustered";
    const auto production = ensure_streams({"-s", leaf, "--json"}, kProduction);
    INFO(production.out, production.err);
    CHECK(production.exit_code == 1);
    const Json doc = production.json();
    const auto refused = refusals(doc);
    CHECK(refused.size() == 3);
    for (const auto& entry : refused) {  // no structured binding: clang 14 cannot capture one in a check
        const auto& stream = entry.first;
        const auto& reason = entry.second;
        CAPTURE(stream);
        CHECK(reason.find(refusal) != std::string::npos);
        CHECK(reason.find(shows_standalone ? "leaf node" : "--assume-clustered") != std::string::npos);
    }
    CHECK(doc.at("server").at("clustered") == false);
    CHECK(doc.at("server").value("clustering", "") == (shows_standalone ? "standalone" : "unknown"));
    CHECK_FALSE(doc.at("server").contains("cluster"));

    const auto dry_run = ensure_streams({"-s", leaf, "--dry-run"}, kProduction);
    CHECK(dry_run.exit_code == 1);
    CHECK(dry_run.out.find("(" + aa::test::shown_server() + ", " + shown_as + ")") != std::string::npos);
    CHECK(dry_run.out.find("! refused   AA_CORE_HOT (core): " + refusal) != std::string::npos);

    // The trap springs at a restart: a stream set to R3 on this leaf would be gone now.
    pair.restart_leaf();
    TestClient after(leaf);
    CHECK(replicas_of(after) == kAllR1);

    // The same streams through the hub, whose greeting is the hub's own.
    const std::string hub = pair.hub().url();
    const auto via_hub = run_aa_nats({"stream-info", "--json", "-s", hub, "--js-domain", NatsLeafPair::kDomain});
    INFO(via_hub.out, via_hub.err);
    CHECK(via_hub.exit_code == 0);
    const Json shown = via_hub.json();
    for (std::size_t i = 0; i < 3; ++i) CHECK(shown.at("streams")[i].at("found") == true);
    CHECK(shown.at("server").at("clustered") == false);
    CHECK(ensure_streams({"-s", hub, "--js-domain", NatsLeafPair::kDomain, "--check"}).exit_code == 0);
    CHECK(ensure_streams({"-s", hub, "--js-domain", NatsLeafPair::kDomain}, kProduction).exit_code == 1);
    CHECK(replicas_of(after) == kAllR1);
}

TEST_CASE("a 3-node cluster at R3: fewer replicas is refused without --allow-fewer-replicas; raising works again") {
    NatsCluster cluster;
    TestClient client(cluster.url(0));
    REQUIRE(ensure_streams({"-s", cluster.url(0)}, kProduction).exit_code == 0);
    REQUIRE(replicas_of(client) == kAllR3);

    // A runbook line copied without NODE_ENV=production.
    const auto plain = ensure_streams({"-s", cluster.url(1), "--json"});
    INFO(plain.out, plain.err);
    CHECK(plain.exit_code == 1);
    const auto refused = refusals(plain.json());
    CHECK(refused.size() == 3);
    for (const auto& entry : refused) {  // no structured binding: clang 14 cannot capture one in a check
        const auto& stream = entry.first;
        const auto& reason = entry.second;
        CAPTURE(stream);
        CHECK(reason.find("lowering num_replicas from 3 to 1") != std::string::npos);
        CHECK(reason.find("NODE_ENV is not production") != std::string::npos);
        CHECK(reason.find("--allow-fewer-replicas") != std::string::npos);
    }
    CHECK(replicas_of(client) == kAllR3);

    for (const char* mode : {"--dry-run", "--check"}) {
        const auto shown = ensure_streams({"-s", cluster.url(2), mode});
        CAPTURE(mode);
        CHECK(shown.exit_code == 1);
        CHECK(shown.out.find("! refused   AA_CORE_HOT (core): lowering num_replicas from 3 to 1") != std::string::npos);
        CHECK(shown.out.find("Refused: nothing was applied.") != std::string::npos);
    }
    CHECK(replicas_of(client) == kAllR3);

    const auto lowered = ensure_streams({"-s", cluster.url(0), "--allow-fewer-replicas"});
    INFO(lowered.out, lowered.err);
    CHECK(lowered.exit_code == 0);
    CHECK(replicas_of(client) == kAllR1);

    // Every stream now runs R1: their stream infos still show the cluster, so production may raise them.
    const auto raised = ensure_streams({"-s", cluster.url(0), "--json"}, kProduction);
    INFO(raised.out, raised.err);
    CHECK(raised.exit_code == 0);
    CHECK(raised.json().at("server").at("clustered") == true);
    CHECK(replicas_of(client) == kAllR3);
}

TEST_CASE("the runbook's first step on a 3-node cluster whose legacy stream runs at R1: it passes, via any node") {
    // Issue #19: a cluster of 2.10 or newer shows an R1 stream's cluster object as a standalone leaf
    // node's; the greeting's route peers tell the cluster. Raised to R3 in place, AA_DLQ created at R3.
    NatsCluster cluster;
    TestClient client(cluster.url(0));
    client.create_stream(aa::test::legacy_stream_config());
    for (int node = 0; node < cluster.size(); ++node) {
        CAPTURE(node);
        const auto plan = ensure_streams({"-s", cluster.url(node), "--phase", "0", "--dry-run"}, kProduction);
        INFO(plan.out, plan.err);
        CHECK(plan.exit_code == 0);
        CHECK(plan.out.find("(" + aa::test::shown_server() + ", cluster aa-test)") != std::string::npos);
        CHECK(plan.out.find("refused") == std::string::npos);
    }
    const auto applied = ensure_streams({"-s", cluster.url(1), "--phase", "0", "--json"}, kProduction);
    INFO(applied.out, applied.err);
    CHECK(applied.exit_code == 0);
    CHECK(applied.json().at("server").at("clustering") == "clustered");
    CHECK(client.stream_info("ATHLETE_ALLY_EVENTS").at("config").at("num_replicas") == 3);
    CHECK(client.stream_info("AA_DLQ").at("config").at("num_replicas") == 3);
    CHECK(ensure_streams({"-s", cluster.url(2), "--phase", "0", "--check"}, kProduction).exit_code == 0);
}

TEST_CASE("a cluster that advertises no other server: unknown from 2.9.15 on, and --assume-clustered says so") {
    NatsCluster cluster(3, {"--no_advertise=true"});
    TestClient client(cluster.url(0));
    client.create_stream(aa::test::legacy_stream_config());
    // Asked of the node that leads the R1 stream, nothing shows the cluster; asked of another, a stream
    // led by another server does (a standalone server leads all its own streams).
    const std::string leader = client.stream_info("ATHLETE_ALLY_EVENTS").at("cluster").at("leader");
    int leading = 0;
    while (cluster.node_name(leading) != leader) ++leading;
    const int other = (leading + 1) % cluster.size();
    CHECK(ensure_streams({"-s", cluster.url(other), "--phase", "0", "--dry-run"}, kProduction).exit_code == 0);

    const auto plain = ensure_streams({"-s", cluster.url(leading), "--phase", "0", "--json"}, kProduction);
    INFO(plain.out, plain.err);
    if (!aa::test::server_at_least(2, 9, 15)) {
        // 2.9.10: a leader-only cluster object is a cluster's; nothing to assume.
        CHECK(plain.exit_code == 0);
        CHECK(client.stream_info("ATHLETE_ALLY_EVENTS").at("config").at("num_replicas") == 3);
        return;
    }
    CHECK(plain.exit_code == 1);
    CHECK(plain.json().at("server").at("clustering") == "unknown");
    const auto refused = refusals(plain.json());
    REQUIRE(refused.count("ATHLETE_ALLY_EVENTS") == 1);
    CHECK(refused.at("ATHLETE_ALLY_EVENTS").find("pass --assume-clustered if it is one") != std::string::npos);
    CHECK(client.stream_info("ATHLETE_ALLY_EVENTS").at("config").at("num_replicas") == 1);

    const auto assumed =
        ensure_streams({"-s", cluster.url(leading), "--phase", "0", "--assume-clustered"}, kProduction);
    INFO(assumed.out, assumed.err);
    CHECK(assumed.exit_code == 0);
    CHECK(assumed.out.find("--assume-clustered: AA_DLQ, ATHLETE_ALLY_EVENTS sent with more than one replica") !=
          std::string::npos);
    CHECK(client.stream_info("ATHLETE_ALLY_EVENTS").at("config").at("num_replicas") == 3);
    CHECK(client.stream_info("AA_DLQ").at("config").at("num_replicas") == 3);
}
