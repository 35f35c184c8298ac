// Untrusted replies stay bounded (issue #18): every command, against
// something that speaks NATS but answers the JetStream API with garbage,
// ends within a bounded time with a documented exit code, one escaped error
// line of bounded length, and never a crash or a stream made of defaults.
// The answers come from a fake responder on a real nats-server without
// JetStream: no real server can be made to answer like this.

#include <doctest/doctest.h>

#include <fmt/format.h>

#include "tests/support/fakes.hpp"
#include "tests/support/harness.hpp"
#include "tests/support/terminal_checks.hpp"

using aa::test::FakeResponder;
using aa::test::NatsServer;
using aa::test::RunResult;
using aa::test::ServerOptions;
using aa::test::TempDir;
using aa::test::run_aa_nats;
using aa::test::terminal_hazards;
using namespace std::chrono_literals;

namespace {

// The seven forms of the four commands that read from JetStream.
const std::vector<std::vector<std::string>> kForms{
    {"stream-info"},
    {"stream-info", "--all"},
    {"migrate-verify", "--detect"},
    {"consumer-diag"},
    {"consumer-diag", "--all"},
    {"ensure-streams", "--dry-run"},
    {"ensure-streams"},
};

// What the stream, consumer or listing asked on SUBJECT is called:
// "$JS.API.STREAM.INFO.X" -> "X"; "$JS.API.CONSUMER.INFO.S.D" -> "S.D".
std::string asked_name(const std::string& subject, const std::string& verb) {
    const std::string prefix = "$JS.API." + verb + ".";
    return subject.starts_with(prefix) ? subject.substr(prefix.size()) : std::string();
}

std::string repeated(std::string_view piece, std::size_t times) {
    std::string out;
    out.reserve(piece.size() * times);
    for (std::size_t i = 0; i < times; ++i) out += piece;
    return out;
}

// A stream info shaped as nats-server writes it for the stream asked on
// SUBJECT (any other subject gets the same info of LEGACY), with SUBJECTS and
// the numbers given.
std::string stream_info_for(const std::string& subject, const std::string& subjects, const std::string& numbers) {
    std::string name = asked_name(subject, "STREAM.INFO");
    if (name.empty()) name = "ATHLETE_ALLY_EVENTS";
    return fmt::format(R"({{"type":"io.nats.jetstream.api.v1.stream_info_response","config":{{"name":"{}",)"
                       R"("subjects":[{}],"retention":"limits","storage":"file","num_replicas":1{}}},)"
                       R"("created":"2026-01-01T00:00:00Z","state":{{"messages":5,"bytes":10,"first_seq":1,)"
                       R"("last_seq":5,"consumer_count":0}}}})",
                       name, subjects, numbers);
}

// Which streams the shaped answers hold: only the legacy stream (as a real
// server would, where no other stream may overlap its subjects), or every
// stream asked about (which no real server allows: the harshest case).
enum class Holding { legacy_only, every_stream };

// Answers shaped as the API's, for every verb the commands send: a stream
// info for STREAM.INFO (or "not found" for a stream not held), a one-stream
// page for STREAM.LIST, no consumer.
FakeResponder::Answer shaped(std::string subjects, std::string numbers, Holding holding = Holding::every_stream) {
    return [subjects, numbers, holding](const std::string& subject) -> std::optional<std::string> {
        if (subject.starts_with("$JS.API.STREAM.INFO.")) {
            if (holding == Holding::legacy_only && subject != "$JS.API.STREAM.INFO.ATHLETE_ALLY_EVENTS") {
                return R"({"type":"io.nats.jetstream.api.v1.stream_info_response",)"
                       R"("error":{"code":404,"err_code":10059,"description":"stream not found"}})";
            }
            return stream_info_for(subject, subjects, numbers);
        }
        if (subject == "$JS.API.STREAM.LIST") {
            return R"({"type":"io.nats.jetstream.api.v1.stream_list_response","total":1,"offset":0,"limit":256,)"
                   R"("streams":[)" + stream_info_for(subject, subjects, numbers) + "]}";
        }
        if (subject.starts_with("$JS.API.CONSUMER.LIST.")) {
            return R"({"type":"io.nats.jetstream.api.v1.consumer_list_response","total":0,"offset":0,"limit":256,"consumers":[]})";
        }
        return R"({"type":"io.nats.jetstream.api.v1.consumer_info_response",)"
               R"("error":{"code":404,"err_code":10014,"description":"consumer not found"}})";
    };
}

FakeResponder::Answer always(std::string reply) {
    return [reply](const std::string&) -> std::optional<std::string> { return reply; };
}

// COUNT subjects of about 40 bytes: 200,000 make an 8 MB stream config.
std::string many_subjects(int count = 200'000) {
    std::string out;
    for (int i = 0; i < count; ++i) out += fmt::format("{}\"athlete-ally.events.vendor-sync.{:06}\"", i ? "," : "", i);
    return out;
}

struct Garbage {
    std::string name;
    FakeResponder::Answer answer;
    bool is_error;  // whether every form must end as "cannot talk to JetStream" (exit 3)
    std::string timeout = "5s";  // --timeout: long enough for 8 MB replies to arrive
    // How long a run may take: the reply timeout a few times over, or for 8 MB
    // replies what reading them takes under sanitizers.
    std::chrono::seconds bound = 5s;
    bool json_too = true;  // also run each form with --json
};

std::vector<Garbage> garbage_kinds() {
    const std::string deep_objects = repeated(R"({"config":)", 100'000) + "1" + repeated("}", 100'000);
    const std::string deep_arrays = R"({"streams":)" + repeated("[", 100'000) + repeated("]", 100'000) + "}";
    const std::string escapes = repeated("\\u001b[2J\\u009b\\u0007", 400);  // 6,400 characters once unescaped
    return {
        {"not JSON", always("<html>\x1b[2Jnot json</html>"), true},
        {"empty", always(""), true},
        {"wrong types",
         always(R"({"config":"AA_CORE_HOT","state":7,"name":5,"stream_name":[],"total":"many","offset":{},)"
                R"("streams":{"a":1},"consumers":"none","error":null})"),
         true},
        {"deep arrays", always(deep_arrays), true},
        {"deep objects", always(deep_objects), true},
        {"8 MB", shaped(many_subjects(), "", Holding::legacy_only), false, "30s", 100s, false},
        {"absurd numbers",
         shaped(R"("athlete-ally.>","vendor.>","sleep.*")",
                R"(,"max_age":-9223372036854775808,"max_msgs":1e308,"max_bytes":18446744073709551615,)"
                R"("duplicate_window":-1,"max_msg_size":-2147483649)"),
         false},
        {"escape-laden error",
         always(R"({"type":"io.nats.jetstream.api.v1.stream_info_response","error":{"code":500,"err_code":10999,)"
                R"("description":")" + escapes + R"("}})"),
         true},
        {"silence", [](const std::string&) -> std::optional<std::string> { return std::nullopt; }, true, "500ms"},
    };
}

// A real server without JetStream that lets the fake send replies of 8 MB.
NatsServer roomy_server(const TempDir& dir) {
    return NatsServer(ServerOptions{.jetstream = false, .user = {}, .password = {},
                                    .extra_args = {"-c", dir.write("roomy.conf", "max_payload: 16777216\n")}});
}

}  // namespace

TEST_CASE("every command against each kind of garbage: bounded, documented, escaped") {
    TempDir dir;
    NatsServer server = roomy_server(dir);
    for (const Garbage& garbage : garbage_kinds()) {
        FakeResponder liar(server.url(), "$JS.API.>", garbage.answer);
        for (const auto& form : kForms) {
            for (const bool json : {false, true}) {
                if (json && !garbage.json_too) continue;
                std::vector<std::string> args = form;
                args.insert(args.end(), {"-s", server.url(), "--timeout", garbage.timeout});
                if (json) args.push_back("--json");
                const RunResult r = run_aa_nats(args, {}, 120s);
                CAPTURE(garbage.name);
                CAPTURE(fmt::format("{}", fmt::join(args, " ")));
                INFO("exit ", r.exit_code, "\nstderr: ", r.err.substr(0, 2000), "\nstdout: ", r.out.substr(0, 2000));
                CHECK(r.killed_by == 0);
                CHECK(r.exit_code >= 0);
                CHECK(r.exit_code <= 3);
                if (garbage.is_error) CHECK(r.exit_code == 3);
                CHECK(r.elapsed < garbage.bound);
                CHECK(terminal_hazards(r.err) == "");
                if (!json) CHECK(terminal_hazards(r.out) == "");
                // One line of bounded length, however long the server's text.
                CHECK(r.err.size() < 1200);
                if (r.exit_code == 3) {
                    CHECK(r.err.starts_with("aa-nats: error: "));
                    CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
                }
                if (json && r.exit_code == 3) CHECK(r.json().at("error").at("exit_code") == 3);
            }
        }
    }
}

TEST_CASE("a reply nested past the limit is an error naming the subject asked, in text and JSON") {
    TempDir dir;
    NatsServer server = roomy_server(dir);
    FakeResponder liar(server.url(), "$JS.API.>", repeated(R"({"config":)", 100'000) + "1" + repeated("}", 100'000));
    for (const std::vector<std::string>& form : {kForms[5], std::vector<std::string>{"stream-info", "AA_DLQ"}}) {
        std::vector<std::string> args = form;
        args.insert(args.end(), {"-s", server.url()});
        const RunResult human = run_aa_nats(args);
        CAPTURE(form[0]);
        aa::test::check_one_line_error(human, "bad reply on $JS.API.STREAM.INFO.");
        CHECK(human.err.find("nested deeper than") != std::string::npos);
        CHECK(human.exit_code == 3);
    }
    const RunResult json = run_aa_nats({"ensure-streams", "--dry-run", "--json", "-s", server.url()});
    CHECK(json.exit_code == 3);
    CHECK(json.json().at("error").at("message").get<std::string>().find("nested deeper than") != std::string::npos);
}

TEST_CASE("a reply that is not a stream info is never shown as a stream") {
    TempDir dir;
    NatsServer server = roomy_server(dir);
    // Valid JSON, an object, no error: but no config.name of the stream asked, no state.
    FakeResponder liar(server.url(), "$JS.API.>", R"({"type":"io.nats.jetstream.api.v1.stream_info_response"})");
    const RunResult r = run_aa_nats({"stream-info", "-s", server.url()});
    aa::test::check_one_line_error(r, "not a stream info");
    CHECK(r.exit_code == 3);
    CHECK(r.out.find("LOST") == std::string::npos);
    CHECK(r.out.find("unlimited") == std::string::npos);
}

TEST_CASE("a long server error is cut in the human line, saying how much, and whole in JSON") {
    TempDir dir;
    NatsServer server = roomy_server(dir);
    const std::string description = repeated("0123456789", 500);
    FakeResponder liar(server.url(), "$JS.API.>",
                       R"({"type":"io.nats.jetstream.api.v1.stream_info_response","error":{"code":500,"err_code":10999,)"
                       R"("description":")" + description + R"("}})");
    const RunResult human = run_aa_nats({"stream-info", "AA_DLQ", "-s", server.url()});
    CHECK(human.exit_code == 3);
    CHECK(human.err.size() < 1200);
    CHECK(human.err.find("more columns cut; --json shows the whole text") != std::string::npos);
    const RunResult json = run_aa_nats({"stream-info", "AA_DLQ", "--json", "-s", server.url()});
    CHECK(json.exit_code == 3);
    CHECK(json.json().at("error").at("message").get<std::string>().find(description) != std::string::npos);
}

TEST_CASE("a stream of 200,000 subjects is planned in bounded time, not minutes") {
    // Before issue #18: a stored-messages question for each of the 200,000
    // subjects phase 1 removes from the legacy stream (killed past 40 s), and,
    // with every stream holding many, a check of each released subject against
    // each of another stream's (quadratic).
    TempDir dir;
    NatsServer server = roomy_server(dir);
    for (const Holding holding : {Holding::legacy_only, Holding::every_stream}) {
        // Every stream holding 50,000 is quadratic enough (10^10 comparisons
        // before), and keeps the run short under sanitizers.
        const int count = holding == Holding::legacy_only ? 200'000 : 50'000;
        FakeResponder liar(server.url(), "$JS.API.>", shaped(many_subjects(count), "", holding));
        const RunResult r = run_aa_nats({"ensure-streams", "--phase", "1", "--dry-run", "-s", server.url(), "--timeout", "30s"},
                                        {}, 120s);
        CAPTURE(holding == Holding::legacy_only ? "legacy only" : "every stream");
        INFO("stderr: ", r.err.substr(0, 2000));
        CHECK(r.exit_code == 1);  // refused: the plan would leave families uncaptured, or overlap
        CHECK(r.elapsed < 100s);
        CHECK(r.out.find("ATHLETE_ALLY_EVENTS") != std::string::npos);
    }
}
