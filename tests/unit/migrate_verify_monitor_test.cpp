// migrate-verify for monitors (render_nagios.cpp, render_prometheus.cpp) on
// each phase's target state built from real 2.9.10 replies: pass is OK, pass
// with warnings WARNING, fail CRITICAL; the exposition a parser reads back.

#include <doctest/doctest.h>

#include "commands/migrate_verify/migrate_verify.hpp"
#include "tests/support/exposition.hpp"
#include "tests/unit/migrate_verify_support.hpp"

using namespace aa::migrate_verify;
using namespace aa::test::migrate_verify;
using aa::PluginStatus;
using aa::test::parse_exposition;

namespace {

// Phase 2 with a legacy consumer still holding messages: verified, with a warning.
Facts phase2_with_undrained_legacy() {
    Facts f = phase2_facts();
    f.legacy_consumers = {consumer("ATHLETE_ALLY_EVENTS", "old", "athlete-ally.>", 4, 1)};
    return f;
}

aa::FamilyCapture lost(const std::string& family) { return {family, aa::CaptureState::uncaptured, {}}; }

}  // namespace

TEST_CASE("nagios: a verified phase is OK, one with warnings WARNING, one with a failed check CRITICAL") {
    const auto ok = to_nagios(verify(2, phase2_facts(), defaults()));
    CHECK(ok.status == PluginStatus::ok);
    CHECK(aa::plugin_status_line(ok) ==
          "AA-NATS OK: phase 2 verified (14 passed, 0 failed, 0 warnings) | passed=14;;;0 failed=0;;0;0 "
          "warnings=0;0;;0 uncaptured=0;;0;0");

    const auto warned = to_nagios(verify(2, phase2_with_undrained_legacy(), defaults()));
    CHECK(warned.status == PluginStatus::warning);
    CHECK(aa::plugin_status_line(warned).starts_with(
        "AA-NATS WARNING: phase 2 verified (13 passed, 0 failed, 1 warnings): legacy.consumers-drained: "));

    const auto failed = to_nagios(verify(3, phase2_facts(), defaults()));
    CHECK(failed.status == PluginStatus::critical);
    CHECK(aa::plugin_status_line(failed).starts_with(
        "AA-NATS CRITICAL: phase 3 not verified (14 passed, 1 failed, 0 warnings): legacy.absent: "));
}

TEST_CASE("nagios --detect: the detected phase is OK; none is CRITICAL, naming the families no stream captures") {
    const auto two = to_nagios(detect(phase2_facts(), defaults()));
    CHECK(two.status == PluginStatus::ok);
    CHECK(aa::plugin_status_line(two).starts_with("AA-NATS OK: detected phase 2; phase 3 not verified ("));
    CHECK(aa::plugin_status_line(two).ends_with("| detected_phase=2;;;0 uncaptured=0;;0;0"));

    const auto none = to_nagios(detect(Facts{}, defaults()));
    CHECK(none.status == PluginStatus::critical);
    CHECK(aa::plugin_status_line(none).starts_with("AA-NATS CRITICAL: no migration phase verified; phase 0 not verified"));
    Result gap = detect(Facts{}, defaults());
    gap.capture = {lost("vendor.>"), lost("dlq.>")};
    const std::string line = aa::plugin_status_line(to_nagios(gap));
    CHECK(line.find("; captured by no stream: vendor.>, dlq.> |") != std::string::npos);
    CHECK(line.ends_with("detected_phase=U;;;0 uncaptured=2;;0;0"));
}

TEST_CASE("prometheus: the phase verified, each check by id and phase, the uncaptured families") {
    Result result = verify(2, phase2_with_undrained_legacy(), defaults());
    result.capture = {lost("vendor.>"), {"dlq.>", aa::CaptureState::captured, {}}};
    const std::string text = to_prometheus(result).text();
    INFO(text);
    const auto parsed = parse_exposition(text);
    CHECK(parsed.errors.empty());
    CHECK(parsed.value("aa_nats_up", {{"command", "migrate-verify"}}) == 1);
    CHECK(parsed.value("aa_nats_check_ok", {{"command", "migrate-verify"}}) == 1);
    CHECK(parsed.value("aa_nats_migration_phase_verified", {{"phase", "2"}}) == 1);
    CHECK(parsed.count("aa_nats_migration_phase_verified") == 1);
    CHECK_FALSE(parsed.value("aa_nats_migration_detected_phase"));
    CHECK(parsed.count("aa_nats_migration_check_passed") == 14);
    CHECK(parsed.value("aa_nats_migration_check_passed", {{"check", "legacy.consumers-drained"}, {"phase", "2"}}) == 1);
    CHECK(parsed.value("aa_nats_migration_check_warning", {{"check", "legacy.consumers-drained"}, {"phase", "2"}}) == 1);
    CHECK(parsed.value("aa_nats_migration_check_warning", {{"check", "dlq.exists"}, {"phase", "0"}}) == 0);
    CHECK(parsed.value("aa_nats_subject_family_uncaptured", {{"family", "vendor.>"}}) == 1);
    CHECK(parsed.value("aa_nats_subject_family_uncaptured", {{"family", "dlq.>"}}) == 0);
}

TEST_CASE("prometheus --detect: every phase, and the detected one (-1 for none)") {
    const auto two = parse_exposition(to_prometheus(detect(phase2_facts(), defaults())).text());
    CHECK(two.errors.empty());
    CHECK(two.value("aa_nats_migration_detected_phase") == 2);
    CHECK(two.value("aa_nats_migration_phase_verified", {{"phase", "2"}}) == 1);
    CHECK(two.value("aa_nats_migration_phase_verified", {{"phase", "3"}}) == 0);
    const auto none = parse_exposition(to_prometheus(detect(Facts{}, defaults())).text());
    CHECK(none.errors.empty());
    CHECK(none.value("aa_nats_migration_detected_phase") == -1);
    CHECK(none.value("aa_nats_check_ok", {{"command", "migrate-verify"}}) == 0);
}
