// consumer-diag --watch against a real nats-server: whole frames in a pipe,
// NDJSON with --json, and Ctrl-C as the way a watch ends.

#include <doctest/doctest.h>

#include <algorithm>

#include "tests/integration/consumer_diag_support.hpp"

using aa::test::Json;
using aa::test::server_version;
using namespace aa::test::consumer_diag;
using namespace std::chrono_literals;

namespace {

// A --watch output cut into its frames, each from its "NATS JetStream @" line on.
std::vector<std::string> frames_of(const std::string& out) {
    std::vector<std::string> frames;
    for (std::size_t at = out.find("NATS JetStream @ "); at != std::string::npos;) {
        const std::size_t next = out.find("NATS JetStream @ ", at + 1);
        frames.push_back(out.substr(at, next == std::string::npos ? std::string::npos : next - at));
        at = next;
    }
    return frames;
}

}  // namespace

TEST_CASE("--watch 200ms --count 3 without a terminal: three whole frames, then the last sample's exit code") {
    CoreServer s(3);
    s.client.create_durable("AA_CORE_HOT", durable_config(kDurable));
    const auto r = s.diag({"--watch", "200ms", "--count", "3"});
    INFO(r.out, r.err);
    CHECK(r.exit_code == 0);
    CHECK(r.out.starts_with("NATS JetStream @ "));
    const std::vector<std::string> frames = frames_of(r.out);
    REQUIRE(frames.size() == 3);
    const std::vector<std::string> trends{"▁", "▁▁", "▁▁▁"};  // pending stays 3: a flat line, one bar per sample
    for (std::size_t i = 0; i < frames.size(); ++i) {
        const std::string& frame = frames[i];
        INFO("frame ", i, ":\n", frame);
        // The header as every report has it, its first line ending in the sample's time.
        const std::string first_line = frame.substr(0, frame.find('\n'));
        CHECK(first_line.starts_with("NATS JetStream @ " + s.server.url() + " (" + aa::test::shown_server() + ", standalone) at 20"));
        CHECK(first_line.ends_with("Z"));
        CHECK(contains(frame, "\n" + std::string(60, '=') + "\n\nConsumer normalize-hrv-durable on AA_CORE_HOT\n"));
        CHECK(contains(frame, "  Pending:          3\n"));
        CHECK(contains(frame, "  Verdict:          BACKLOG\n"));
        CHECK(contains(frame, "  Pending Trend:    " + trends[i] + "\n"));
        CHECK(frame.ends_with("\n\n"));  // a blank line closes each frame
    }
    CHECK(contains(frames[0], "  ETA:              -\n"));
    CHECK(contains(frames[2], "  Rate:             0.0/s processed"));
    CHECK(contains(frames[2], "  ETA:              never (not draining)\n"));
    CHECK(r.out.find("\x1b[") == std::string::npos);  // no redraw codes without a terminal
    CHECK(r.elapsed >= 400ms);

    const auto json = s.diag({"--watch", "100ms", "--count", "2", "--json"});
    CHECK(json.exit_code == 0);
    std::size_t lines = 0;
    std::string rest = json.out;
    for (std::size_t pos; (pos = rest.find('\n')) != std::string::npos; rest = rest.substr(pos + 1)) {
        const Json doc = Json::parse(rest.substr(0, pos));
        CHECK(doc.at("verdict") == "backlog");
        CHECK(doc.at("progress").is_object());
        CHECK(doc.at("server").at("url") == s.server.url());
        ++lines;
    }
    CHECK(lines == 2);
}

TEST_CASE("--watch ends cleanly with exit 0 on Ctrl-C, even for a failing consumer") {
    CoreServer s(1);
    const auto r = aa::test::run_aa_nats_interrupted({"consumer-diag", "--watch", "1s", "-s", s.server.url()}, 700ms);
    INFO(r.out, r.err);
    CHECK(r.exit_code == 0);  // the durable is missing, yet Ctrl-C is how a watch ends
    const std::vector<std::string> frames = frames_of(r.out);
    REQUIRE(frames.size() == 1);
    CHECK(contains(frames[0], "  Verdict:          MISSING\n"));
    CHECK(contains(frames[0], "  ETA:              -\n"));
    CHECK(r.err.empty());
    CHECK(r.elapsed < 1500ms);
}
