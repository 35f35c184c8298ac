// The monitoring formats' shared rules (src/nagios.hpp, src/prometheus.hpp,
// src/output_format.hpp): a plugin status line that stays one line with its
// perfdata apart, and an exposition that a Prometheus parser reads back.

#include <doctest/doctest.h>

#include "src/errors.hpp"
#include "src/nagios.hpp"
#include "src/output_format.hpp"
#include "src/prometheus.hpp"
#include "tests/support/exposition.hpp"

using aa::PluginCheck;
using aa::PluginStatus;

TEST_CASE("nagios: SERVICE STATUS: text | perfdata, with the plugin API's exit codes") {
    const PluginCheck check{PluginStatus::warning,
                            "S/D backlog",
                            {{"pending", 3.0, "", {}, 1000.0, 0.0}, {"last_delivery", 1.5, "s", {}, {}, 0.0},
                             {"detected_phase", std::nullopt, "", {}, {}, {}}}};
    CHECK(aa::plugin_status_line(check) ==
          "AA-NATS WARNING: S/D backlog | pending=3;;1000;0 last_delivery=1.500s;;;0 detected_phase=U");
    CHECK(aa::plugin_status_line({PluginStatus::ok, "fine", {}}) == "AA-NATS OK: fine");
    CHECK(aa::plugin_exit_code(PluginStatus::ok) == aa::ExitCode::ok);
    CHECK(static_cast<int>(aa::plugin_exit_code(PluginStatus::warning)) == 1);
    CHECK(static_cast<int>(aa::plugin_exit_code(PluginStatus::critical)) == 2);
    CHECK(static_cast<int>(aa::plugin_exit_code(PluginStatus::unknown)) == 3);
}

TEST_CASE("nagios: a server's text cannot add a line, colour the terminal or start the perfdata") {
    const std::string line =
        aa::plugin_status_line({PluginStatus::critical, "stream A|B\nOK: \x1b[31mfake \\x7c", {{"A|B pending", 1.0, "", {}, {}, {}}}});
    CHECK(line.find('\n') == std::string::npos);
    CHECK(line.find('\x1b') == std::string::npos);
    // One '|': the one before the perfdata. The server's own "\x7c" stays distinguishable ("\\x7c").
    CHECK(line == "AA-NATS CRITICAL: stream A\\x7cB\\x0aOK: \\x1b[31mfake \\\\x7c | 'A\\x7cB pending'=1");
}

TEST_CASE("nagios: perfdata labels are quoted when they hold a space, '=' or a quote, which is doubled") {
    CHECK(aa::perfdata_label("pending") == "pending");
    CHECK(aa::perfdata_label("AA_CORE_HOT/d pending") == "'AA_CORE_HOT/d pending'");
    CHECK(aa::perfdata_label("a=b") == "'a=b'");
    CHECK(aa::perfdata_label("it's") == "'it''s'");
}

TEST_CASE("prometheus: families grouped with HELP and TYPE, label values escaped and read back") {
    const aa::MetricFamily first{"aa_nats_test_first", aa::MetricType::gauge, "first\\ help\nline"};
    const aa::MetricFamily second{"aa_nats_test_total", aa::MetricType::counter, "second"};
    aa::Exposition exposition;
    const std::string odd = "back\\slash \"quoted\"\nnew line Zürich";
    exposition.add(first, {{"name", odd}}, 1);
    exposition.add(second, {}, 2.5);
    exposition.add(first, {{"name", "plain"}}, 0);  // joins its family, not after the second
    const std::string text = exposition.text();
    CHECK(text ==
          "# HELP aa_nats_test_first first\\\\ help\\nline\n# TYPE aa_nats_test_first gauge\n"
          "aa_nats_test_first{name=\"back\\\\slash \\\"quoted\\\"\\nnew line Zürich\"} 1\n"
          "aa_nats_test_first{name=\"plain\"} 0\n"
          "# HELP aa_nats_test_total second\n# TYPE aa_nats_test_total counter\naa_nats_test_total 2.5\n");
    const auto parsed = aa::test::parse_exposition(text);
    CHECK(parsed.errors.empty());
    CHECK(parsed.value("aa_nats_test_first", {{"name", odd}}) == 1);
    CHECK(parsed.type.at("aa_nats_test_total") == "counter");
}

TEST_CASE("prometheus: the test's parser refuses what the textfile collector would") {
    using aa::test::parse_exposition;
    CHECK_FALSE(parse_exposition("aa_x 1\n").errors.empty());  // no HELP/TYPE
    CHECK_FALSE(parse_exposition("# HELP a h\n# TYPE a gauge\na{l=\"x\\q\"} 1\n").errors.empty());  // bad escape
    CHECK_FALSE(parse_exposition("# HELP a h\n# TYPE a gauge\na 1\na 2\n").errors.empty());  // series twice
    CHECK_FALSE(
        parse_exposition("# HELP a h\n# TYPE a gauge\n# HELP b h\n# TYPE b gauge\na{x=\"1\"} 1\nb 1\na 2\n").errors.empty());
    CHECK_FALSE(parse_exposition("# HELP a h\n# TYPE a gauge\na one\n").errors.empty());
}

TEST_CASE("prometheus: a run that ended by an error is still a valid exposition, with aa_nats_up 0") {
    const auto parsed = aa::test::parse_exposition(aa::failed_run_exposition("consumer-diag"));
    CHECK(parsed.errors.empty());
    CHECK(parsed.value("aa_nats_up", {{"command", "consumer-diag"}}) == 0);
}

TEST_CASE("--format and --json: --json is --format json; disagreeing is a usage error") {
    using aa::OutputFormat;
    CHECK(aa::choose_output_format(false, std::nullopt) == OutputFormat::text);
    CHECK(aa::choose_output_format(true, std::nullopt) == OutputFormat::json);
    CHECK(aa::choose_output_format(true, std::string("json")) == OutputFormat::json);
    CHECK(aa::choose_output_format(false, std::string("prometheus")) == OutputFormat::prometheus);
    CHECK_THROWS_AS(aa::choose_output_format(true, std::string("nagios")), aa::UsageError);
    CHECK_THROWS_AS(aa::choose_output_format(false, std::string("xml")), aa::UsageError);
    for (const auto name : aa::kOutputFormatNames) CHECK(aa::to_string(*aa::parse_output_format(name)) == name);
}
