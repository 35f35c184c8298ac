// consumer-diag on a real 3-node cluster: the consumer's leader and replicas,
// and which infos settle whether the server is clustered.

#include <doctest/doctest.h>

#include "tests/integration/consumer_diag_support.hpp"

using aa::test::Json;
using aa::test::run_aa_nats;
using aa::test::TestClient;
using namespace aa::test::consumer_diag;

TEST_CASE("on a 3-node cluster: leader and replicas are shown; the greeting settles clustering") {
    aa::test::NatsCluster cluster;
    TestClient client(cluster.url(0));
    client.create_stream(stream_config("AA_CORE_HOT", {"athlete-ally.>"}, 3));
    client.js_publish("athlete-ally.hrv", "{}");
    client.create_durable("AA_CORE_HOT", durable_config(kDurable));
    const auto r = run_aa_nats({"consumer-diag", "-s", cluster.url(0)});
    INFO(r.out, r.err);
    CHECK(r.exit_code == 0);
    const Json doc = run_aa_nats({"consumer-diag", "--json", "-s", cluster.url(0)}).json();
    const std::string leader = doc.at("info").at("cluster").at("leader");
    CHECK(contains(r.out, "Cluster:          aa-test, leader " + leader + "\n"));
    REQUIRE(doc.at("info").at("cluster").at("replicas").size() == 2);
    for (const auto& replica : doc.at("info").at("cluster").at("replicas")) {
        CHECK(contains(r.out, "  " + replica.at("name").get<std::string>() + ": "));
    }
    // One consumer reads consumer infos only, which do not settle clustering
    // (clustering.hpp); the greeting does: it advertises the route peers.
    CHECK(r.out.starts_with(header(cluster.url(0), "cluster aa-test")));
    CHECK(doc.at("server").at("clustering") == "clustered");
    CHECK(doc.at("server").at("cluster") == "aa-test");
    // --all reads the streams' infos too, and agrees.
    const auto all = run_aa_nats({"consumer-diag", "--all", "-s", cluster.url(0)});
    INFO(all.out, all.err);
    CHECK(all.out.starts_with(header(cluster.url(0), "cluster aa-test")));
    const Json all_doc = run_aa_nats({"consumer-diag", "--all", "--json", "-s", cluster.url(0)}).json();
    CHECK(all_doc.at("server").at("clustered") == true);
    CHECK(all_doc.at("server").at("cluster") == "aa-test");
}
