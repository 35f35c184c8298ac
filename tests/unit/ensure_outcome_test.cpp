// What an ensure-streams run reports after a move was torn or a signal held:
// the exit code, the human lines and the JSON keys.

#include <doctest/doctest.h>

#include <csignal>
#include <sstream>

#include "commands/ensure_streams/ensure_streams.hpp"

namespace es = aa::ensure_streams;

namespace {

es::Result moved_result() {
    es::Result result;
    result.plan.target.summary = "phase 1: legacy stream without vendor.>, vendor, DLQ";
    es::SubjectMove move;
    move.subjects = {"vendor.>"};
    move.from = "ATHLETE_ALLY_EVENTS";
    move.to = "AA_VENDOR_HOT";
    result.plan.moves.push_back(move);
    es::StreamAction legacy;
    legacy.stream = "ATHLETE_ALLY_EVENTS";
    legacy.intended = legacy.action = es::Action::update;
    es::StreamAction vendor;
    vendor.stream = "AA_VENDOR_HOT";
    vendor.intended = vendor.action = es::Action::create;
    result.plan.actions = {legacy, vendor};
    result.command_line = "aa-nats ensure-streams --phase 1 -s nats://h:4222";
    // Applied, and nothing happened yet: each test says what did.
    result.report.emplace();
    result.report->actions.resize(result.plan.actions.size());
    result.report->moves.resize(result.plan.moves.size());
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
    for (auto& a : result.report->actions) a.applied = true;
    result.report->moves[0].window_ms = 0.4;
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
    result.report->actions[0].applied = true;
    result.report->actions[1].error = "the connection to NATS was lost before the reply on $JS.API.STREAM.CREATE.AA_VENDOR_HOT";
    result.report->moves[0].torn = true;
    result.report->outcome = es::ApplyOutcome::unavailable;
    CHECK(es::exit_code(result) == aa::ExitCode::unavailable);
    const std::string message =
        "moving vendor.> from ATHLETE_ALLY_EVENTS to AA_VENDOR_HOT did not complete: vendor.> may be captured by no "
        "stream (JetStream publishes to it fail); complete the move with: aa-nats ensure-streams --phase 1 -s "
        "nats://h:4222";
    CHECK(es::torn_move_message(result.plan.moves[0], result.report->moves[0], result.command_line) == message);
    CHECK(human(result).find(message + "\nFailed after 0 created, 1 updated, 0 deleted.\n") != std::string::npos);
    const aa::Json move = es::to_json(result).at("subject_moves")[0];
    CHECK(move.at("torn") == true);
    CHECK(move.at("complete_with") == result.command_line);
    CHECK(es::torn_move_message(result.plan.moves[0], result.report->moves[0], "").ends_with(
        "complete the move with: the same ensure-streams command, run again"));
}

TEST_CASE("a signal held during a move that was torn: the torn move's exit code wins, and the report says both") {
    // The link was lost before the claim's reply: exit 3, not 143.
    es::Result result = moved_result();
    result.report->actions[0].applied = true;
    result.report->actions[1].error = "the connection to NATS was lost before the reply on $JS.API.STREAM.CREATE.AA_VENDOR_HOT";
    result.report->moves[0].torn = true;
    result.report->outcome = es::ApplyOutcome::unavailable;
    result.stopped_by = SIGTERM;
    CHECK(es::exit_code(result) == aa::ExitCode::unavailable);
    CHECK(es::to_json(result).at("exit_code") == 3);
    CHECK(es::to_json(result).at("stopped_by") == "SIGTERM");
    std::string text = human(result);
    CHECK(text.find("did not complete") != std::string::npos);
    CHECK(text.find("SIGTERM was received during the subject move and held until the move was answered; the run ends "
                    "with exit 3, not by the signal, as a move above did not complete.\n") != std::string::npos);
    CHECK(text.find("Stopped by SIGTERM") == std::string::npos);

    // The server refused the claim: exit 1, not 130.
    result.report->actions[1].error = "replicas > 1 not supported in non-clustered mode (err_code 10074)";
    result.report->outcome = es::ApplyOutcome::rejected;
    result.stopped_by = SIGINT;
    CHECK(es::exit_code(result) == aa::ExitCode::check_failed);
    text = human(result);
    CHECK(text.find("SIGINT was received during the subject move and held until the move was answered; the run ends "
                    "with exit 1, not by the signal, as a move above did not complete.\n") != std::string::npos);

    // A failure that tore nothing (the release refused, so nothing moved): the signal is honoured.
    result.report->moves[0].torn = false;
    result.report->actions[0].applied = false;
    CHECK(es::exit_code(result) == aa::exit_code_for_signal(SIGINT));
}

TEST_CASE("a torn move whose claim the server refused: the reason, the lost subjects, and that re-running is not enough") {
    es::Result result = moved_result();
    result.command_line = "NODE_ENV=production aa-nats ensure-streams --phase 1 -s nats://h:4222";
    result.report->actions[0].applied = true;
    result.report->actions[1].error = "replicas > 1 not supported in non-clustered mode (err_code 10074)";
    result.report->moves[0].torn = true;
    result.report->moves[0].claim_refused = result.report->actions[1].error;
    result.report->outcome = es::ApplyOutcome::rejected;
    CHECK(es::exit_code(result) == aa::ExitCode::check_failed);
    CHECK(es::torn_move_message(result.plan.moves[0], result.report->moves[0], result.command_line) ==
          "moving vendor.> from ATHLETE_ALLY_EVENTS to AA_VENDOR_HOT did not complete: the server refused the claim on "
          "AA_VENDOR_HOT: replicas > 1 not supported in non-clustered mode (err_code 10074). vendor.> is captured by no "
          "stream until that is fixed (JetStream publishes to it fail), and the same command will likely be refused "
          "again: fix the cause, then complete the move with: NODE_ENV=production aa-nats ensure-streams --phase 1 -s "
          "nats://h:4222");
    const aa::Json move = es::to_json(result).at("subject_moves")[0];
    CHECK(move.at("claim_refused") == result.report->actions[1].error);
    CHECK(move.at("complete_with") == result.command_line);
}
