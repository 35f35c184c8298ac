// consumer-diag on a consumer paused for real (nats-server 2.11+ pauses with
// $JS.API.CONSUMER.PAUSE): blocked while messages wait, in every output form,
// and an ordinary backlog again once resumed; priority groups and their pinned
// client. Older servers know neither: their reports stay as they were.

#include <doctest/doctest.h>

#include <chrono>

#include <fmt/chrono.h>

#include "tests/integration/consumer_diag_support.hpp"
#include "tests/support/exposition.hpp"
#include "tests/support/schema_check.hpp"

using aa::test::Json;
using aa::test::server_at_least;
using aa::test::server_version;
using namespace aa::test::consumer_diag;
using namespace std::chrono_literals;

namespace {

const std::string kPauseSubject = std::string("$JS.API.CONSUMER.PAUSE.AA_CORE_HOT.") + kDurable;
const std::map<std::string, std::string> kHrv{{"stream", "AA_CORE_HOT"}, {"durable", kDurable}};

// An hour from now, as a PAUSE request takes it: RFC 3339 in UTC, to the second.
std::string an_hour_ahead() {
    return fmt::format("{:%Y-%m-%dT%H:%M:%SZ}", std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now() + 1h));
}

// A server with the durable and 50 messages for it, none delivered.
struct Backlog : CoreServer {
    Backlog() : CoreServer(50) { client.create_durable("AA_CORE_HOT", durable_config(kDurable)); }
};

void check_paused_text(Backlog& s, const std::string& until) {
    const auto human = s.diag({"AA_CORE_HOT", kDurable});
    INFO(human.out, human.err);
    CHECK(human.exit_code == 1);
    CHECK(contains(human.out, "  Paused:           until " + until + " (59m"));
    CHECK(contains(human.out, "  Verdict:          BLOCKED\n                    - paused until " + until + " (59m"));
    CHECK(contains(human.out, "s left) with 50 messages pending: nothing is delivered until then\n"));
    const auto all = s.diag({"--all", "AA_CORE_HOT"});
    INFO(all.out);
    CHECK(all.exit_code == 1);
    CHECK(contains(all.out, " BLOCKED (paused, 59m"));
    const auto watch = s.diag({"AA_CORE_HOT", kDurable, "--watch=100ms", "--count", "1"});
    CHECK(watch.exit_code == 1);
    CHECK(contains(watch.out, "  Paused:           until " + until));
}

void check_paused_monitors(Backlog& s, const std::string& until) {
    const Json doc = aa::test::run_and_check({"consumer-diag", "AA_CORE_HOT", kDurable, "-s", s.server.url(), "--json"}, 1,
                                             "consumer-diag.schema.json");
    CHECK(doc.at("verdict") == "blocked");
    CHECK(doc.at("ok") == false);
    CHECK(doc.at("pause").at("until") == until);
    CHECK(doc.at("pause").at("remaining_ms").get<long long>() > 3'500'000);
    CHECK(doc.at("pause").at("remaining_ms").get<long long>() <= 3'600'000);
    const auto nagios = s.diag({"--format", "nagios"});
    INFO(nagios.out);
    CHECK(nagios.exit_code == 2);
    CHECK(nagios.out.starts_with("AA-NATS CRITICAL: AA_CORE_HOT/normalize-hrv-durable blocked: paused until " + until));
    CHECK(contains(nagios.out, " pause_remaining="));
    const auto prometheus = s.diag({"--format", "prometheus"});
    CHECK(prometheus.exit_code == 1);
    const auto parsed = aa::test::parse_exposition(prometheus.out);
    CHECK(parsed.errors.empty());
    CHECK(parsed.value("aa_nats_consumer_paused", kHrv) == 1);
    CHECK(parsed.value("aa_nats_consumer_pause_remaining_seconds", kHrv).value_or(0) > 3500);
    CHECK(parsed.help.count("aa_nats_consumer_paused") == 1);
}

// Neither a pause nor priority groups anywhere: as every report was before 2.11.
void check_not_paused(Backlog& s) {
    const auto human = s.diag({});
    INFO(human.out, human.err);
    CHECK(human.exit_code == 0);
    CHECK(contains(human.out, "  Verdict:          BACKLOG\n                    - 50 messages pending, last delivery never\n"));
    CHECK_FALSE(contains(human.out, "Paused"));
    CHECK_FALSE(contains(human.out, "paused"));
    CHECK_FALSE(contains(human.out, "Priority"));
    const Json doc = aa::test::run_and_check({"consumer-diag", "-s", s.server.url(), "--json"}, 0, "consumer-diag.schema.json");
    CHECK(doc.at("pause").is_null());
    CHECK(doc.at("priority").is_null());
    const auto parsed = aa::test::parse_exposition(s.diag({"--format", "prometheus"}).out);
    CHECK(parsed.value("aa_nats_consumer_paused", kHrv) == 0);
    CHECK_FALSE(parsed.value("aa_nats_consumer_pause_remaining_seconds", kHrv));
    CHECK_FALSE(contains(s.diag({"--format", "nagios"}).out, "pause"));
}

}  // namespace

TEST_CASE("paused for an hour with 50 pending: blocked (exit 1) in every form; resumed, a backlog again (exit 0)") {
    Backlog s;
    if (!server_at_least(2, 11)) {
        // Before 2.11 the server has no pause: the request goes unanswered and nothing changes.
        INFO("nats-server ", server_version());
        CHECK_FALSE(s.client.request(kPauseSubject, Json{{"pause_until", an_hour_ahead()}}, 1s).has_value());
        check_not_paused(s);
        return;
    }
    const std::string until = an_hour_ahead();
    const Json paused = s.client.api(kPauseSubject, Json{{"pause_until", until}});
    REQUIRE(paused.at("paused") == true);
    check_paused_text(s, until);
    check_paused_monitors(s, until);

    const Json resumed = s.client.api(kPauseSubject);  // an empty body lifts the pause
    REQUIRE(resumed.at("paused") == false);
    check_not_paused(s);
}

TEST_CASE("priority groups: the group and the client pinned to it, in text and JSON; none before 2.11") {
    Backlog s;
    const Json extra{{"priority_groups", {"jobs"}}, {"priority_policy", "pinned_client"}, {"priority_timeout", 120'000'000'000LL}};
    if (!server_at_least(2, 11)) {
        // A 2.9 or 2.10 server takes the durable and drops the keys it does not know.
        INFO("nats-server ", server_version());
        const Json created = s.client.create_durable("AA_CORE_HOT", durable_config("pinned", extra));
        CHECK_FALSE(created.at("config").contains("priority_groups"));
        CHECK_FALSE(contains(s.diag({"AA_CORE_HOT", "pinned"}).out, "Priority"));
        return;
    }
    s.client.create_durable("AA_CORE_HOT", durable_config("pinned", extra));
    const auto unpinned = s.diag({"AA_CORE_HOT", "pinned"});
    INFO(unpinned.out);
    CHECK(contains(unpinned.out, "  Priority Policy:  pinned_client\n  Priority Groups:  jobs: no client pinned\n"));

    // A pull request in group "jobs" pins its client; the message it gets is JSON, as published.
    const auto message = s.client.request("$JS.API.CONSUMER.MSG.NEXT.AA_CORE_HOT.pinned",
                                          Json{{"batch", 1}, {"no_wait", true}, {"group", "jobs"}});
    REQUIRE(message.has_value());
    CHECK(message->contains("i"));
    const auto pinned = s.diag({"AA_CORE_HOT", "pinned"});
    INFO(pinned.out);
    CHECK(contains(pinned.out, "  Priority Groups:  jobs: pinned to client "));
    const Json doc = aa::test::run_and_check({"consumer-diag", "AA_CORE_HOT", "pinned", "-s", s.server.url(), "--json"}, 0,
                                             "consumer-diag.schema.json");
    const Json& group = doc.at("priority").at("groups").at(0);
    CHECK(group.at("group") == "jobs");
    CHECK(group.at("pinned_client_id").is_string());
    CHECK(group.at("pinned_ts").is_string());
}
