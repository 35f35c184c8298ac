// Every JSON document of consumer-diag on a real single-node server is valid
// against its schema in docs/schema/ (docs/json-output.md): one consumer
// (found, missing, over a threshold), --all, and --watch samples, one per line.

#include <doctest/doctest.h>

#include <chrono>
#include <functional>
#include <thread>

#include "tests/integration/consumer_diag_support.hpp"
#include "tests/support/schema_check.hpp"

using aa::test::check_schema;
using aa::test::Json;
using aa::test::json_lines;
using aa::test::run_and_check;
using namespace aa::test::consumer_diag;

namespace {

constexpr const char* kOne = "consumer-diag.schema.json";
constexpr const char* kAll = "consumer-diag-all.schema.json";
constexpr const char* kWatch = "consumer-diag-watch.schema.json";

}  // namespace

TEST_CASE("one consumer: found through the candidates, named, missing, over a threshold") {
    CoreServer core(5);
    core.client.create_durable("AA_CORE_HOT", durable_config(kDurable));
    const std::string url = core.server.url();

    const Json found = run_and_check({"consumer-diag", "--json", "-s", url}, 0, kOne);
    CHECK(found.at("stream").is_null());
    CHECK(found.at("verdict") == "backlog");
    const Json named = run_and_check({"consumer-diag", "AA_CORE_HOT", kDurable, "--json", "-s", url}, 0, kOne);
    CHECK(named.at("stream") == "AA_CORE_HOT");
    const Json missing = run_and_check({"consumer-diag", "AA_CORE_HOT", "nobody", "--json", "-s", url}, 1, kOne);
    CHECK(missing.at("verdict") == "missing");
    CHECK(missing.at("info").is_null());
    const Json over = run_and_check({"consumer-diag", "--max-pending", "1", "--json", "-s", url}, 1, kOne);
    CHECK(over.at("threshold_exceeded") == true);
}

TEST_CASE("--all: every consumer of the topology's streams, and of one stream") {
    CoreServer core(5);
    core.client.create_durable("AA_CORE_HOT", durable_config(kDurable));
    core.client.create_durable("AA_CORE_HOT", Json{{"durable_name", "audit-push"}, {"ack_policy", "explicit"},
                                                   {"deliver_subject", "audit.deliver"}});
    const std::string url = core.server.url();

    const Json all = run_and_check({"consumer-diag", "--all", "--json", "-s", url}, 1, kAll);  // audit-push: unbound
    CHECK(all.at("consumers").size() == 2);
    CHECK(all.at("streams_missing").size() == 3);
    const Json one_stream = run_and_check({"consumer-diag", "--all", "AA_CORE_HOT", "--json", "-s", url}, 1, kAll);
    CHECK(one_stream.at("streams") == Json{"AA_CORE_HOT"});
    const Json missing_stream = run_and_check({"consumer-diag", "--all", "NOPE", "--json", "-s", url}, 1, kAll);
    CHECK(missing_stream.at("streams_missing") == Json{"NOPE"});
}

TEST_CASE("--watch --count 2 --json: one document per sample, each on its own line") {
    CoreServer core(5);
    core.client.create_durable("AA_CORE_HOT", durable_config(kDurable));
    const auto watch = core.diag({"--watch", "200ms", "--count", "2", "--json"});
    INFO(watch.out, watch.err);
    CHECK(watch.exit_code == 0);
    const std::vector<Json> samples = json_lines(watch.out);
    REQUIRE(samples.size() == 2);
    for (const Json& sample : samples) check_schema(sample, kWatch);
    CHECK(samples[0].at("progress").at("rate_per_second").is_null());
    CHECK(samples[1].at("progress").at("rate_per_second").is_number());

    const auto missing = core.diag({"AA_CORE_HOT", "nobody", "--watch", "200ms", "--count", "2", "--json"});
    CHECK(missing.exit_code == 1);
    for (const Json& sample : json_lines(missing.out)) check_schema(sample, kWatch);
    CHECK(json_lines(missing.out).size() == 2);
}

TEST_CASE("the schemas are strict: a real document altered in any of these ways is rejected") {
    CoreServer core(5);
    core.client.create_durable("AA_CORE_HOT", durable_config(kDurable));
    const Json real = run_and_check({"consumer-diag", "--json", "-s", core.server.url()}, 0, kOne);
    auto rejected = [&](const std::function<void(Json&)>& alter) {
        Json doc = real;
        alter(doc);
        return !aa::test::schema_problems(doc, kOne).empty();
    };
    CHECK(rejected([](Json& d) { d["unknown_key"] = 1; }));
    CHECK(rejected([](Json& d) { d["verdict"] = "fine"; }));
    CHECK(rejected([](Json& d) { d.erase("ok"); }));
    CHECK(rejected([](Json& d) { d["schema_version"] = 2; }));
    CHECK(rejected([](Json& d) { d["server"]["clustering"] = "clustered"; }));  // clustered stays false
    CHECK(rejected([](Json& d) { d["ok"] = false; d["verdict"] = "missing"; }));  // a missing one has no info
    CHECK(rejected([](Json& d) { d["info"].erase("num_pending"); }));
    CHECK(rejected([](Json& d) { d["delivered_ago_ms"] = "5s"; }));
    // The server's own reply is open: a key a newer server adds is allowed.
    CHECK_FALSE(rejected([](Json& d) { d["info"]["priority_groups"] = Json::array(); }));
}

TEST_CASE("--watch --json when the server goes away: the samples so far, then the error document, exit 3") {
    CoreServer core(5);
    core.client.create_durable("AA_CORE_HOT", durable_config(kDurable));
    aa::test::AaNatsProcess watch(
        {"consumer-diag", "--watch", "200ms", "--count", "100", "--json", "--timeout", "1s", "-s", core.server.url()});
    std::this_thread::sleep_for(std::chrono::milliseconds(1200));
    core.server.stop();
    const auto r = watch.wait();
    INFO(r.out, r.err);
    CHECK(r.exit_code == 3);
    // Samples are one line each; the error document that ends the watch is indented, like every single document.
    const auto error_at = r.out.find("\n{\n");
    REQUIRE(error_at != std::string::npos);
    const std::vector<Json> samples = json_lines(r.out.substr(0, error_at + 1));
    CHECK(samples.size() >= 2);
    for (const Json& sample : samples) check_schema(sample, kWatch);
    check_schema(Json::parse(r.out.substr(error_at + 1)), "error.schema.json");
}
