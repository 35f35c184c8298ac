// stream-info --all against a real nats-server: the listing is written page by
// page in the server's name order, each stream's info in JSON as the server
// wrote it, the table's columns hold, and a listing that breaks off after its
// head still ends as one JSON document.

#include <doctest/doctest.h>

#include <fmt/format.h>

#include "tests/support/delay_proxy.hpp"
#include "tests/support/harness.hpp"
#include "tests/support/schema_check.hpp"

using aa::test::DelayProxy;
using aa::test::Json;
using aa::test::NatsServer;
using aa::test::run_aa_nats;
using aa::test::RunResult;
using aa::test::TestClient;
using namespace std::chrono_literals;

namespace {

// COUNT memory streams, created in reverse name order (the server sorts them).
void create_streams(TestClient& client, int count) {
    for (int i = count - 1; i >= 0; --i) {
        client.create_stream(Json{{"name", fmt::format("S{:04}", i)}, {"subjects", {fmt::format("s.{}", i)}}, {"storage", "memory"}});
    }
}

}  // namespace

TEST_CASE("--all --json passes each stream's info on as the server wrote it") {
    NatsServer server;
    TestClient client(server.url());
    client.create_stream(Json{{"name", "DESCRIBED"}, {"subjects", {"d.>"}}, {"storage", "memory"}, {"description", "a<b>&c"}});

    const RunResult r = run_aa_nats({"stream-info", "--all", "--json", "-s", server.url()});
    INFO(r.out, r.err);
    REQUIRE(r.exit_code == 0);
    // nats-server (Go) escapes <, > and & in JSON strings; a tree printed again would not.
    CHECK(r.out.find(R"("description":"a\u003cb\u003e\u0026c")") != std::string::npos);
    const Json doc = r.json();
    aa::test::check_schema(doc, "stream-info.schema.json");
    // Compared with the server's own list: from 2.11, STREAM.INFO adds the
    // answering server's _nats.ver and _nats.level to the config's metadata,
    // which STREAM.LIST leaves out (it sends the stored _nats.req.level only).
    const Json listed = client.api("$JS.API.STREAM.LIST", Json{{"offset", 0}});
    CHECK(doc.at("streams")[0].at("info").at("config") == listed.at("streams")[0].at("config"));
    CHECK(doc.at("streams")[0].at("info").at("config").at("description") == "a<b>&c");
}

TEST_CASE("--all: the MAX AGE column is as wide as unlimited") {
    NatsServer server;
    TestClient client(server.url());
    client.create_stream(Json{{"name", "FOREVER"}, {"subjects", {"f.>"}}, {"storage", "memory"}});  // max_age 0
    const RunResult r = run_aa_nats({"stream-info", "--all", "-s", server.url()});
    INFO(r.out);
    REQUIRE(r.exit_code == 0);
    const auto header = r.out.find("NAME ");
    const auto row = r.out.find("\nFOREVER ");
    REQUIRE(header != std::string::npos);
    REQUIRE(row != std::string::npos);
    const std::string header_line = r.out.substr(header, r.out.find('\n', header) - header);
    const std::string row_line = r.out.substr(row + 1, r.out.find('\n', row + 1) - row - 1);
    CHECK(row_line.find(" unlimited memory") == header_line.find("   MAX AGE STORAGE"));
}

TEST_CASE("--all over more than one batch of pages: every stream once, in name order, the batches in flight together") {
    NatsServer server;
    TestClient client(server.url());
    constexpr int kStreams = 1400;  // 6 pages: the first, then two batches
    create_streams(client, kStreams);
    DelayProxy proxy(aa::test::DelayProxyOptions{.target_port = server.port(), .one_way = 5ms});
    const RunResult r = run_aa_nats({"stream-info", "--all", "--json", "-s", proxy.url()});
    REQUIRE(r.exit_code == 0);
    // The second batch (from offset 1280) left before the first batch's first
    // page (offset 256) came back: on a remote link a round trip brings
    // several batches, not one.
    std::string asked;
    std::string answered;
    for (const auto& chunk : proxy.transcript()) {
        (chunk.direction == DelayProxy::Direction::to_server ? asked : answered) += chunk.bytes;
        if (answered.find(R"("offset":256,"limit")") != std::string::npos) break;
    }
    CHECK(asked.find(R"({"offset":1280})") != std::string::npos);
    const Json doc = r.json();
    REQUIRE(doc.at("streams").size() == kStreams);
    for (int i = 0; i < kStreams; ++i) {
        const Json& stream = doc.at("streams")[static_cast<std::size_t>(i)];
        REQUIRE(stream.at("name") == fmt::format("S{:04}", i));
        REQUIRE(stream.at("info").at("config").at("name") == stream.at("name"));
    }
    const RunResult table = run_aa_nats({"stream-info", "--all", "-s", server.url()});
    CHECK(table.out.ends_with("1400 streams\n"));
}

TEST_CASE("--all --json broken off by a lost link after the head: one document, closed with the error, exit 3") {
    NatsServer server;
    TestClient client(server.url());
    create_streams(client, 600);
    DelayProxy proxy(aa::test::DelayProxyOptions{.target_port = server.port(), .one_way = 300ms});
    aa::test::AaNatsProcess listing({"stream-info", "--all", "--json", "-s", proxy.url()});
    // The second batch leaves once the first page is written; its replies are 600 ms away.
    REQUIRE(proxy.wait_for(DelayProxy::Direction::to_server, R"("offset":256)", 20s));
    proxy.cut();
    const RunResult r = listing.wait();
    INFO(r.out, r.err);
    CHECK(r.exit_code == 3);
    const Json doc = r.json();
    CHECK(doc.at("streams").size() == 256);
    CHECK(doc.at("error").at("exit_code") == 3);
    CHECK(doc.at("error").at("message").get<std::string>().find("$JS.API.STREAM.LIST") != std::string::npos);
    CHECK(r.err.starts_with("aa-nats: error: "));
    aa::test::check_schema(doc, "stream-info.schema.json");
}
