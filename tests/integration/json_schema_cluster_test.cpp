// The JSON documents of every command on a real 3-node cluster and on a
// standalone leaf node behind a hub are valid against their schemas in
// docs/schema/ (docs/json-output.md): the cluster's fields (server.cluster,
// the stream and consumer infos' cluster objects) and clustering unknown.

#include <doctest/doctest.h>

#include <map>
#include <string>
#include <vector>

#include "tests/support/schema_check.hpp"

using aa::test::Json;
using aa::test::json_lines;
using aa::test::run_and_check;
using aa::test::TestClient;

namespace {

const std::map<std::string, std::string> kProduction{{"NODE_ENV", "production"}};

Json durable(const std::string& name, const std::string& filter) {
    return Json{{"durable_name", name}, {"ack_policy", "explicit"}, {"max_deliver", 5},
                {"ack_wait", 60000000000LL}, {"filter_subject", filter}};
}

// Every command's one-shot forms against URL (plus EXTRA, e.g. --js-domain), each checked against
// its schema; ensure-streams --check with ENV (the replicas NODE_ENV decides).
void check_every_document(const std::string& url, const std::map<std::string, std::string>& env,
                          const std::vector<std::string>& extra = {}) {
    auto args = [&](std::vector<std::string> command) {
        command.insert(command.end(), {"--json", "-s", url});
        command.insert(command.end(), extra.begin(), extra.end());
        return command;
    };
    run_and_check(args({"stream-info"}), 0, "stream-info.schema.json");
    run_and_check(args({"stream-info", "--all"}), 0, "stream-info.schema.json");
    run_and_check(args({"stream-info", "AA_CORE_HOT"}), 0, "stream-info.schema.json");
    run_and_check(args({"ensure-streams", "--check"}), 0, "ensure-streams.schema.json", env);
    run_and_check(args({"migrate-verify", "--detect"}), 0, "migrate-verify.schema.json");
    run_and_check(args({"consumer-diag"}), 0, "consumer-diag.schema.json");
    run_and_check(args({"consumer-diag", "--all"}), 0, "consumer-diag-all.schema.json");
}

}  // namespace

TEST_CASE("a 3-node cluster: R3 streams, a consumer and its replicas") {
    aa::test::NatsCluster cluster;
    const std::string url = cluster.url(0);
    const Json applied = run_and_check({"ensure-streams", "--json", "-s", url}, 0, "ensure-streams.schema.json", kProduction);
    CHECK(applied.at("server").at("clustered") == true);
    TestClient client(url);
    client.create_durable("AA_CORE_HOT", durable("normalize-hrv-durable", "athlete-ally.>"));
    client.create_durable("AA_VENDOR_HOT", durable("normalize-oura", "vendor.>"));
    client.js_publish("athlete-ally.hrv", "{}");

    const Json info = run_and_check({"stream-info", "--json", "-s", url}, 0, "stream-info.schema.json");
    CHECK(info.at("server").at("cluster") == "aa-test");
    CHECK(info.at("streams")[0].at("info").at("cluster").at("replicas").size() == 2);
    const Json one = run_and_check({"consumer-diag", "--json", "-s", url}, 0, "consumer-diag.schema.json");
    CHECK(one.at("server").at("clustering") == "clustered");  // the greeting advertises the route peers
    CHECK(one.at("info").contains("cluster"));
    const auto watch = aa::test::run_aa_nats({"consumer-diag", "--watch", "200ms", "--count", "2", "--json", "-s", url});
    CHECK(watch.exit_code == 0);
    for (const Json& sample : json_lines(watch.out)) aa::test::check_schema(sample, "consumer-diag-watch.schema.json");
    check_every_document(url, kProduction);
}

TEST_CASE("a leaf node: directly, and through its hub with --js-domain") {
    aa::test::NatsLeafPair pair;
    const std::string leaf = pair.leaf().url();
    run_and_check({"ensure-streams", "--json", "-s", leaf}, 0, "ensure-streams.schema.json");
    TestClient client(leaf);
    client.create_durable("AA_CORE_HOT", durable("normalize-hrv-durable", "athlete-ally.>"));
    check_every_document(leaf, {});
    check_every_document(pair.hub().url(), {}, {"--js-domain", aa::test::NatsLeafPair::kDomain});
}
