// The operator's terminal is not the server's to control (issue #8): stream
// names, subjects and error texts from real nats-servers reach human output
// escaped and table columns stay aligned, JSON carries them exactly, and
// names or phases the operator typed that cannot be right exit 2 up front.

#include <doctest/doctest.h>

#include <algorithm>
#include <sstream>

#include "tests/support/fakes.hpp"
#include "tests/support/harness.hpp"
#include "tests/support/terminal_checks.hpp"

using aa::test::FakeResponder;
using aa::test::Json;
using aa::test::NatsServer;
using aa::test::RunResult;
using aa::test::run_aa_nats;
using aa::test::TestClient;
using aa::test::check_one_line_error;
using aa::test::code_points;
using aa::test::terminal_hazards;

namespace {

// Names a real 2.9.10 server accepts: ESC sequences that would clear and
// recolour the screen, and U+009B, the C1 "CSI" that 8-bit terminals obey.
const std::string kEvil = "EVIL\x1b[2J\x1b[31mX";
const std::string kEvilShown = "EVIL\\x1b[2J\\x1b[31mX";
const std::string kC1 = "C1\u009b2JX";
const std::string kC1Shown = "C1\\xc2\\x9b2JX";

// Columns on a terminal, for the characters these tests use (CJK is wide).
std::size_t columns(std::string_view line) {
    std::size_t width = 0;
    for (const char32_t c : code_points(line).value_or(std::vector<char32_t>{})) {
        width += (c >= 0x3000 && c <= 0x9fff) ? 2 : 1;
    }
    return width;
}

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
}

// The header and rows of a table whose header starts with FIRST_COLUMN.
std::vector<std::string> table_of(const std::string& out, const std::string& first_column) {
    std::vector<std::string> lines = lines_of(out);
    const auto header = std::find_if(lines.begin(), lines.end(), [&](const std::string& l) { return l.starts_with(first_column); });
    REQUIRE(header != lines.end());
    std::vector<std::string> table(header, lines.end());
    table.pop_back();  // "N streams" / "N consumers"
    return table;
}

}  // namespace

TEST_CASE("stream-info shows the server's names and subjects escaped, aligned, and exact in JSON") {
    NatsServer server;
    TestClient client(server.url());
    const auto stream = [](const std::string& name, std::vector<std::string> subjects) {
        return Json{{"name", name}, {"subjects", std::move(subjects)}, {"max_age", 3'600'000'000'000}};  // "1h"
    };
    client.create_stream(stream(kEvil, {"evil.>"}));
    client.create_stream(stream(kC1, {"ctl.\x1b[2J.>", "bell\x07.x"}));
    client.create_stream(stream("Zürich", {"zurich.>"}));
    // Wider than the 40-column SUBJECTS column in CJK: cut by columns, never inside a character.
    client.create_stream(stream("日本", {"データ.イベント.>", "データ.ログ.*", "データ.メトリクス.*"}));
    client.create_stream(stream("AA_CORE_HOT", {"athlete-ally.>"}));

    const RunResult all = run_aa_nats({"stream-info", "--all", "-s", server.url()});
    INFO("stdout:\n", all.out, "stderr: ", all.err);
    CHECK(all.exit_code == 0);
    CHECK(terminal_hazards(all.out) == "");
    CHECK(all.out.find(kEvilShown) != std::string::npos);
    CHECK(all.out.find(kC1Shown) != std::string::npos);
    CHECK(all.out.find("ctl.\\x1b[2J.>, bell\\x07.x") != std::string::npos);
    const std::vector<std::string> table = table_of(all.out, "NAME ");
    REQUIRE(table.size() == 6);
    for (std::size_t i = 1; i < table.size(); ++i) {
        // Every row ends with "file" where the header ends with "STORAGE": 3 columns less.
        CHECK_MESSAGE(columns(table[i]) + 3 == columns(table.front()), table[i]);
    }
    CHECK(all.out.find("データ.イベント.>, データ.ログ.*, デ... ") != std::string::npos);

    const RunResult json = run_aa_nats({"stream-info", "--all", "--json", "-s", server.url()});
    CHECK(json.exit_code == 0);
    CHECK(json.out.find('\x1b') == std::string::npos);  // JSON escapes it as \u001b
    const Json doc = json.json();
    std::vector<std::string> names;
    for (const Json& stream : doc.at("streams")) names.push_back(stream.at("name").get<std::string>());
    CHECK(std::count(names.begin(), names.end(), kEvil) == 1);
    CHECK(std::count(names.begin(), names.end(), kC1) == 1);

    const RunResult named = run_aa_nats({"stream-info", kEvil, kC1, "-s", server.url()});
    INFO("named stdout:\n", named.out);
    CHECK(named.exit_code == 0);
    CHECK(terminal_hazards(named.out) == "");
    CHECK(named.out.find("[" + kEvilShown + "]\n") != std::string::npos);
    CHECK(named.out.find("[" + kC1Shown + "]\n") != std::string::npos);
    CHECK(named.out.find("Subjects:         ctl.\\x1b[2J.>, bell\\x07.x\n") != std::string::npos);
}

TEST_CASE("consumer-diag, migrate-verify, ensure-streams and the capture lines escape what they quote") {
    NatsServer server;
    TestClient client(server.url());
    client.create_stream(Json{{"name", kEvil}, {"subjects", {"vendor.>"}}});
    client.create_stream(Json{{"name", kC1}, {"subjects", {"athlete-ally.hrv.>"}}});  // athlete-ally.> in part
    const std::string durable = "D\x1b[31mX";
    client.create_durable(kEvil, Json{{"durable_name", durable}, {"ack_policy", "explicit"}, {"filter_subject", "vendor.\x1b[2J"}});
    client.create_durable(kEvil, Json{{"durable_name", "plain"}, {"ack_policy", "explicit"}});

    const RunResult table = run_aa_nats({"consumer-diag", "--all", kEvil, "-s", server.url()});
    INFO("consumer-diag --all:\n", table.out, table.err);
    CHECK(table.exit_code == 0);
    CHECK(terminal_hazards(table.out) == "");
    CHECK(table.out.find(kEvilShown + "     D\\x1b[31mX ") != std::string::npos);
    const std::vector<std::string> rows = table_of(table.out, "STREAM ");
    REQUIRE(rows.size() == 3);
    for (const std::string& row : rows) CHECK_MESSAGE(columns(row) == columns(rows.front()), row);

    const RunResult one = run_aa_nats({"consumer-diag", kEvil, durable, "-s", server.url()});
    INFO("consumer-diag:\n", one.out, one.err);
    CHECK(terminal_hazards(one.out) == "");
    CHECK(one.out.find("Consumer D\\x1b[31mX on " + kEvilShown + "\n") != std::string::npos);
    CHECK(one.out.find("Filter:           vendor.\\x1b[2J\n") != std::string::npos);

    const RunResult watch = run_aa_nats({"consumer-diag", kEvil, durable, "--watch", "100ms", "--count", "1", "-s", server.url()});
    CHECK(terminal_hazards(watch.out) == "");
    CHECK(watch.out.find("Consumer D\\x1b[31mX on " + kEvilShown + "\n") != std::string::npos);
    CHECK(watch.out.find("  Filter:           vendor.\\x1b[2J\n") != std::string::npos);

    const RunResult capture = run_aa_nats({"stream-info", "-s", server.url()});
    INFO("stream-info:\n", capture.out, capture.err);
    CHECK(terminal_hazards(capture.out) == "");
    CHECK(capture.out.find("  vendor.>         " + kEvilShown + "\n") != std::string::npos);
    CHECK(capture.out.find("LOST athlete-ally.> is captured only in part (" + kC1Shown + " captures athlete-ally.hrv.>)") !=
          std::string::npos);

    const std::map<std::string, std::string> evil_core{{"STREAM_CORE_NAME", kEvil}, {"NATS_URL", server.url()}};
    const RunResult verify = run_aa_nats({"migrate-verify", "2"}, evil_core);
    INFO("migrate-verify:\n", verify.out, verify.err);
    CHECK(verify.exit_code == 1);
    CHECK(terminal_hazards(verify.out) == "");
    CHECK(verify.out.find("core stream " + kEvilShown + " exists") != std::string::npos);

    const RunResult ensure = run_aa_nats({"ensure-streams", "--dry-run"}, evil_core);
    INFO("ensure-streams:\n", ensure.out, ensure.err);
    CHECK(terminal_hazards(ensure.out) == "");
    CHECK(ensure.out.find("! refused   " + kEvilShown + " (core): athlete-ally.> overlaps stream " + kC1Shown) !=
          std::string::npos);
    CHECK(ensure.out.find("this plan captures it again: " + kEvilShown + "\n") != std::string::npos);
    CHECK(ensure.out.find("moves vendor.> from " + kEvilShown + " to AA_VENDOR_HOT") != std::string::npos);
}

TEST_CASE("error texts reach stderr escaped on one line, and exact in JSON") {
    // A real server without JetStream: the error names the API subject, stream name included.
    NatsServer plain(aa::test::ServerOptions{.jetstream = false, .user = {}, .password = {}, .extra_args = {}});
    const RunResult no_js = run_aa_nats({"stream-info", kEvil, "-s", plain.url()});
    CHECK(no_js.exit_code == 3);
    check_one_line_error(no_js, "no responders on $JS.API.STREAM.INFO." + kEvilShown + " ");

    // A fake, as no real server says this: an API error whose description holds
    // escape sequences and a C1 control.
    FakeResponder liar(plain.url(), "$JS.API.>",
                       R"({"type":"io.nats.jetstream.api.v1.stream_info_response",)"
                       R"("error":{"code":500,"err_code":10999,"description":"boom\u001b[2J\u001b[31m\u009b"}})");
    const RunResult human = run_aa_nats({"stream-info", "-s", plain.url()});
    CHECK(human.exit_code == 3);
    check_one_line_error(human, ": boom\\x1b[2J\\x1b[31m\\xc2\\x9b (code 500, err_code 10999)");

    const RunResult json = run_aa_nats({"stream-info", "--json", "-s", plain.url()});
    CHECK(json.exit_code == 3);
    CHECK(json.json().at("error").at("message").get<std::string>().find("boom\x1b[2J\x1b[31m\u009b") != std::string::npos);
    check_one_line_error(json, "boom\\x1b[2J");
}

TEST_CASE("ensure-streams --phase is exactly 0, 1, 2 or 3: other spellings exit 2 and create nothing") {
    NatsServer server;
    TestClient client(server.url());
    for (const std::string phase : {"01", "0x1", "+1", " 2"}) {
        CAPTURE(phase);
        const RunResult r = run_aa_nats({"ensure-streams", "--phase", phase, "-s", server.url()});
        CHECK(r.exit_code == 2);
        check_one_line_error(r, "--phase \"" + phase + "\": expected 0, 1, 2 or 3");
        CHECK(r.out.empty());
    }
    CHECK(client.api("$JS.API.STREAM.NAMES", Json::object()).at("total") == 0);
}

TEST_CASE("names typed by the operator that are not UTF-8 exit 2, shown escaped") {
    NatsServer server;
    const std::string bad = "A\xff" "B";
    struct Case {
        std::vector<std::string> args;
        std::map<std::string, std::string> env;
        std::string needle;
    };
    const std::vector<Case> cases{
        {{"stream-info"}, {{"STREAM_CORE_NAME", bad}}, "STREAM_CORE_NAME=\"A\\xffB\" (environment): a stream name must be valid UTF-8"},
        {{"stream-info", bad}, {}, "stream \"A\\xffB\": a stream name must be valid UTF-8"},
        {{"consumer-diag", "AA_CORE_HOT", bad}, {}, "durable \"A\\xffB\": a durable name must be valid UTF-8"},
        {{"consumer-diag"}, {{"NORMALIZE_HRV_DURABLE", bad}}, "NORMALIZE_HRV_DURABLE=\"A\\xffB\""},
        {{"consumer-diag"}, {{"AA_STREAM_CANDIDATES", "AA_CORE_HOT," + bad}}, "\"A\\xffB\": a stream name must be valid UTF-8"},
        {{"migrate-verify", "0"}, {{"NORMALIZE_HRV_DLQ_SUBJECT", "dlq." + bad}}, "NORMALIZE_HRV_DLQ_SUBJECT=\"dlq.A\\xffB\""},
        {{"ensure-streams", "--dry-run", "--js-domain", bad}, {}, "--js-domain=\"A\\xffB\": must be valid UTF-8"},
    };
    for (const Case& c : cases) {
        std::vector<std::string> args = c.args;
        args.insert(args.end(), {"-s", server.url()});
        const RunResult r = run_aa_nats(args, c.env);
        CAPTURE(c.needle);
        CHECK(r.exit_code == 2);
        check_one_line_error(r, c.needle);
    }
}
