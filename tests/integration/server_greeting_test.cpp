// The server's facts in every report (version, name, clustering) come from
// the INFO greeting of the server the command is connected to, read beside
// nats.c's connect (src/greeting_probe.hpp): through a slow link, past a dead
// URL, from the right node of a cluster, and never from a server the
// command's connection did not reach.

#include <doctest/doctest.h>

#include "tests/support/delay_proxy.hpp"
#include "tests/support/harness.hpp"

using aa::test::DelayProxy;
using aa::test::DelayProxyOptions;
using aa::test::Json;
using aa::test::server_version;
using aa::test::NatsServer;
using aa::test::ServerOptions;
using aa::test::run_aa_nats;
using namespace std::chrono_literals;

namespace {

ServerOptions named(const std::string& name) {
    return ServerOptions{.jetstream = true, .user = {}, .password = {}, .extra_args = {"--server_name", name}};
}

// The "server" object of stream-info's JSON report, on SERVERS (-s).
Json server_facts(const std::string& servers) {
    const auto r = run_aa_nats({"stream-info", "--json", "-s", servers});
    INFO("stderr: ", r.err);
    REQUIRE(r.exit_code == 0);
    return r.json().at("server");
}

}  // namespace

TEST_CASE("through a slow link: the connected server's version, name and clustering") {
    NatsServer server(named("far-away"));
    DelayProxy proxy(DelayProxyOptions{.target_port = server.port(), .one_way = 30ms});
    const Json facts = server_facts(proxy.url());
    CHECK(facts.at("version") == server_version());
    CHECK(facts.at("name") == "far-away");
    CHECK(facts.at("clustering") == "standalone");
    CHECK(facts.at("url") == proxy.url());
}

TEST_CASE("the first URL dead: the facts are those of the server connected to") {
    NatsServer server(named("second-url"));
    const std::string dead = "nats://127.0.0.1:" + std::to_string(aa::test::free_port());
    const Json facts = server_facts(dead + "," + server.url());
    CHECK(facts.at("name") == "second-url");
    CHECK(facts.at("version") == server_version());
    CHECK(facts.at("url") == server.url());
    CHECK(facts.at("clustering") == "standalone");
}

TEST_CASE("on a 3-node cluster given every node: the greeting of the node connected to") {
    aa::test::NatsCluster cluster;
    // nats.c takes the URLs in the order given: the first that answers.
    const std::string third_first = cluster.url(2) + "," + cluster.url(0) + "," + cluster.url(1);
    const Json facts = server_facts(third_first);
    CHECK(facts.at("name") == cluster.node_name(2));
    CHECK(facts.at("url") == cluster.url(2));
    CHECK(facts.at("version") == server_version());

    cluster.node(2).stop();
    aa::test::wait_for_jetstream(cluster.url(0), 30s);
    const Json after_stop = server_facts(third_first);
    CHECK(after_stop.at("name") == cluster.node_name(0));
    CHECK(after_stop.at("url") == cluster.url(0));
}

TEST_CASE("behind a load balancer: another server's greeting is never taken for the connected one's") {
    NatsServer first(named("balanced-a"));
    NatsServer second(named("balanced-b"));
    // Connections alternate between the two servers: the command's own and
    // the greeting's never reach the same one.
    DelayProxy balancer(DelayProxyOptions{.target_port = first.port(),
                                          .one_way = 0ms,
                                          .connect = 0ms,
                                          .record = false,
                                          .round_robin_ports = {first.port(), second.port()}});
    const Json facts = server_facts(balancer.url());
    INFO(facts.dump());
    CHECK_FALSE(facts.contains("name"));
    CHECK(facts.at("version").is_null());
    CHECK(facts.at("url") == balancer.url());
}
