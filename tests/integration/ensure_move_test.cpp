// Subject moves through a slow link (a loopback proxy adding 75 ms each way,
// more where a test must act between two replies): a termination signal
// during a move is held until the move is done, and the process then dies by
// it (as a shell script expects of a child stopped by Ctrl-C); the
// release and the claim leave together, and a link lost mid-move is
// reported with the subjects it may have left without a stream and the
// command that completes the move.

#include <doctest/doctest.h>

#include <algorithm>
#include <csignal>
#include <map>
#include <sstream>

#include <fmt/format.h>

#include "tests/support/delay_proxy.hpp"
#include "tests/support/harness.hpp"

using aa::test::AaNatsProcess;
using aa::test::DelayProxy;
using aa::test::Json;
using aa::test::NatsServer;
using aa::test::RunResult;
using aa::test::TestClient;
using namespace std::chrono_literals;

namespace {

constexpr long long kHour = 3'600'000'000'000LL;
constexpr auto kOneWay = 75ms;
constexpr const char* kRelease = "$JS.API.STREAM.UPDATE.ATHLETE_ALLY_EVENTS";
constexpr const char* kClaim = "$JS.API.STREAM.CREATE.AA_VENDOR_HOT";

// A server in migration phase 0 (the legacy stream with every subject, and
// the DLQ), and a slow link to it.
struct PhaseZero {
    NatsServer server;
    TestClient client{server.url()};
    DelayProxy proxy;

    explicit PhaseZero(std::chrono::milliseconds one_way = kOneWay)
        : proxy(aa::test::DelayProxyOptions{.target_port = server.port(), .one_way = one_way}) {
        client.create_stream(aa::test::legacy_stream_config());
        const RunResult zero = aa::test::run_aa_nats({"ensure-streams", "--phase", "0", "-s", server.url()});
        INFO(zero.out, zero.err);
        REQUIRE(zero.exit_code == 0);
    }

    // The streams that capture SUBJECT, in the server's own words.
    Json captured_by(const std::string& subject) {
        return client.api("$JS.API.STREAM.NAMES", Json{{"subject", subject}}).at("streams");
    }
};

std::vector<std::string> phase_one_through(const DelayProxy& proxy, std::vector<std::string> extra = {}) {
    std::vector<std::string> args{"ensure-streams", "--phase", "1", "-s", proxy.url()};
    args.insert(args.end(), extra.begin(), extra.end());
    return args;
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// The command a message names after MARKER, up to the end of its line, split
// on blanks (the test's arguments need no quoting).
std::vector<std::string> command_after(const std::string& text, const std::string& marker) {
    const auto at = text.find(marker);
    REQUIRE(at != std::string::npos);
    std::istringstream words(text.substr(at + marker.size(), text.find('\n', at) - at - marker.size()));
    std::vector<std::string> command;
    for (std::string word; words >> word;) command.push_back(word);
    return command;
}

}  // namespace

TEST_CASE("a termination signal sent while the move is in flight is held: the move completes, then it dies by it") {
    // Two moments inside the move: the release has just left aa-nats (the
    // server has not seen it yet), or the server has applied it and its reply
    // is on the way back (the state the issue reproduced: killed there, the
    // old code left vendor.> captured by no stream).
    //
    // At the second moment the hold ends one proxy leg after the proxy saw
    // the reply (the claim's reply follows it at once): the test must signal
    // within that leg. At 75 ms a loaded 2-core machine can deschedule the
    // test that long, and the run then ends normally (exit 0) before the
    // signal: a flaky failure. Those cases use a 400 ms leg instead; the
    // release_sent case keeps 75 ms, as it has a whole round trip of margin.
    const auto release_sent = [](DelayProxy& proxy) {
        return proxy.wait_for(DelayProxy::Direction::to_server, kRelease, 20s);
    };
    const auto release_applied = [](DelayProxy& proxy) {
        return proxy.wait_for(DelayProxy::Direction::to_client, "stream_update_response", 20s);
    };
    struct Case {
        int signal_number;
        int exit_code;
        const char* name;
        bool (*moment)(DelayProxy&);
        std::chrono::milliseconds one_way;
    };
    for (const Case& c : {Case{SIGTERM, 143, "SIGTERM", release_applied, 400ms},
                          Case{SIGINT, 130, "SIGINT", release_sent, kOneWay},
                          Case{SIGHUP, 129, "SIGHUP", release_applied, 400ms}}) {
        INFO("signal ", c.name);
        PhaseZero setup(c.one_way);
        AaNatsProcess run(phase_one_through(setup.proxy));
        REQUIRE(c.moment(setup.proxy));
        run.signal(c.signal_number);
        const RunResult r = run.wait();
        INFO(r.out, r.err);
        // Died by the signal (a shell script stops on it), after the report;
        // the shell shows 128 + N.
        CHECK(r.killed_by == c.signal_number);
        CHECK(r.exit_code == c.exit_code);
        CHECK(setup.captured_by("vendor.oura.x") == Json{"AA_VENDOR_HOT"});
        CHECK(setup.client.js_publish("vendor.oura.x", "after").at("stream") == "AA_VENDOR_HOT");
        CHECK(contains(r.out, "~ update    ATHLETE_ALLY_EVENTS (legacy)"));
        CHECK(contains(r.out, "Applied: 1 created, 1 updated, 0 deleted."));
        CHECK(contains(r.out, fmt::format("Stopped by {}: it arrived during the subject move", c.name)));
        CHECK(contains(r.err, "received during a subject move: completing the move first"));
    }
}

TEST_CASE("--json: a held signal shows as stopped_by, and a second one does not cut the move or the report short") {
    PhaseZero setup;
    AaNatsProcess run(phase_one_through(setup.proxy, {"--json"}));
    REQUIRE(setup.proxy.wait_for(DelayProxy::Direction::to_server, kRelease, 20s));
    run.signal(SIGTERM);
    run.signal(SIGINT);  // an impatient second Ctrl-C
    const RunResult r = run.wait();
    INFO(r.out, r.err);
    // Both may be pending when the signal thread looks, and then the kernel
    // hands over the lower-numbered first: either is the one honoured.
    const Json doc = r.json();
    const std::string stopped_by = doc.at("stopped_by").get<std::string>();
    CHECK((stopped_by == "SIGTERM" || stopped_by == "SIGINT"));
    CHECK(r.killed_by == (stopped_by == "SIGTERM" ? SIGTERM : SIGINT));
    CHECK(r.exit_code == (stopped_by == "SIGTERM" ? 143 : 130));
    CHECK(doc.at("exit_code") == r.exit_code);
    CHECK(doc.at("subject_moves")[0].at("torn") == false);
    CHECK(setup.captured_by("vendor.oura.x") == Json{"AA_VENDOR_HOT"});
}

TEST_CASE("outside a move a termination signal stops the command promptly, before any write") {
    PhaseZero setup;
    TestClient::Spy writes(setup.client, "$JS.API.STREAM.*.>");
    AaNatsProcess run(phase_one_through(setup.proxy));
    REQUIRE(setup.proxy.wait_for(DelayProxy::Direction::to_server, "$JS.API.STREAM.INFO.", 20s));
    const auto signalled = std::chrono::steady_clock::now();
    run.signal(SIGTERM);
    const RunResult r = run.wait();
    INFO(r.out, r.err);
    CHECK(r.killed_by == SIGTERM);
    CHECK(r.exit_code == 143);
    CHECK(r.err == "aa-nats: stopped by SIGTERM\n");
    // Loose: promptly means without waiting for the reads in flight (a round
    // trip of 150 ms) and the rest of the run, not a precise figure.
    CHECK(std::chrono::steady_clock::now() - signalled < 2s);
    for (const auto& subject : writes.subjects()) {
        CHECK_FALSE(contains(subject, ".UPDATE."));
        CHECK_FALSE(contains(subject, ".CREATE."));
    }
    CHECK(setup.captured_by("vendor.oura.x") == Json{"ATHLETE_ALLY_EVENTS"});
}

TEST_CASE("the release and the claim leave together, before the release's reply comes back, in that order") {
    PhaseZero setup;
    TestClient::Spy spy(setup.client, "$JS.API.STREAM.*.>");
    const auto started = std::chrono::steady_clock::now();
    const RunResult r = aa::test::run_aa_nats(phase_one_through(setup.proxy, {"--json"}));
    const double run_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
    INFO(r.out, r.err);
    REQUIRE(r.exit_code == 0);

    // What the proxy saw, in order: the claim left aa-nats before any reply
    // reached it after the release (a round trip of 150 ms away).
    const auto transcript = setup.proxy.transcript();
    std::optional<std::size_t> release;
    std::optional<std::size_t> claim;
    std::optional<std::size_t> first_reply_after_release;
    for (std::size_t i = 0; i < transcript.size(); ++i) {
        const auto& chunk = transcript[i];
        if (chunk.direction == DelayProxy::Direction::to_server) {
            if (!release && contains(chunk.bytes, kRelease)) release = i;
            if (!claim && contains(chunk.bytes, kClaim)) claim = i;
        } else if (release && !first_reply_after_release) {
            first_reply_after_release = i;
        }
    }
    REQUIRE(release.has_value());
    REQUIRE(claim.has_value());
    REQUIRE(first_reply_after_release.has_value());
    CHECK(*release <= *claim);
    CHECK(*claim < *first_reply_after_release);

    // The server got the release first, then the claim. Up to 2.11.9 it
    // handles a client's requests in arrival order; from 2.11.10 its API
    // workers may handle the two at once, and the claim is then refused as
    // an overlap (10065; 4 in 300 pipelined pairs on a standalone 2.15.1):
    // aa-nats then sends the claim again, and only the claim, until accepted.
    std::vector<std::string> writes;
    for (const auto& subject : spy.subjects()) {
        if (contains(subject, ".UPDATE.") || contains(subject, ".CREATE.")) writes.push_back(subject);
    }
    INFO("writes: ", fmt::format("{}", fmt::join(writes, " ")));
    if (aa::test::server_at_least(2, 11, 10)) {
        REQUIRE(writes.size() >= 2);
        CHECK(std::vector<std::string>(writes.begin(), writes.begin() + 2) == std::vector<std::string>{kRelease, kClaim});
        CHECK(std::all_of(writes.begin() + 2, writes.end(), [](const std::string& w) { return w == kClaim; }));
    } else {
        CHECK(writes == std::vector<std::string>{kRelease, kClaim});
    }
    CHECK(r.json().at("subject_moves")[0].at("torn") == false);
    CHECK(setup.captured_by("vendor.oura.x") == Json{"AA_VENDOR_HOT"});
    // The window is measured from sending the release to the claim's reply:
    // that reply crossed the proxy both ways, so it is at least a round trip
    // (a smaller figure would mean a wrong starting point), and it is part of
    // the run, so less than the run's own duration. (That the claim did not
    // wait for the release's reply is proven by the transcript above, not by
    // a timing bound a loaded machine could break.)
    const double window_ms = r.json().at("subject_moves")[0].at("window_ms").get<double>();
    CHECK(window_ms >= 2.0 * std::chrono::duration<double, std::milli>(kOneWay).count());
    CHECK(window_ms < run_ms);
}

TEST_CASE("a link lost mid-move: exit 3, naming the subjects that may have no stream and the command that completes the move") {
    PhaseZero setup;
    // Topology variables from the environment are part of the command named
    // (they choose names and replicas); these two change nothing here.
    const std::map<std::string, std::string> env{{"NODE_ENV", "development"}, {"EVENT_STREAM_MODE", "multi"}};
    AaNatsProcess run(phase_one_through(setup.proxy, {"--timeout", "10s", "--json"}), env);
    // The server has handled the release (its reply is on the way back): cut.
    REQUIRE(setup.proxy.wait_for(DelayProxy::Direction::to_client, "stream_update_response", 20s));
    setup.proxy.cut();
    const auto cut_at = std::chrono::steady_clock::now();
    const RunResult r = run.wait();
    INFO(r.out, r.err);
    CHECK(r.exit_code == 3);
    // A closed connection is noticed at once, not after the request timeout (loose bound).
    CHECK(std::chrono::steady_clock::now() - cut_at < 5s);
    const Json doc = r.json();
    CHECK(doc.at("exit_code") == 3);
    REQUIRE(doc.at("subject_moves").size() == 1);
    const Json move = doc.at("subject_moves")[0];
    CHECK(move.at("torn") == true);
    const std::string marker = "complete the move with: ";
    CHECK(contains(r.err, "aa-nats: error: moving vendor.> from ATHLETE_ALLY_EVENTS to AA_VENDOR_HOT did not complete: "
                          "vendor.> may be captured by no stream"));
    const std::vector<std::string> command = command_after(r.err, marker);
    CHECK(fmt::format("{}", fmt::join(command, " ")) == move.at("complete_with").get<std::string>());
    REQUIRE(command.size() > 3);
    CHECK(command[0] == "NODE_ENV=development");
    CHECK(command[1] == "EVENT_STREAM_MODE=multi");
    CHECK(command[2] == AA_NATS_BINARY);
    CHECK(std::vector<std::string>(command.begin() + 3, command.end()) ==
          phase_one_through(setup.proxy, {"--timeout", "10s", "--json"}));

    // The command named completes the move.
    const RunResult completed = aa::test::run_aa_nats(std::vector<std::string>(command.begin() + 3, command.end()), env);
    INFO(completed.out, completed.err);
    CHECK(completed.exit_code == 0);
    CHECK(setup.captured_by("vendor.oura.x") == Json{"AA_VENDOR_HOT"});
}

TEST_CASE("the command named after a lost link never shows a password") {
    NatsServer server(aa::test::ServerOptions{.jetstream = true, .user = "ops", .password = "s3cret-pw", .extra_args = {}});
    TestClient client(server.url(), "ops", "s3cret-pw");
    client.create_stream(Json{{"name", "ATHLETE_ALLY_EVENTS"},
                              {"subjects", {"athlete-ally.>", "vendor.>", "sleep.*"}},
                              {"max_age", 24 * kHour},
                              {"storage", "file"},
                              {"num_replicas", 1}});
    DelayProxy proxy(aa::test::DelayProxyOptions{.target_port = server.port(), .one_way = kOneWay});
    AaNatsProcess run({"ensure-streams", "--phase", "1", "-s", proxy.url(), "--user", "ops", "--password", "s3cret-pw",
                       "--timeout", "3s"});
    REQUIRE(proxy.wait_for(DelayProxy::Direction::to_client, "stream_update_response", 20s));
    proxy.cut();
    const RunResult r = run.wait();
    INFO(r.out, r.err);
    CHECK(r.exit_code == 3);
    CHECK_FALSE(contains(r.out + r.err, "s3cret-pw"));
    CHECK(contains(r.err, "ensure-streams --phase 1 -s " + proxy.url() + " --user ops --password '[REDACTED]' --timeout 3s"));
}
