// consumer-diag and migrate-verify --format nagios and --format prometheus
// against real nats-servers: the status and exit code a monitoring plugin
// reports for each state, and an exposition the textfile collector accepts,
// also when NATS cannot be reached or the command line is wrong.

#include <doctest/doctest.h>

#include "tests/integration/consumer_diag_support.hpp"
#include "tests/support/exposition.hpp"

using aa::test::free_port;
using aa::test::Json;
using aa::test::NatsServer;
using aa::test::parse_exposition;
using aa::test::RunResult;
using aa::test::run_aa_nats;
using aa::test::TestClient;
using namespace aa::test::consumer_diag;

namespace {

using Labels = std::map<std::string, std::string>;

const Labels kHrv{{"stream", "AA_CORE_HOT"}, {"durable", kDurable}};

// The exposition on R's stdout, which must be valid.
aa::test::ParsedExposition exposition_of(const RunResult& r) {
    const auto parsed = parse_exposition(r.out);
    INFO(r.out, r.err);
    for (const auto& error : parsed.errors) CHECK_MESSAGE(false, error);
    return parsed;
}

// Exactly one line on stdout, the plugin's status line.
std::string status_line(const RunResult& r) {
    INFO(r.out, r.err);
    REQUIRE(!r.out.empty());
    CHECK(r.out.find('\n') == r.out.size() - 1);
    return r.out.substr(0, r.out.size() - 1);
}

}  // namespace

TEST_CASE("consumer-diag: a backlog is OK (exit 0) and its counters are exported") {
    CoreServer s(5);
    s.client.create_durable("AA_CORE_HOT", durable_config(kDurable));
    const auto nagios = s.diag({"AA_CORE_HOT", kDurable, "--format", "nagios"});
    CHECK(nagios.exit_code == 0);
    CHECK(status_line(nagios).starts_with("AA-NATS OK: AA_CORE_HOT/normalize-hrv-durable backlog: 5 messages pending"));
    CHECK(contains(nagios.out, "| pending=5;;;0 ack_pending=0;;;0 redelivered=0;;;0"));

    const auto prometheus = s.diag({"AA_CORE_HOT", kDurable, "--format", "prometheus"});
    CHECK(prometheus.exit_code == 0);
    const auto parsed = exposition_of(prometheus);
    CHECK(parsed.value("aa_nats_up", {{"command", "consumer-diag"}}) == 1);
    CHECK(parsed.value("aa_nats_consumer_pending_messages", kHrv) == 5);
    Labels backlog = kHrv;
    backlog["verdict"] = "backlog";
    CHECK(parsed.value("aa_nats_consumer_verdict", backlog) == 1);
}

TEST_CASE("consumer-diag: healthy is OK; over --max-pending is CRITICAL (exit 2), exported as exceeded (exit 1)") {
    CoreServer s(3);
    s.client.create_durable("AA_CORE_HOT", durable_config(kDurable));
    for (const auto& m : s.client.fetch("AA_CORE_HOT", kDurable, 3)) s.client.ack(m);
    s.client.flush();
    const auto healthy = s.diag({"AA_CORE_HOT", kDurable, "--format=nagios"});
    CHECK(healthy.exit_code == 0);
    CHECK(status_line(healthy).starts_with("AA-NATS OK: AA_CORE_HOT/normalize-hrv-durable healthy: caught up"));

    for (int i = 0; i < 2; ++i) s.client.js_publish("athlete-ally.hrv", "{}");
    const auto over = s.diag({"AA_CORE_HOT", kDurable, "--max-pending", "1", "--format", "nagios"});
    CHECK(over.exit_code == 2);
    CHECK(status_line(over).starts_with("AA-NATS CRITICAL: AA_CORE_HOT/normalize-hrv-durable backlog: "));
    CHECK(contains(over.out, "pending 2 exceeds --max-pending 1"));
    CHECK(contains(over.out, "| pending=2;;1;0 "));

    const auto exported = s.diag({"AA_CORE_HOT", kDurable, "--max-pending", "1", "--format", "prometheus"});
    CHECK(exported.exit_code == 1);
    const auto parsed = exposition_of(exported);
    Labels threshold = kHrv;
    threshold["threshold"] = "max-pending";
    CHECK(parsed.value("aa_nats_consumer_threshold_exceeded", threshold) == 1);
    CHECK(parsed.value("aa_nats_consumer_ok", kHrv) == 0);
    CHECK(parsed.value("aa_nats_check_ok", {{"command", "consumer-diag"}}) == 0);
}

TEST_CASE("consumer-diag: a missing durable is CRITICAL; exported as verdict missing with aa_nats_up 1") {
    CoreServer s(1);
    const auto nagios = s.diag({"--format", "nagios"});
    CHECK(nagios.exit_code == 2);
    CHECK(status_line(nagios).starts_with("AA-NATS CRITICAL: normalize-hrv-durable missing: "));
    const auto prometheus = s.diag({"--format", "prometheus"});
    CHECK(prometheus.exit_code == 1);
    const auto parsed = exposition_of(prometheus);
    CHECK(parsed.value("aa_nats_up", {{"command", "consumer-diag"}}) == 1);
    CHECK(parsed.value("aa_nats_consumer_verdict", {{"stream", ""}, {"durable", kDurable}, {"verdict", "missing"}}) == 1);
    CHECK(parsed.count("aa_nats_consumer_pending_messages") == 0);
}

TEST_CASE("consumer-diag --all: one series per consumer; a name with a double quote round-trips (a backslash the server refuses)") {
    CoreServer s(2);
    s.client.create_durable("AA_CORE_HOT", durable_config(kDurable));
    const std::string odd = "q\"uote";
    s.client.create_durable("AA_CORE_HOT", durable_config(odd));
    const auto prometheus = s.diag({"--all", "AA_CORE_HOT", "--format", "prometheus"});
    CHECK(prometheus.exit_code == 0);
    const auto parsed = exposition_of(prometheus);
    CHECK(parsed.count("aa_nats_consumer_pending_messages") == 2);
    CHECK(parsed.value("aa_nats_consumer_pending_messages", {{"stream", "AA_CORE_HOT"}, {"durable", odd}}) == 2);
    CHECK(parsed.value("aa_nats_stream_found", {{"stream", "AA_CORE_HOT"}}) == 1);

    const auto nagios = s.diag({"--all", "AA_CORE_HOT", "--format", "nagios"});
    CHECK(nagios.exit_code == 0);
    CHECK(status_line(nagios).starts_with("AA-NATS OK: 2 consumers pass on AA_CORE_HOT | consumers=2;;;0 failing=0;;0;0"));
    CHECK(contains(nagios.out, "'AA_CORE_HOT/q\"uote pending'=2;;;0"));
}

TEST_CASE("migrate-verify: a verified phase is OK, an unverified one CRITICAL; both exported") {
    NatsServer server;
    TestClient client(server.url());
    client.create_stream(aa::test::legacy_stream_config());
    REQUIRE(run_aa_nats({"ensure-streams", "--phase", "0", "-s", server.url()}).exit_code == 0);

    const auto ok = run_aa_nats({"migrate-verify", "0", "--format", "nagios", "-s", server.url()});
    CHECK(ok.exit_code == 0);
    CHECK(status_line(ok).starts_with("AA-NATS OK: phase 0 verified ("));
    const auto fail = run_aa_nats({"migrate-verify", "2", "--format", "nagios", "-s", server.url()});
    CHECK(fail.exit_code == 2);
    CHECK(status_line(fail).starts_with("AA-NATS CRITICAL: phase 2 not verified ("));

    const auto verified = exposition_of(run_aa_nats({"migrate-verify", "0", "--format", "prometheus", "-s", server.url()}));
    CHECK(verified.value("aa_nats_migration_phase_verified", {{"phase", "0"}}) == 1);
    const auto failed = run_aa_nats({"migrate-verify", "2", "--format", "prometheus", "-s", server.url()});
    CHECK(failed.exit_code == 1);
    const auto parsed = exposition_of(failed);
    CHECK(parsed.value("aa_nats_migration_phase_verified", {{"phase", "2"}}) == 0);
    CHECK(parsed.value("aa_nats_migration_check_passed", {{"check", "core.exists"}, {"phase", "2"}}) == 0);

    const auto detect = exposition_of(run_aa_nats({"migrate-verify", "--detect", "--format", "prometheus", "-s", server.url()}));
    CHECK(detect.value("aa_nats_migration_detected_phase") == 0);
}

TEST_CASE("NATS unreachable: nagios CRITICAL (exit 2), prometheus aa_nats_up 0 (exit 3) and the error on stderr") {
    const std::string nowhere = "nats://127.0.0.1:" + std::to_string(free_port());
    const auto nagios = run_aa_nats({"consumer-diag", "--format", "nagios", "-s", nowhere, "--timeout", "1s"});
    CHECK(nagios.exit_code == 2);
    CHECK(status_line(nagios).starts_with("AA-NATS CRITICAL: "));
    CHECK(nagios.err.empty());  // agents that read stderr into the plugin's output see one line

    const auto prometheus = run_aa_nats({"migrate-verify", "1", "--format", "prometheus", "-s", nowhere, "--timeout", "1s"});
    CHECK(prometheus.exit_code == 3);
    CHECK(exposition_of(prometheus).value("aa_nats_up", {{"command", "migrate-verify"}}) == 0);
    CHECK(prometheus.err.starts_with("aa-nats: error: "));
}

TEST_CASE("usage errors: UNKNOWN (exit 3) for nagios, exit 2 elsewhere; --watch and a disagreeing --json are refused") {
    const std::string nowhere = "nats://127.0.0.1:" + std::to_string(free_port());
    const auto watch = run_aa_nats({"consumer-diag", "--watch", "--format", "nagios", "-s", nowhere});
    CHECK(watch.exit_code == 3);
    CHECK(status_line(watch).starts_with("AA-NATS UNKNOWN: --watch prints a sample per interval"));
    const auto watch_prometheus = run_aa_nats({"consumer-diag", "--watch", "--format", "prometheus", "-s", nowhere});
    CHECK(watch_prometheus.exit_code == 2);
    CHECK(exposition_of(watch_prometheus).value("aa_nats_up", {{"command", "consumer-diag"}}) == 0);
    const auto both = run_aa_nats({"migrate-verify", "1", "--json", "--format", "nagios", "-s", nowhere});
    CHECK(both.exit_code == 3);
    CHECK(status_line(both) == "AA-NATS UNKNOWN: --json and --format nagios disagree: give one of them");
    const auto both_text = run_aa_nats({"migrate-verify", "1", "--json", "--format", "text", "-s", nowhere});
    CHECK(both_text.exit_code == 2);
    CHECK(both_text.err == "aa-nats: error: --json and --format text disagree: give one of them\n");
    const auto bad = run_aa_nats({"migrate-verify", "1", "--format", "xml", "-s", nowhere});
    CHECK(bad.exit_code == 2);
    CHECK(bad.out.empty());
    const auto phase = run_aa_nats({"migrate-verify", "9", "--format", "nagios", "-s", nowhere});
    CHECK(phase.exit_code == 3);
    CHECK(status_line(phase).starts_with("AA-NATS UNKNOWN: "));
    const auto same = run_aa_nats({"migrate-verify", "9", "--json", "--format", "json", "-s", nowhere});
    CHECK(same.exit_code == 2);
    CHECK(same.json().at("error").at("exit_code") == 2);
}
