// What an ensure-streams run reports after a move was torn or a signal held:
// the exit code, the human lines and the JSON keys.

#include <doctest/doctest.h>

#include <csignal>
#include <sstream>

#include "commands/ensure_streams.hpp"

namespace es = aa::ensure_streams;

namespace {

es::Result moved_result() {
    es::Result result;
    result.plan.target.summary = "phase 1: legacy stream without vendor.>, vendor, DLQ";
    result.plan.moves.push_back({{"vendor.>"}, "ATHLETE_ALLY_EVENTS", "AA_VENDOR_HOT", std::nullopt, false});
    es::StreamAction legacy;
    legacy.stream = "ATHLETE_ALLY_EVENTS";
    legacy.intended = legacy.action = es::Action::update;
    es::StreamAction vendor;
    vendor.stream = "AA_VENDOR_HOT";
    vendor.intended = vendor.action = es::Action::create;
    result.plan.actions = {legacy, vendor};
    result.command_line = "aa-nats ensure-streams --phase 1 -s nats://h:4222";
    return result;
}

std::string human(const es::Result& result) {
    std::ostringstream out;
    es::render_human(result, aa::Style(false), out);
    return out.str();
}

}  // namespace

TEST_CASE("a signal held during the move: exit 128+N, said in words and in JSON") {
    es::Result result = moved_result();
    for (auto& a : result.plan.actions) a.applied = true;
    result.plan.moves[0].window_ms = 0.4;
    result.stopped_by = SIGTERM;
    CHECK(es::exit_code(result) == aa::exit_code_for_signal(SIGTERM));
    CHECK(static_cast<int>(es::exit_code(result)) == 143);
    const std::string text = human(result);
    CHECK(text.find("Applied: 1 created, 1 updated, 0 deleted.\nStopped by SIGTERM: it arrived during the subject "
                    "move and was held until the move was answered.\n") != std::string::npos);
    const aa::Json doc = es::to_json(result);
    CHECK(doc.at("stopped_by") == "SIGTERM");
    CHECK(doc.at("exit_code") == 143);

    result.stopped_by.reset();
    CHECK(es::to_json(result).at("stopped_by").is_null());
    CHECK(es::exit_code(result) == aa::ExitCode::ok);
}

TEST_CASE("a torn move names its subjects and the command that completes it") {
    es::Result result = moved_result();
    result.plan.actions[0].applied = true;
    result.plan.actions[1].error = "the connection to NATS was lost before the reply on $JS.API.STREAM.CREATE.AA_VENDOR_HOT";
    result.plan.moves[0].torn = true;
    result.outcome = es::ApplyOutcome::unavailable;
    CHECK(es::exit_code(result) == aa::ExitCode::unavailable);
    const std::string message =
        "moving vendor.> from ATHLETE_ALLY_EVENTS to AA_VENDOR_HOT did not complete: vendor.> may be captured by no "
        "stream (JetStream publishes to it fail); complete the move with: aa-nats ensure-streams --phase 1 -s "
        "nats://h:4222";
    CHECK(es::torn_move_message(result.plan.moves[0], result.command_line) == message);
    CHECK(human(result).find(message + "\nFailed after 0 created, 1 updated, 0 deleted.\n") != std::string::npos);
    const aa::Json move = es::to_json(result).at("subject_moves")[0];
    CHECK(move.at("torn") == true);
    CHECK(move.at("complete_with") == result.command_line);
    CHECK(es::torn_move_message(result.plan.moves[0], "").ends_with(
        "complete the move with: the same ensure-streams command, run again"));
}
