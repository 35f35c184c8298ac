#pragma once
// What the migrate-verify unit tests share: each phase's target state as
// facts built from real 2.9.10 replies. Streams other than AA_CORE_HOT are
// the real stream_info_single.json reply with config.name and config.subjects
// replaced; consumers the real consumer_info_pull.json reply, renamed.

#include <string>
#include <vector>

#include "commands/migrate_verify/migrate_verify.hpp"
#include "tests/unit/fixtures.hpp"

namespace aa::test::migrate_verify {

using aa::Json;
using aa::test::fixture;
using namespace aa::migrate_verify;

inline Json stream(const std::string& name, const std::vector<std::string>& subjects) {
    Json info = fixture("stream_info_single.json");
    info["config"]["name"] = name;
    info["config"]["subjects"] = subjects;
    return info;
}

inline Json consumer(const std::string& stream_name, const std::string& durable, const std::string& filter,
              std::uint64_t pending = 0, std::uint64_t ack_pending = 0) {
    Json info = fixture("consumer_info_pull.json");
    info["stream_name"] = stream_name;
    info["name"] = durable;
    info["config"]["durable_name"] = durable;
    info["config"]["filter_subject"] = filter;
    info["num_pending"] = pending;
    info["num_ack_pending"] = ack_pending;
    return info;
}

// The target state of phase 3 (everything migrated, legacy deleted).
inline Facts phase3_facts() {
    Facts f;
    f.core = fixture("stream_info_single.json");  // AA_CORE_HOT: athlete-ally.>, sleep.*
    f.vendor = stream("AA_VENDOR_HOT", {"vendor.>"});
    f.dlq = stream("AA_DLQ", {"dlq.>"});
    f.hrv_consumer = consumer("AA_CORE_HOT", "normalize-hrv-durable", "athlete-ally.>");
    f.oura_consumer = consumer("AA_VENDOR_HOT", "normalize-oura", "vendor.oura.>");
    return f;
}

// Phase 2: as phase 3, but the legacy stream still exists with its own name as subject.
inline Facts phase2_facts() {
    Facts f = phase3_facts();
    f.legacy = stream("ATHLETE_ALLY_EVENTS", {"ATHLETE_ALLY_EVENTS"});
    return f;
}

// Phase 1: DLQ and vendor done; core traffic and the HRV durable still on legacy.
inline Facts phase1_facts() {
    Facts f;
    f.dlq = stream("AA_DLQ", {"dlq.>"});
    f.vendor = stream("AA_VENDOR_HOT", {"vendor.>"});
    f.oura_consumer = consumer("AA_VENDOR_HOT", "normalize-oura", "vendor.>");
    f.legacy = stream("ATHLETE_ALLY_EVENTS", {"athlete-ally.>", "sleep.*"});
    f.legacy_consumers = {consumer("ATHLETE_ALLY_EVENTS", "normalize-hrv-durable", "athlete-ally.>", 4, 1)};
    return f;
}

inline Targets defaults() { return Targets{}; }

}  // namespace aa::test::migrate_verify
