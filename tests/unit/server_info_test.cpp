#include <doctest/doctest.h>

#include <sstream>

#include "src/cluster_view.hpp"
#include "src/errors.hpp"
#include "src/clustering.hpp"
#include "src/server_info.hpp"
#include "src/server_line.hpp"
#include "tests/unit/fixtures.hpp"

TEST_CASE("the INFO greeting gives version and cluster") {
    const auto info = aa::parse_info_line(
        "INFO {\"server_id\":\"NABC\",\"server_name\":\"n1\",\"version\":\"2.9.10\",\"cluster\":\"aa-test\","
        "\"jetstream\":true,\"headers\":true}\r\n");
    CHECK(info.version == "2.9.10");
    CHECK(info.server_name == "n1");
    CHECK(info.cluster == "aa-test");
    CHECK(info.jetstream);
    CHECK_THROWS_AS(aa::parse_info_line("-ERR 'Authorization Violation'"), aa::ParseError);
    CHECK_THROWS_AS(aa::parse_info_line("INFO {broken"), aa::ParseError);
}

TEST_CASE("INFO members of an unexpected type read as unknown, not as an error") {
    const auto info = aa::parse_info_line("INFO {\"version\":2,\"server_name\":null,\"jetstream\":\"yes\"}\r\n");
    CHECK(info.version.empty());
    CHECK(info.server_name.empty());
    CHECK_FALSE(info.jetstream);
}

TEST_CASE("cluster state of a real R3 stream with one node stopped") {
    const auto healthy = aa::parse_cluster_state(aa::test::fixture("stream_info_cluster_r3.json"));
    CHECK(healthy.name == "aa-test");
    CHECK_FALSE(healthy.leader.empty());
    CHECK(healthy.replicas.size() == 2);
    for (const auto& r : healthy.replicas) {
        CHECK(r.current);
        CHECK_FALSE(r.offline);
    }

    const auto degraded = aa::parse_cluster_state(aa::test::fixture("stream_info_cluster_r3_offline.json"));
    bool saw_offline = false;
    for (const auto& r : degraded.replicas) saw_offline = saw_offline || r.offline;
    CHECK(saw_offline);

    const auto standalone = aa::parse_cluster_state(aa::test::fixture("stream_info_single.json"));
    CHECK(standalone.leader.empty());
    CHECK(standalone.replicas.empty());
}

TEST_CASE("replica lines read as an operator expects: state and a last-seen age in ms") {
    std::ostringstream out;
    aa::render_cluster_state(aa::parse_cluster_state(aa::test::fixture("stream_info_cluster_r3_offline.json")),
                             aa::Style(false), out, "  {:<18}");
    const std::string text = out.str();
    INFO(text);
    CHECK(text.find("OFFLINE, seen 11.248s ago") != std::string::npos);
    CHECK(text.find("ns ago") == std::string::npos);
}

TEST_CASE("a clustered stream names the cluster when the greeting could not be read") {
    aa::ServerFacts server;
    server.url = "nats://127.0.0.1:4222";
    aa::note_stream_cluster(server, aa::test::fixture("stream_info_single.json"));
    CHECK(aa::describe_server(server) == "nats://127.0.0.1:4222 (nats-server version unknown, standalone)");
    aa::note_stream_cluster(server, aa::test::fixture("stream_info_cluster_r3.json"));
    CHECK(aa::describe_server(server) == "nats://127.0.0.1:4222 (nats-server version unknown, cluster aa-test)");
}
