// "Is JetStream clustered?" on replies captured from nats-server 2.9.10, and
// from 2.10.27 and 2.15.1 under fixtures/clustering/: a 3-node cluster, a
// standalone server, and standalone leaf nodes with and without a cluster
// block (tests/fixtures/README.md, "Clustered or not").

#include <doctest/doctest.h>

#include "src/clustering.hpp"
#include "src/command_context.hpp"
#include "src/server_line.hpp"
#include "tests/unit/fixtures.hpp"

using aa::Clustering;
using aa::test::fixture;

namespace {
const std::optional<std::string> k2910 = "2.9.10";
}  // namespace

TEST_CASE("a stream info carries a cluster object exactly when JetStream is clustered, R1 streams included") {
    CHECK(aa::clustering_of_stream(fixture("stream_info_cluster_r3.json"), k2910) == Clustering::clustered);
    CHECK(aa::clustering_of_stream(fixture("stream_info_cluster_r1.json"), k2910) == Clustering::clustered);
    // The page is held in a variable: a range-for over a temporary's member reads freed memory.
    const aa::Json cluster_page = fixture("stream_list_cluster_page.json");
    for (const auto& item : cluster_page.at("streams")) {
        CHECK(aa::clustering_of_stream(item, k2910) == Clustering::clustered);
    }
    CHECK(aa::clustering_of_stream(fixture("stream_info_single.json"), k2910) == Clustering::standalone);
    CHECK(aa::clustering_of_stream(fixture("stream_info_leaf_r1.json"), k2910) == Clustering::standalone);
    const aa::Json leaf_page = fixture("stream_list_leaf_page.json");
    for (const auto& item : leaf_page.at("streams")) {
        CHECK(aa::clustering_of_stream(item, k2910) == Clustering::standalone);
    }
    // The update trap: a standalone stream that accepted num_replicas 3 is still standalone.
    const aa::Json trapped = fixture("stream_info_after_replicas_update_standalone.json");
    CHECK(trapped.at("config").at("num_replicas") == 3);
    CHECK(aa::clustering_of_stream(trapped, k2910) == Clustering::standalone);
}

TEST_CASE("a leader-only cluster object proves a cluster only on servers older than 2.9.15") {
    // From 2.9.15 a standalone server answers {"name": <greeting cluster>, "leader": <itself>}
    // for every stream, the shape of an R1 stream's on a cluster: it tells nothing there.
    const aa::Json r1 = fixture("stream_info_cluster_r1.json");
    CHECK(aa::clustering_of_stream(r1, std::string("2.9.14")) == Clustering::clustered);
    CHECK(aa::clustering_of_stream(r1, std::string("2.9.15")) == Clustering::unknown);
    CHECK(aa::clustering_of_stream(r1, std::string("2.10.22")) == Clustering::unknown);
    CHECK(aa::clustering_of_stream(r1, std::nullopt) == Clustering::unknown);
    CHECK(aa::clustering_of_stream(r1, std::string("garbage")) == Clustering::unknown);
    // Replicas (or a raft group, 2.10.14+) prove a cluster on any version.
    CHECK(aa::clustering_of_stream(fixture("stream_info_cluster_r3.json"), std::nullopt) == Clustering::clustered);
    aa::Json grouped = r1;
    grouped["cluster"]["raft_group"] = "S-R1F-abc";
    CHECK(aa::clustering_of_stream(grouped, std::string("2.11.0")) == Clustering::clustered);
}

TEST_CASE("replies that are not stream infos tell nothing, account infos included") {
    CHECK(aa::clustering_of_stream(fixture("stream_info_not_found.json"), k2910) == Clustering::unknown);
    CHECK(aa::clustering_of_stream(fixture("account_info_cluster.json"), k2910) == Clustering::unknown);
    CHECK(aa::clustering_of_stream(fixture("account_info_leaf.json"), k2910) == Clustering::unknown);
    CHECK(aa::clustering_of_stream(aa::Json(nullptr), k2910) == Clustering::unknown);
    CHECK(aa::clustering_of_stream(aa::Json::array(), k2910) == Clustering::unknown);
}

TEST_CASE("the greeting alone: no cluster named means standalone; a named one may be a leaf node's") {
    const auto standalone = aa::parse_info_line(aa::test::fixture_text("info_greeting_standalone.txt"));
    CHECK(aa::clustering_of_greeting(standalone) == Clustering::standalone);
    const auto leaf = aa::parse_info_line(aa::test::fixture_text("info_greeting_leaf.txt"));
    CHECK(leaf.cluster == "edge1");
    CHECK(aa::clustering_of_greeting(leaf) == Clustering::unknown);
    const auto node = aa::parse_info_line(aa::test::fixture_text("info_greeting_cluster.txt"));
    CHECK(node.cluster == "aa-test");
    CHECK(node.advertised_servers == 3);  // its route peers' client URLs, and its own
    CHECK(aa::clustering_of_greeting(node) == Clustering::clustered);
    // A cluster set to no_advertise gossips no client URLs: its greeting looks like a leaf node's.
    auto quiet = node;
    quiet.advertised_servers = 0;
    CHECK(aa::clustering_of_greeting(quiet) == Clustering::unknown);
}

namespace {

// What a command settles on for a server of KIND at VERSION (tests/fixtures/clustering/):
// its greeting, then the info of an R1 stream it answered for.
Clustering settled(const std::string& version, const std::string& kind) {
    const std::string dir = "clustering/" + version + "/";
    const aa::ServerInfo greeting = aa::parse_info_line(aa::test::fixture_text(dir + "info_greeting_" + kind + ".txt"));
    CHECK(greeting.version == version);
    aa::ServerFacts facts;
    facts.version = greeting.version;
    facts.clustering = aa::clustering_of_greeting(greeting);
    facts.answering_server_name = greeting.server_name;
    aa::note_stream_cluster(facts, fixture(dir + "stream_info_" + kind + "_r1.json"));
    return facts.clustering;
}

}  // namespace

TEST_CASE("every server version: a real cluster, a standalone server and a leaf node, each with an R1 stream") {
    for (const std::string version : {"2.9.10", "2.10.27", "2.15.1"}) {
        CAPTURE(version);
        // The case: an R1 legacy stream on a 3-node cluster of 2.10 or newer.
        CHECK(settled(version, "cluster") == Clustering::clustered);
        CHECK(settled(version, "standalone") == Clustering::standalone);
        // A standalone server with a leafnode remote and no cluster block names its cluster after itself.
        CHECK(settled(version, "leaf_unnamed") == Clustering::standalone);
    }
    // A leaf node whose cluster block names a cluster (edge1) and has no routes: from 2.9.15 on its
    // stream infos show {"name":"edge1","leader":<itself>}, an R1 stream's on a cluster: unknown,
    // and the replica rules refuse more than one replica on update (replicas.hpp).
    CHECK(settled("2.9.10", "leaf") == Clustering::standalone);
    CHECK(settled("2.10.27", "leaf") == Clustering::unknown);
    CHECK(settled("2.15.1", "leaf") == Clustering::unknown);
}

TEST_CASE("from 2.9.15, a standalone server's cluster object has a leader and no name; a stream led elsewhere is on a cluster") {
    const aa::Json standalone = fixture("clustering/2.15.1/stream_info_standalone_r1.json");
    CHECK_FALSE(standalone.at("cluster").contains("name"));
    CHECK(aa::clustering_of_stream(standalone, std::string("2.15.1")) == Clustering::standalone);
    const aa::Json r1 = fixture("clustering/2.15.1/stream_info_cluster_r1.json");
    const std::string leader = r1.at("cluster").at("leader");
    CHECK(aa::clustering_of_stream(r1, std::string("2.15.1"), leader) == Clustering::unknown);
    CHECK(aa::clustering_of_stream(r1, std::string("2.15.1"), leader + "-other") == Clustering::clustered);
    CHECK(aa::clustering_of_stream(r1, std::string("2.15.1")) == Clustering::unknown);  // who answered is not known
}

TEST_CASE("verdicts combine: known over unknown, clustered over standalone") {
    CHECK(aa::combine(Clustering::unknown, Clustering::unknown) == Clustering::unknown);
    CHECK(aa::combine(Clustering::unknown, Clustering::standalone) == Clustering::standalone);
    CHECK(aa::combine(Clustering::standalone, Clustering::unknown) == Clustering::standalone);
    CHECK(aa::combine(Clustering::standalone, Clustering::clustered) == Clustering::clustered);
    CHECK(aa::combine(Clustering::clustered, Clustering::unknown) == Clustering::clustered);
}

TEST_CASE("a leaf node is shown standalone once a stream tells, never with its greeting's cluster") {
    aa::ServerFacts leaf;
    leaf.url = "nats://127.0.0.1:4222";
    leaf.version = "2.9.10";
    leaf.clustering = aa::clustering_of_greeting(aa::parse_info_line(aa::test::fixture_text("info_greeting_leaf.txt")));
    CHECK(aa::describe_server(leaf) == "nats://127.0.0.1:4222 (nats-server 2.9.10, clustering unknown)");
    aa::note_stream_cluster(leaf, fixture("stream_info_leaf_r1.json"));
    CHECK(aa::describe_server(leaf) == "nats://127.0.0.1:4222 (nats-server 2.9.10, standalone)");
    const aa::Json doc = aa::to_json(leaf);
    CHECK(doc.at("clustered") == false);
    CHECK(doc.at("clustering") == "standalone");
    CHECK_FALSE(doc.contains("cluster"));

    aa::ServerFacts node = leaf;
    node.clustering = Clustering::unknown;
    aa::note_stream_cluster(node, fixture("stream_info_cluster_r1.json"));
    CHECK(aa::describe_server(node) == "nats://127.0.0.1:4222 (nats-server 2.9.10, cluster aa-test)");
    CHECK(aa::to_json(node).at("clustering") == "clustered");
    CHECK(aa::to_json(node).at("cluster") == "aa-test");
}

TEST_CASE("a stream info's cluster member alone says what the whole info says") {
    for (const char* name : {"stream_info_cluster_r3.json", "stream_info_cluster_r1.json", "stream_info_single.json",
                             "stream_info_leaf_r1.json"}) {
        INFO(name);
        const aa::Json info = fixture(name);
        const aa::Json cluster = info.contains("cluster") ? info.at("cluster") : aa::Json();
        CHECK(aa::clustering_of_cluster_member(cluster, k2910) == aa::clustering_of_stream(info, k2910));
        aa::ServerFacts from_info;
        aa::ServerFacts from_member;
        aa::note_stream_cluster(from_info, info);
        aa::note_cluster_member(from_member, cluster);
        CHECK(from_member.clustering == from_info.clustering);
        CHECK(from_member.cluster_name == from_info.cluster_name);
    }
}

TEST_CASE("the server line names the API level where the server has one") {
    aa::ServerFacts facts;
    facts.url = "nats://127.0.0.1:4222";
    facts.version = "2.15.1";
    facts.clustering = Clustering::standalone;
    CHECK(aa::describe_server(facts) == "nats://127.0.0.1:4222 (nats-server 2.15.1, standalone)");
    CHECK(aa::to_json(facts).at("api_level").is_null());
    facts.api_level = 5;
    CHECK(aa::describe_server(facts) == "nats://127.0.0.1:4222 (nats-server 2.15.1, API level 5, standalone)");
    CHECK(aa::to_json(facts).at("api_level") == 5);
    CHECK(aa::version_at_least("2.15.1", 2, 11) == true);
    CHECK(aa::version_at_least("2.10.27", 2, 11) == false);
    CHECK(aa::version_at_least("2.9.15", 2, 9, 15) == true);
    CHECK(aa::version_at_least("garbage", 2, 9) == std::nullopt);
}
