// migrate-verify's pure parts: the per-phase checks on facts built from real
// 2.9.10 replies (tests/fixtures), the phase parser, renderings and exit codes.
// Streams other than AA_CORE_HOT are the real stream_info_single.json reply
// with config.name and config.subjects replaced.

#include <doctest/doctest.h>

#include <algorithm>
#include <sstream>

#include "commands/migrate_verify/migrate_verify.hpp"
#include "src/jetstream_client.hpp"
#include "tests/unit/fixtures.hpp"
#include "tests/unit/migrate_verify_support.hpp"

using aa::Json;
using aa::test::fixture;
using namespace aa::migrate_verify;
using namespace aa::test::migrate_verify;

namespace {

std::vector<std::string> ids_with(const std::vector<Check>& checks, Status status) {
    std::vector<std::string> out;
    for (const auto& c : checks) {
        if (c.status == status) out.push_back(c.id);
    }
    return out;
}

const Check& find(const std::vector<Check>& checks, const std::string& id) {
    const auto it = std::find_if(checks.begin(), checks.end(), [&](const Check& c) { return c.id == id; });
    REQUIRE(it != checks.end());
    return *it;
}

using Ids = std::vector<std::string>;

}  // namespace

TEST_CASE("each phase's target state passes its own verification and every earlier one") {
    const std::vector<Facts> states{phase1_facts(), phase1_facts(), phase2_facts(), phase3_facts()};
    for (int phase = 1; phase <= 3; ++phase) {
        for (int earlier = 0; earlier <= phase; ++earlier) {
            CAPTURE(phase);
            CAPTURE(earlier);
            const auto checks = evaluate(earlier, states[static_cast<std::size_t>(phase)], defaults());
            CHECK(ids_with(checks, Status::fail) == Ids{});
            CHECK(ids_with(checks, Status::warn) == Ids{});
        }
    }
    CHECK(evaluate(0, phase1_facts(), defaults()).size() == 3);
    CHECK(evaluate(1, phase1_facts(), defaults()).size() == 8);
    CHECK(evaluate(2, phase2_facts(), defaults()).size() == 14);
    CHECK(evaluate(3, phase3_facts(), defaults()).size() == 15);
}

TEST_CASE("phase 2: a legacy stream left with its own name as subject passes; one already gone passes with a note") {
    const auto with_legacy = evaluate(2, phase2_facts(), defaults());
    CHECK(find(with_legacy, "legacy.released-core").status == Status::pass);
    CHECK(find(with_legacy, "legacy.released-core").found == Json::array());

    const auto gone = evaluate(2, phase3_facts(), defaults());
    const Check& released = find(gone, "legacy.released-core");
    CHECK(released.status == Status::pass);
    CHECK(released.found.is_null());
    CHECK(released.note == "stream ATHLETE_ALLY_EVENTS does not exist (already deleted)");
}

TEST_CASE("single deviations fail exactly their check") {
    SUBCASE("missing DLQ stream: its subject checks are left out, not failed") {
        Facts f = phase3_facts();
        f.dlq.reset();
        const auto checks = evaluate(0, f, defaults());
        CHECK(ids_with(checks, Status::fail) == Ids{"dlq.exists"});
        CHECK(checks.size() == 1);
        CHECK(checks[0].expected == "present");
        CHECK(checks[0].found == "absent");
    }
    SUBCASE("DLQ stream without dlq.>") {
        Facts f = phase3_facts();
        f.dlq = stream("AA_DLQ", {"dlq.normalize.>"});
        const auto checks = evaluate(0, f, defaults());
        CHECK(ids_with(checks, Status::fail) == Ids{"dlq.captures-dlq"});
        CHECK(find(checks, "dlq.captures-dlq").note == "not captured: dlq.>");
    }
    SUBCASE("an HRV DLQ subject outside the DLQ stream") {
        Targets t = defaults();
        t.service.hrv_dlq_subject = "deadletter.hrv";
        const auto checks = evaluate(0, phase3_facts(), t);
        CHECK(ids_with(checks, Status::fail) == Ids{"dlq.captures-hrv-dlq-subject"});
        CHECK(find(checks, "dlq.captures-hrv-dlq-subject").expected == Json::array({"deadletter.hrv"}));
    }
    SUBCASE("legacy still capturing vendor.>") {
        Facts f = phase1_facts();
        f.legacy = stream("ATHLETE_ALLY_EVENTS", {"athlete-ally.>", "sleep.*", "vendor.>"});
        const auto checks = evaluate(1, f, defaults());
        CHECK(ids_with(checks, Status::fail) == Ids{"legacy.released-vendor"});
        CHECK(find(checks, "legacy.released-vendor").found == Json::array({"vendor.>"}));
    }
    SUBCASE("legacy still capturing part of vendor.> counts too") {
        Facts f = phase1_facts();
        f.legacy = stream("ATHLETE_ALLY_EVENTS", {"athlete-ally.>", "vendor.garmin.*"});
        CHECK(ids_with(evaluate(1, f, defaults()), Status::fail) == Ids{"legacy.released-vendor"});
    }
    SUBCASE("missing oura durable, noticed on the legacy stream") {
        Facts f = phase1_facts();
        f.oura_consumer.reset();
        f.legacy_consumers.push_back(consumer("ATHLETE_ALLY_EVENTS", "normalize-oura", "vendor.>"));
        const auto checks = evaluate(1, f, defaults());
        CHECK(ids_with(checks, Status::fail) == Ids{"vendor.oura-durable"});
        CHECK(find(checks, "vendor.oura-durable").note == "it exists on the legacy stream ATHLETE_ALLY_EVENTS only");
    }
    SUBCASE("durable names come from the service settings") {
        Targets t = defaults();
        t.service.oura_durable = "oura-v2";
        const auto checks = evaluate(1, phase1_facts(), t);
        CHECK(find(checks, "vendor.oura-durable").description == "durable oura-v2 exists on AA_VENDOR_HOT");
    }
    SUBCASE("missing core subject sleep.*") {
        Facts f = phase2_facts();
        f.core = stream("AA_CORE_HOT", {"athlete-ally.>"});
        const auto checks = evaluate(2, f, defaults());
        CHECK(ids_with(checks, Status::fail) == Ids{"core.captures-core"});
        CHECK(find(checks, "core.captures-core").note == "not captured: sleep.*");
    }
    SUBCASE("a wider pattern captures: sleep.> covers sleep.*") {
        Facts f = phase2_facts();
        f.core = stream("AA_CORE_HOT", {"athlete-ally.>", "sleep.>"});
        CHECK(ids_with(evaluate(2, f, defaults()), Status::fail) == Ids{});
    }
    SUBCASE("missing core stream") {
        Facts f = phase2_facts();
        f.core.reset();
        f.hrv_consumer.reset();  // the server answers "stream not found" for it
        CHECK(ids_with(evaluate(2, f, defaults()), Status::fail) == Ids{"core.exists"});
    }
    SUBCASE("HRV filter not captured by the core stream") {
        Facts f = phase2_facts();
        f.hrv_consumer = consumer("AA_CORE_HOT", "normalize-hrv-durable", "hrv.raw");
        const auto checks = evaluate(2, f, defaults());
        CHECK(ids_with(checks, Status::fail) == Ids{"core.hrv-filter"});
        CHECK(find(checks, "core.hrv-filter").found == Json::array({"hrv.raw"}));
        CHECK(find(checks, "core.hrv-filter").note == "AA_CORE_HOT captures no message for hrv.raw");
    }
    SUBCASE("a consumer without a filter reads the whole stream") {
        Facts f = phase2_facts();
        f.hrv_consumer = consumer("AA_CORE_HOT", "normalize-hrv-durable", "");
        const auto checks = evaluate(2, f, defaults());
        CHECK(find(checks, "core.hrv-filter").status == Status::pass);
        CHECK(find(checks, "core.hrv-filter").note == "no filter: the consumer reads the whole stream");
    }
    SUBCASE("legacy still capturing athlete-ally.>") {
        Facts f = phase2_facts();
        f.legacy = stream("ATHLETE_ALLY_EVENTS", {"athlete-ally.>"});
        CHECK(ids_with(evaluate(2, f, defaults()), Status::fail) == Ids{"legacy.released-core"});
    }
    SUBCASE("legacy present in phase 3") {
        const auto checks = evaluate(3, phase2_facts(), defaults());
        CHECK(ids_with(checks, Status::fail) == Ids{"legacy.absent"});
    }
}

TEST_CASE("legacy consumers with pending or unacknowledged messages warn in phase 2 and fail in phase 3") {
    Facts f = phase2_facts();
    // The real reply: 1 pending, 2 unacknowledged; and an idle one that does not count.
    Json with_backlog = fixture("consumer_info_pull.json");
    with_backlog["stream_name"] = "ATHLETE_ALLY_EVENTS";
    f.legacy_consumers = {with_backlog, consumer("ATHLETE_ALLY_EVENTS", "idle", "")};

    const auto phase2 = evaluate(2, f, defaults());
    CHECK(ids_with(phase2, Status::warn) == Ids{"legacy.consumers-drained"});
    CHECK(ids_with(phase2, Status::fail) == Ids{});
    const Check& drained = find(phase2, "legacy.consumers-drained");
    CHECK(drained.found ==
          Json::array({Json{{"consumer", "normalize-hrv-durable"}, {"num_pending", 1}, {"num_ack_pending", 2}}}));
    CHECK(count(phase2).verified());
    CHECK(exit_code(verify(2, f, defaults())) == aa::ExitCode::ok);

    const auto phase3 = evaluate(3, f, defaults());
    CHECK(ids_with(phase3, Status::fail) == Ids{"legacy.consumers-drained", "legacy.absent"});
}

TEST_CASE("--detect reports the highest phase whose target state holds") {
    CHECK(detect(phase3_facts(), defaults()).detected == 3);
    CHECK(detect(phase2_facts(), defaults()).detected == 2);
    CHECK(detect(phase1_facts(), defaults()).detected == 1);
    Facts only_dlq;
    only_dlq.dlq = stream("AA_DLQ", {"dlq.>"});
    only_dlq.legacy = stream("ATHLETE_ALLY_EVENTS", {"athlete-ally.>", "sleep.*", "vendor.>"});
    CHECK(detect(only_dlq, defaults()).detected == 0);
    const Result none = detect(Facts{}, defaults());
    CHECK_FALSE(none.detected.has_value());
    CHECK(exit_code(none) == aa::ExitCode::check_failed);
    CHECK(none.phases.size() == 4);
    CHECK(none.checks.back().id == "legacy.absent");
}

TEST_CASE("human output: one line per check, PASS/FAIL/WARN without colour, the real phase number") {
    Facts f = phase2_facts();
    f.vendor = stream("AA_VENDOR_HOT", {"vendor.oura.>"});
    f.legacy_consumers = {consumer("ATHLETE_ALLY_EVENTS", "old-hrv", "athlete-ally.>", 3, 0)};
    Result r = verify(2, f, defaults());
    r.server.url = "nats://127.0.0.1:4222";
    r.server.version = "2.9.10";
    r.server.clustering = aa::Clustering::standalone;
    std::ostringstream plain;
    render_human(r, aa::Style(false), plain);
    const std::string text = plain.str();
    // The same server line as every other command's header.
    CHECK(text.starts_with("Phase 2 migration verification @ nats://127.0.0.1:4222 (nats-server 2.9.10, standalone)\n"));
    CHECK(text.find("PASS dlq.exists: dlq stream AA_DLQ exists\n") != std::string::npos);
    CHECK(text.find("FAIL vendor.captures-vendor: AA_VENDOR_HOT captures vendor.> (expected: vendor.>; found: "
                    "vendor.oura.>; not captured: vendor.>)\n") != std::string::npos);
    CHECK(text.find("WARN legacy.consumers-drained: ") != std::string::npos);
    CHECK(text.find("Results: 12 passed, 1 failed, 1 warnings\nPhase 2 verification FAILED\n") != std::string::npos);
    CHECK(text.find("\x1b[") == std::string::npos);
    CHECK(text.find("✅") == std::string::npos);

    std::ostringstream coloured;
    render_human(r, aa::Style(true), coloured);
    CHECK(coloured.str().find("✅") != std::string::npos);
    CHECK(coloured.str().find("❌") != std::string::npos);
    CHECK(coloured.str().find("⚠️") != std::string::npos);
    CHECK(coloured.str().find("PASS") == std::string::npos);
}

TEST_CASE("JSON: the documented shape for a phase and for --detect") {
    const Json doc = to_json(verify(1, phase1_facts(), defaults()));
    CHECK(doc.at("schema_version") == aa::kJsonSchemaVersion);
    CHECK(doc.at("phase") == 1);
    CHECK(doc.at("verified") == true);
    CHECK(doc.at("passed") == 8);
    CHECK(doc.at("failed") == 0);
    CHECK(doc.at("warnings") == 0);
    const Json& first = doc.at("checks").at(0);
    CHECK(first.at("id") == "dlq.exists");
    CHECK(first.at("status") == "pass");
    CHECK(first.at("expected") == "present");
    CHECK(first.at("found") == "present");
    CHECK(first.at("phase") == 0);
    CHECK_FALSE(doc.contains("detected_phase"));

    const Json none = to_json(detect(Facts{}, defaults()));
    CHECK(none.at("detected_phase").is_null());
    CHECK(none.at("phases").size() == 4);
    CHECK(none.at("phases").at(0).at("verified") == false);
    CHECK_FALSE(none.contains("phase"));
}
