// consumer-diag on consumers with priority groups (nats-server 2.11+), on real
// 2.15.1 replies (tests/fixtures/README.md, "Pause and priority groups"): the
// groups and their pinned clients, in text (escaped) and JSON (exact).

#include <doctest/doctest.h>

#include <sstream>

#include "commands/consumer_diag/consumer_diag.hpp"
#include "commands/consumer_diag/priority.hpp"
#include "tests/support/json_schema.hpp"
#include "tests/unit/consumer_diag_support.hpp"
#include "tests/unit/fixtures.hpp"

using namespace aa::consumer_diag;
using namespace aa::test::consumer_diag;
using aa::test::fixture;

namespace {

// Durable "pinned", group "jobs", policy pinned_client: before any pull (pinned_ts is Go's zero time) and after one.
constexpr const char* kUnpinned = "consumer_info_priority_unpinned.json";
constexpr const char* kPinned = "consumer_info_pinned.json";
constexpr const char* kPinnedClient = "2A9kbL0B6kZfHXbdAipcpi";

std::string human_on(const aa::Json& info) {
    ConsumerReport report;
    report.durable = "pinned";
    report.binding.bound_stream = "AA_CORE_HOT";
    report.binding.info = info;
    report.diagnosis = diagnose(info, at("2026-12-07T19:29:50Z"), Thresholds{}, std::nullopt);
    std::ostringstream out;
    render_human(SingleResult{standalone_server(), report}, aa::Style(false), out);
    return out.str();
}

bool contains(const std::string& text, std::string_view part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("the groups of the config, each with the pin the server reports; none before 2.11") {
    const auto pinned = priority_of(fixture(kPinned));
    REQUIRE(pinned.has_value());
    CHECK(pinned->policy == "pinned_client");
    REQUIRE(pinned->groups.size() == 1);
    CHECK(pinned->groups.at(0).name == "jobs");
    CHECK(pinned->groups.at(0).pinned_client_id == kPinnedClient);
    CHECK(pinned->groups.at(0).pinned_ts == "2026-12-07T19:29:49.505674416Z");
    const auto unpinned = priority_of(fixture(kUnpinned));
    REQUIRE(unpinned.has_value());
    CHECK(fixture(kUnpinned).at("priority_groups").at(0).at("pinned_ts") == "0001-01-01T00:00:00Z");
    CHECK(unpinned->groups.at(0).pinned_client_id.empty());  // the zero time: nobody pinned
    CHECK(unpinned->groups.at(0).pinned_ts.empty());
    CHECK_FALSE(priority_of(fixture("consumer_info_pull.json")).has_value());
    CHECK_FALSE(priority_of(fixture("consumer_info_paused.json")).has_value());
}

TEST_CASE("human: the policy and one line per group, pinned or not") {
    CHECK(contains(human_on(fixture(kPinned)),
                   "  Deliver Policy:   all\n  Priority Policy:  pinned_client\n"
                   "  Priority Groups:  jobs: pinned to client 2A9kbL0B6kZfHXbdAipcpi since 2026-12-07T19:29:49Z\n"));
    CHECK(contains(human_on(fixture(kUnpinned)), "  Priority Groups:  jobs: no client pinned\n"));
    aa::Json two = fixture(kPinned);
    two["config"]["priority_groups"].push_back("batch");
    CHECK(contains(human_on(two), "  Priority Groups:  jobs: pinned to client 2A9kbL0B6kZfHXbdAipcpi since "
                                  "2026-12-07T19:29:49Z\n                    batch: no client pinned\n"));
    aa::Json overflow = fixture(kUnpinned);
    overflow["config"]["priority_policy"] = "overflow";
    CHECK(contains(human_on(overflow), "  Priority Policy:  overflow\n  Priority Groups:  jobs\n"));
    CHECK_FALSE(contains(human_on(fixture("consumer_info_pull.json")), "Priority"));
}

TEST_CASE("human: group names and client ids are the server's text, shown escaped") {
    aa::Json info = fixture(kPinned);
    info["config"]["priority_groups"] = {"jo\x1b[2Jbs"};
    info["priority_groups"][0]["group"] = "jo\x1b[2Jbs";
    info["priority_groups"][0]["pinned_client_id"] = "id\x07\x1b]0;owned\x07";
    info["config"]["priority_policy"] = "pinned_client";
    const std::string text = human_on(info);
    INFO(text);
    CHECK(text.find('\x1b') == std::string::npos);
    CHECK(text.find('\x07') == std::string::npos);
    CHECK(contains(text, "  Priority Groups:  jo\\x1b[2Jbs: pinned to client id\\x07\\x1b]0;owned\\x07 since"));
}

TEST_CASE("JSON: priority carries the policy and the pins exactly, null pins when none; valid against the schema") {
    const auto schemas = aa::test::SchemaSet::load(std::string(AA_DOCS_DIR) + "/schema");
    ConsumerReport report;
    report.durable = "pinned";
    report.binding = choose_binding({"AA_CORE_HOT"}, {aa::test::consumer_answer(kPinned)});
    report.diagnosis = diagnose(report.binding.info, at("2026-12-07T19:29:50Z"), Thresholds{}, std::nullopt);
    const aa::Json doc = to_json(SingleResult{standalone_server(), report});
    CHECK(doc.at("priority") ==
          aa::Json{{"policy", "pinned_client"},
                   {"groups", {{{"group", "jobs"}, {"pinned_client_id", kPinnedClient},
                                {"pinned_ts", "2026-12-07T19:29:49.505674416Z"}}}}});
    CHECK(schemas.problems(doc, "consumer-diag.schema.json").empty());
    report.binding = choose_binding({"AA_CORE_HOT"}, {aa::test::consumer_answer(kUnpinned)});
    report.diagnosis = diagnose(report.binding.info, at("2026-12-07T19:29:50Z"), Thresholds{}, std::nullopt);
    const aa::Json unpinned = to_json(SingleResult{standalone_server(), report});
    CHECK(unpinned.at("priority").at("groups").at(0) ==
          aa::Json{{"group", "jobs"}, {"pinned_client_id", nullptr}, {"pinned_ts", nullptr}});
    CHECK(schemas.problems(unpinned, "consumer-diag.schema.json").empty());
}
