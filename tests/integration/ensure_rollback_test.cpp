// ensure-streams --phase N on a server past phase N: the subjects move back to
// the legacy stream (created again after phase 3) with the moves of the way
// forward, against real nats-servers. At every step: who captures each family
// (never no one), every acknowledged message still stored where it was
// acknowledged, migrate-verify --detect reporting the phase, and a second run
// sending nothing. The durables left on the emptied streams keep their
// messages (across a server restart too) and resume when moved forward again.

#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "tests/support/harness.hpp"

using aa::test::Json;
using aa::test::NatsServer;
using aa::test::run_aa_nats;
using aa::test::RunResult;
using aa::test::TestClient;

namespace {

constexpr const char* kLegacy = "ATHLETE_ALLY_EVENTS";
constexpr const char* kCore = "AA_CORE_HOT";
constexpr const char* kVendor = "AA_VENDOR_HOT";
constexpr const char* kDlq = "AA_DLQ";

// Who captures each event subject family, as the server answers STREAM.NAMES.
using Capture = std::map<std::string, std::string>;
const Capture kPhase0{{"athlete-ally.>", kLegacy}, {"sleep.*", kLegacy}, {"vendor.>", kLegacy}, {"dlq.>", kDlq}};
const Capture kPhase1{{"athlete-ally.>", kLegacy}, {"sleep.*", kLegacy}, {"vendor.>", kVendor}, {"dlq.>", kDlq}};
const Capture kPhase2{{"athlete-ally.>", kCore}, {"sleep.*", kCore}, {"vendor.>", kVendor}, {"dlq.>", kDlq}};

Json durable(const std::string& name, const std::string& filter) {
    return Json{{"durable_name", name}, {"ack_policy", "explicit"}, {"filter_subject", filter},
                {"deliver_policy", "all"}};
}

struct Acked {
    std::string subject;
    std::string stream;
    std::uint64_t seq;
};

// A server walked through the phases, with a message on every family before each step.
struct Walk {
    std::string url;
    std::map<std::string, std::string> env;  // for every aa-nats run
    TestClient client;
    std::vector<Acked> acked;
    int published = 0;

    explicit Walk(std::string server_url, std::map<std::string, std::string> run_env = {})
        : url(std::move(server_url)), env(std::move(run_env)), client(url) {}

    void publish_each_family() {
        ++published;
        for (const std::string& subject : {fmt::format("athlete-ally.hrv.{}", published),
                                          fmt::format("vendor.oura.{}", published), std::string("sleep.night"),
                                          fmt::format("dlq.hrv.{}", published)}) {
            if (subject.starts_with("dlq.") && client.stream_info(kDlq).contains("error")) continue;
            const Json ack = client.js_publish(subject, "m");
            acked.push_back({subject, ack.at("stream"), ack.at("seq")});
        }
    }

    RunResult ensure(const std::string& phase, std::vector<std::string> extra = {}) {
        std::vector<std::string> args{"ensure-streams", "--phase", phase, "-s", url, "--json"};
        args.insert(args.end(), extra.begin(), extra.end());
        return run_aa_nats(args, env);
    }

    // Runs --phase PHASE, then checks the state it leaves; returns the first run's document.
    Json step(const std::string& phase, const Capture& capture, int detected, std::vector<std::string> extra = {}) {
        CAPTURE(phase);
        publish_each_family();
        const RunResult first = ensure(phase, extra);
        INFO(first.out, first.err);
        REQUIRE(first.exit_code == 0);
        check_capture(capture);
        check_stored();
        const Json again = ensure(phase, extra).json();
        CHECK(again.at("drift") == false);
        CHECK(again.at("subject_moves").empty());
        const RunResult detect = run_aa_nats({"migrate-verify", "--detect", "--json", "-s", url}, env);
        INFO(detect.out);
        CHECK(detect.json().at("detected_phase") == detected);
        return first.json();
    }

    void check_capture(const Capture& capture) {
        for (const auto& entry : capture) {  // no structured binding: clang 14 cannot capture one in a check
            const auto& family = entry.first;
            const auto& stream = entry.second;
            CAPTURE(family);
            CHECK(client.api("$JS.API.STREAM.NAMES", Json{{"subject", family}}).at("streams") == Json{stream});
        }
    }

    // Every message acknowledged so far is still stored where it was acknowledged.
    void check_stored() {
        for (const Acked& a : acked) {
            CAPTURE(a.subject);
            CAPTURE(a.stream);
            const auto reply = client.request("$JS.API.STREAM.MSG.GET." + a.stream, Json{{"seq", a.seq}});
            REQUIRE(reply);
            CHECK(reply->contains("message"));
            if (reply->contains("message")) CHECK(reply->at("message").at("subject") == a.subject);
        }
    }

    // The legacy stream is deleted at phase 3 on purpose: its messages are no longer tracked.
    void forget_legacy() { std::erase_if(acked, [](const Acked& a) { return a.stream == kLegacy; }); }

    std::size_t acked_in(const std::string& stream, const std::string& prefix) const {
        return static_cast<std::size_t>(std::count_if(acked.begin(), acked.end(), [&](const Acked& a) {
            return a.stream == stream && a.subject.starts_with(prefix);
        }));
    }
};

Json only_move(const Json& doc) {
    INFO(doc.dump());
    REQUIRE(doc.at("subject_moves").size() == 1);
    return doc.at("subject_moves")[0];
}

bool has_warning(const Json& doc, const std::string& part) {
    for (const auto& w : doc.at("warnings")) {
        if (w.get<std::string>().find(part) != std::string::npos) return true;
    }
    return false;
}

// The forward walk 0 -> 1 -> 2 -> 3, with the services' durables created where the runbook has them.
void walk_forward(Walk& walk) {
    walk.client.create_stream(aa::test::legacy_stream_config());
    walk.step("0", kPhase0, 0);
    walk.step("1", kPhase1, 0);  // the durable does not exist yet: phase 1 is not verified
    walk.client.create_durable(kVendor, durable("normalize-oura", "vendor.oura.>"));
    walk.step("2", kPhase2, 1);
    walk.client.create_durable(kCore, durable("normalize-hrv-durable", "athlete-ally.>"));
    walk.forget_legacy();
    walk.step("3", kPhase2, 3, {"--allow-delete"});
}

}  // namespace

TEST_CASE("rolling back 3 -> 2 -> 1 -> 0 and forward again: no gap, nothing lost, each phase detected") {
    NatsServer server;
    Walk walk(server.url());
    walk_forward(walk);

    // Phase 2 wants the legacy stream only if it exists: from phase 3 that is no change at all.
    const Json two = walk.step("2", kPhase2, 3);
    CHECK(two.at("actions").size() == 3);
    CHECK(walk.client.stream_info(kLegacy).contains("error"));

    // From phase 3, phase 1 creates the legacy stream, which claims what the core stream releases.
    const Json one = walk.step("1", kPhase1, 1);
    const Json to_legacy = only_move(one);
    CHECK(to_legacy.at("from") == kCore);
    CHECK(to_legacy.at("to") == kLegacy);
    CHECK(to_legacy.at("subjects") == Json{"athlete-ally.>", "sleep.*"});
    CHECK(to_legacy.at("torn") == false);
    CHECK(walk.client.stream_info(kCore).at("config").at("subjects") == Json{kCore});
    CHECK(has_warning(one, "stored messages on athlete-ally.> stay in AA_CORE_HOT"));
    CHECK(has_warning(one, "rolling back: ATHLETE_ALLY_EVENTS captures athlete-ally.>, sleep.* again instead of AA_CORE_HOT"));
    // The core stream keeps its durable. A service creating one there until
    // phase 2 again: 2.9.10 refuses it (10093), 2.10+ accepts it, and it gets
    // nothing new; the plan's warning says which.
    CHECK(walk.client.stream_info(kCore).at("state").at("consumer_count") == 1);
    const auto recreate = walk.client.request("$JS.API.CONSUMER.DURABLE.CREATE.AA_CORE_HOT.other",
                                              Json{{"stream_name", kCore}, {"config", durable("other", "athlete-ally.>")}});
    REQUIRE(recreate);
    INFO(recreate->dump());
    if (aa::test::server_at_least(2, 10)) {
        CHECK_FALSE(recreate->contains("error"));
        CHECK(has_warning(one, "until --phase 2 moves them forward again, a durable created or updated on AA_CORE_HOT "
                               "filtered on them is accepted (nats-server 2.10+) and gets nothing new either"));
        walk.client.api("$JS.API.CONSUMER.DELETE.AA_CORE_HOT.other");
    } else {
        CHECK(recreate->at("error").at("err_code") == 10093);
        CHECK(has_warning(one, "until --phase 2 moves them forward again, nats-server refuses to create or update a "
                               "durable on AA_CORE_HOT filtered on them (err_code 10093)"));
    }

    // Single mode names the rollback instead of "take it out of AA_VENDOR_HOT first".
    const RunResult single = run_aa_nats({"ensure-streams", "--dry-run", "-s", walk.url}, {{"EVENT_STREAM_MODE", "single"}});
    INFO(single.out);
    CHECK(single.exit_code == 1);
    CHECK(single.out.find("where the migration moved it: roll back with aa-nats ensure-streams --phase 0") !=
          std::string::npos);

    const Json zero = walk.step("0", kPhase0, 0);
    CHECK(only_move(zero).at("from") == kVendor);
    CHECK(only_move(zero).at("to") == kLegacy);
    // The oura durable keeps every vendor message the vendor stream stored, still readable.
    const auto oura_pending = [&] {
        return walk.client.api("$JS.API.CONSUMER.INFO.AA_VENDOR_HOT.normalize-oura").at("num_pending").get<std::size_t>();
    };
    CHECK(oura_pending() == walk.acked_in(kVendor, "vendor."));
    CHECK(walk.client.fetch(kVendor, "normalize-oura", 1).size() == 1);
    // The topology of single mode is what phase 0 left: nothing to do.
    CHECK(run_aa_nats({"ensure-streams", "--check", "-s", walk.url}, {{"EVENT_STREAM_MODE", "single"}}).exit_code == 0);
    // stream-info (multi mode) shows what the topology wants from the emptied vendor stream.
    const Json info = run_aa_nats({"stream-info", kVendor, "--json", "-s", walk.url}).json();
    CHECK(info.at("streams")[0].at("drift")[0] == Json{{"field", "subjects"}, {"from", {kVendor}}, {"to", {"vendor.>"}}});

    // Forward again: the vendor stream and its durable take new vendor.> messages as before.
    const std::size_t pending_before = oura_pending();
    walk.step("1", kPhase1, 1);  // its vendor.> message, published before the move, goes to the legacy stream
    CHECK(oura_pending() == pending_before);
    walk.publish_each_family();
    CHECK(oura_pending() == pending_before + 1);
    walk.check_stored();
}

TEST_CASE("a durable whose filter its stream no longer captures survives a restart, and resumes forward again") {
    NatsServer server;
    {
        Walk walk(server.url());
        walk.client.create_stream(aa::test::legacy_stream_config());
        walk.step("1", kPhase1, 0);
        walk.client.create_durable(kVendor, durable("normalize-oura", "vendor.oura.>"));
        walk.step("0", kPhase0, 0);  // its vendor.> message went to the vendor stream before the move
    }
    server.stop();
    server.start();
    aa::test::wait_for_jetstream(server.url());
    Walk walk(server.url());
    const auto oura = [&] { return walk.client.api("$JS.API.CONSUMER.INFO.AA_VENDOR_HOT.normalize-oura"); };
    CHECK(oura().at("num_pending") == 1);
    CHECK(oura().at("config").at("filter_subject") == "vendor.oura.>");
    walk.step("1", kPhase1, 1);  // its vendor.> message, published before the move, goes to the legacy stream
    walk.publish_each_family();
    CHECK(oura().at("num_pending") == 2);
}

TEST_CASE("rolling back a 3-node cluster with R3 streams (NODE_ENV=production) from phase 3 to 0") {
    aa::test::NatsCluster cluster;
    Walk walk(cluster.url(0), {{"NODE_ENV", "production"}});
    walk.client.create_stream([] {
        Json legacy = aa::test::legacy_stream_config();
        legacy["num_replicas"] = 3;
        return legacy;
    }());
    walk.step("0", kPhase0, 0);
    walk.step("1", kPhase1, 0);
    walk.client.create_durable(kVendor, durable("normalize-oura", "vendor.oura.>"));
    walk.step("2", kPhase2, 1);
    walk.forget_legacy();
    walk.step("3", kPhase2, 1, {"--allow-delete"});

    const Json zero = walk.step("0", kPhase0, 0);
    CHECK(zero.at("subject_moves").size() == 2);
    for (const auto& move : zero.at("subject_moves")) CHECK(move.at("torn") == false);
    CHECK(walk.client.stream_info(kLegacy).at("config").at("num_replicas") == 3);
    CHECK(walk.client.stream_info(kVendor).at("config").at("num_replicas") == 3);
    CHECK(walk.client.api("$JS.API.CONSUMER.INFO.AA_VENDOR_HOT.normalize-oura").at("num_pending") ==
          walk.acked_in(kVendor, "vendor."));
}
