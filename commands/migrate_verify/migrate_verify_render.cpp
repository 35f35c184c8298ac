// Human and JSON renderings of a migrate-verify result. One line per check.
// Colour changes its status marker, not just its paint: an emoji when colours
// are allowed, PASS/FAIL/WARN otherwise (pipes, CI logs, NO_COLOR), as
// docs/migrate-verify.md promises. The rest of the line is the same either
// way. What a check says quotes the server (names, subjects, values) and
// reaches the terminal through printable().

#include <fmt/format.h>

#include "commands/migrate_verify/check_text.hpp"
#include "commands/migrate_verify/migrate_verify.hpp"
#include "src/event_subjects.hpp"
#include "src/server_line.hpp"
#include "src/text.hpp"

namespace aa::migrate_verify {
namespace {

const std::string kRule(60, '=');

std::string marker(Status status, const Style& style) {
    if (!style.color()) {
        switch (status) {
            case Status::pass: return "PASS";
            case Status::fail: return "FAIL";
            case Status::warn: return "WARN";
        }
    }
    switch (status) {
        case Status::pass: return style.good("✅");
        case Status::fail: return style.bad("❌");
        case Status::warn: return style.warn("⚠️");
    }
    return "";
}

void render_check(const Check& check, const Style& style, bool show_phase, std::ostream& out) {
    if (show_phase) out << fmt::format("[{}] ", check.phase);
    out << marker(check.status, style) << ' ' << printable(check_text(check)) << '\n';
}

Json check_json(const Check& check) {
    Json item{{"id", check.id},         {"phase", check.phase},       {"description", check.description},
              {"status", to_string(check.status)}, {"expected", check.expected}, {"found", check.found}};
    if (!check.note.empty()) item["note"] = check.note;
    return item;
}

}  // namespace

void render_human(const Result& result, const Style& style, std::ostream& out) {
    const bool detecting = !result.phase;
    out << (detecting ? std::string("Migration phase detection")
                      : fmt::format("Phase {} migration verification", *result.phase))
        << " @ " << describe_server(result.server) << '\n'
        << kRule << '\n';
    for (const auto& check : result.checks) render_check(check, style, detecting, out);
    out << kRule << '\n';

    if (!detecting) {
        const Counts c = count(result.checks);
        out << "Results: " << counts_line(c) << '\n';
        const std::string verdict = fmt::format("Phase {} verification {}", *result.phase, c.verified() ? "PASSED" : "FAILED");
        out << (c.verified() ? style.good(verdict) : style.bad(verdict)) << '\n';
        return;
    }
    for (const auto& p : result.phases) {
        out << fmt::format("Phase {}: {} ({})\n", p.phase, p.counts.verified() ? "verified" : "not verified",
                           counts_line(p.counts));
    }
    const std::string verdict =
        result.detected ? fmt::format("Detected phase: {}", *result.detected) : std::string("Detected phase: none");
    out << (result.detected ? style.good(verdict) : style.bad(verdict)) << '\n';
    const auto lost = gaps(result.capture);
    if (lost.empty()) return;
    // Before the migration the legacy stream captures every family but dlq.>,
    // which phase 0's DLQ stream adds: that gap (or an empty server) is the
    // starting point. Any other gap is a move left half done.
    const bool only_dlq = lost.size() == 1 && lost.front()->family == event_subjects::kDlq;
    const bool before_phase_zero = only_dlq || lost.size() == result.capture.size();
    out << style.bad(before_phase_zero
                         ? "Before phase 0: no stream captures these subjects yet (aa-nats ensure-streams --phase 0 "
                           "creates the streams)."
                         : "The server is between phases: messages to these subjects are lost now.")
        << '\n';
    for (const FamilyCapture* capture : lost) out << "  " << printable(describe_capture(*capture)) << '\n';
}

Json to_json(const Result& result) {
    Json checks = Json::array();
    for (const auto& check : result.checks) checks.push_back(check_json(check));
    Json doc{{"schema_version", kJsonSchemaVersion}, {"server", to_json(result.server)}};
    if (result.phase) {
        const Counts c = count(result.checks);
        doc["phase"] = *result.phase;
        doc["verified"] = c.verified();
        doc["passed"] = c.passed;
        doc["failed"] = c.failed;
        doc["warnings"] = c.warnings;
    } else {
        doc["detected_phase"] = result.detected ? Json(*result.detected) : Json(nullptr);
        Json phases = Json::array();
        for (const auto& p : result.phases) {
            phases.push_back(Json{{"phase", p.phase},
                                  {"verified", p.counts.verified()},
                                  {"passed", p.counts.passed},
                                  {"failed", p.counts.failed},
                                  {"warnings", p.counts.warnings}});
        }
        doc["phases"] = std::move(phases);
    }
    doc["uncaptured"] = lost_families(result.capture);
    doc["capture"] = aa::to_json(result.capture);
    doc["checks"] = std::move(checks);
    return doc;
}

}  // namespace aa::migrate_verify
