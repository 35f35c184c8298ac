// The command-line interface as a value, and the one mapping from what a run
// threw to its exit code and message (docs/exit-codes.md).

#include <doctest/doctest.h>

#include <csignal>
#include <sstream>

#include "commands/cli.hpp"
#include "commands/error_report.hpp"
#include "src/errors.hpp"

namespace {

template <typename Exception>
aa::ErrorReport report_of(const Exception& thrown, const std::vector<std::string>& secrets = {}) {
    return aa::error_report(std::make_exception_ptr(thrown), secrets);
}

std::string usage_error_of(const std::vector<std::string>& args) {
    aa::Cli cli;
    std::ostringstream out;
    try {
        cli.parse(args, out);
    } catch (const aa::UsageError& e) {
        return e.what();
    }
    return "no error";
}

}  // namespace

TEST_CASE("an aa::Error keeps its own exit code and message") {
    const aa::ErrorReport unavailable = report_of(aa::ConnectionError("cannot connect to nats://h:4222: refused"));
    CHECK(unavailable.code == aa::ExitCode::unavailable);
    CHECK(static_cast<int>(unavailable.code) == 3);
    CHECK(unavailable.message == "cannot connect to nats://h:4222: refused");
    CHECK(unavailable.line() == "aa-nats: error: cannot connect to nats://h:4222: refused");

    const aa::ErrorReport usage = report_of(aa::UsageError("--timeout=\"xx\": invalid duration"));
    CHECK(static_cast<int>(usage.code) == 2);
    CHECK(usage.message == "--timeout=\"xx\": invalid duration");
}

TEST_CASE("any other exception is an internal error (exit 4), not a NATS problem") {
    const aa::ErrorReport bug = report_of(std::runtime_error("boom"));
    CHECK(bug.code == aa::ExitCode::internal);
    CHECK(static_cast<int>(bug.code) == 4);
    CHECK(bug.message == "internal error: boom (this is a bug in aa-nats; please report it)");
    CHECK(bug.line() == "aa-nats: internal error: boom (this is a bug in aa-nats; please report it)");

    // What a careless read of a server reply throws.
    try {
        const aa::Json reply = aa::Json::parse(R"({"total": "three"})");
        (void)reply.at("total").get<int>();
        FAIL("a string read as a number must throw");
    } catch (...) {
        const aa::ErrorReport json_bug = aa::error_report(std::current_exception(), {});
        CHECK(json_bug.code == aa::ExitCode::internal);
        CHECK(json_bug.message.starts_with("internal error: [json.exception.type_error"));
    }

    const aa::ErrorReport odd = aa::error_report(std::make_exception_ptr(42), {});
    CHECK(odd.code == aa::ExitCode::internal);
    CHECK(odd.message ==
          "internal error: an exception that is not a std::exception (this is a bug in aa-nats; please report it)");
}

TEST_CASE("the secrets passed along are scrubbed from every reported message") {
    const std::vector<std::string> secrets{"s3cret", "t0k"};
    const aa::ErrorReport auth = report_of(aa::ConnectionError("authorization violation for ops:s3cret"), secrets);
    CHECK(auth.message == "authorization violation for ops:[REDACTED]");
    CHECK(auth.line().find("s3cret") == std::string::npos);
    CHECK(auth.document().dump().find("s3cret") == std::string::npos);

    const aa::ErrorReport bug = report_of(std::runtime_error("password s3cret"), secrets);
    CHECK(bug.message == "internal error: password [REDACTED] (this is a bug in aa-nats; please report it)");
}

TEST_CASE("a report prints one escaped line on stderr, and the exact message as JSON when asked") {
    const aa::ErrorReport report = report_of(aa::ConnectionError("stream \x1b[31mX: timeout"));
    std::ostringstream out;
    std::ostringstream err;
    CHECK(aa::print_error_report(report, out, err, false) == aa::ExitCode::unavailable);
    CHECK(err.str() == "aa-nats: error: stream \\x1b[31mX: timeout\n");
    CHECK(out.str().empty());

    std::ostringstream json_out;
    std::ostringstream json_err;
    aa::print_error_report(report, json_out, json_err, true);
    const aa::Json document = aa::Json::parse(json_out.str());
    CHECK(document.at("schema_version") == 1);
    CHECK(document.at("error").at("exit_code") == 3);
    CHECK(document.at("error").at("message") == "stream \x1b[31mX: timeout");
    CHECK(json_err.str() == err.str());
}

TEST_CASE("an exit code of 128 + N stands for ending by signal N; the documented codes do not") {
    CHECK(aa::signal_of(aa::exit_code_for_signal(SIGINT)) == SIGINT);
    CHECK(aa::signal_of(aa::exit_code_for_signal(SIGTERM)) == SIGTERM);
    CHECK(aa::signal_of(aa::exit_code_for_signal(SIGHUP)) == SIGHUP);
    for (const aa::ExitCode code : {aa::ExitCode::ok, aa::ExitCode::check_failed, aa::ExitCode::usage,
                                    aa::ExitCode::unavailable, aa::ExitCode::internal}) {
        CHECK_FALSE(aa::signal_of(code).has_value());
    }
}

TEST_CASE("the CLI has the four commands, completion and the hidden generate, in help order") {
    aa::Cli cli;
    std::vector<std::string> names;
    for (const CLI::App* sub : cli.app().get_subcommands([](const CLI::App*) { return true; })) {
        names.push_back(sub->get_name());
    }
    CHECK(names == std::vector<std::string>{"stream-info", "consumer-diag", "migrate-verify", "ensure-streams",
                                            "completion", "generate"});
}

TEST_CASE("parsing fills the global options, before or after the subcommand, without touching the network") {
    aa::Cli cli;
    std::ostringstream out;
    CHECK(cli.parse({"aa-nats", "stream-info", "--json", "--server", "nats://x:1"}, out) == aa::Cli::Parsed::command);
    CHECK(cli.app().got_subcommand("stream-info"));
    CHECK(cli.flags().json);
    CHECK(cli.flags().server == std::optional<std::string>("nats://x:1"));
    CHECK(out.str().empty());

    aa::Cli before;
    CHECK(before.parse({"aa-nats", "--token", "t0k", "ensure-streams", "--dry-run"}, out) == aa::Cli::Parsed::command);
    CHECK(before.app().got_subcommand("ensure-streams"));
    CHECK(before.flags().token == std::optional<std::string>("t0k"));
    CHECK_FALSE(before.flags().json);
}

TEST_CASE("help is printed, not run") {
    aa::Cli cli;
    std::ostringstream out;
    CHECK(cli.parse({"aa-nats", "--help"}, out) == aa::Cli::Parsed::answered);
    CHECK(out.str().find("consumer-diag") != std::string::npos);
    CHECK(out.str().find("Exit codes:") != std::string::npos);
}

TEST_CASE("a parse error is a usage error that never echoes a value") {
    CHECK(usage_error_of({"aa-nats", "stream-info", "--pasword", "s3cret"}) ==
          "unknown option --pasword (see aa-nats --help)");
    CHECK(usage_error_of({"aa-nats", "stream-info", "--pasword=s3cret"}) ==
          "unknown option --pasword (see aa-nats --help)");
    CHECK(usage_error_of({"aa-nats"}).ends_with("(see aa-nats --help)"));
    CHECK(usage_error_of({"aa-nats", "stream-info", "--timeout"}).ends_with("(see aa-nats --help)"));
}

TEST_CASE("secrets and --json are known before parsing") {
    CHECK(aa::secrets_in_arguments({"aa-nats", "--password", "pw", "--token=tk", "stream-info", "--password"}) ==
          std::vector<std::string>{"pw", "tk"});
    CHECK(aa::secrets_in_arguments({"aa-nats", "--passwords", "x", "--token-file=y"}).empty());
    CHECK(aa::json_in_arguments({"aa-nats", "stream-info", "--json"}));
    CHECK_FALSE(aa::json_in_arguments({"aa-nats", "stream-info", "--json=1"}));
}

TEST_CASE("--format and the subcommand are known before parsing, for reporting a parse error as the monitor reads it") {
    using aa::OutputFormat;
    CHECK(aa::format_in_arguments({"aa-nats", "consumer-diag", "--format", "nagios"}) == OutputFormat::nagios);
    CHECK(aa::format_in_arguments({"aa-nats", "migrate-verify", "--format=prometheus", "--json"}) ==
          OutputFormat::prometheus);
    CHECK(aa::format_in_arguments({"aa-nats", "migrate-verify", "--format", "xml", "--json"}) == OutputFormat::json);
    CHECK(aa::format_in_arguments({"aa-nats", "stream-info"}) == OutputFormat::text);
    aa::Cli cli;
    CHECK(cli.command_in({"aa-nats", "-s", "nats://x", "migrate-verify", "1"}) == "migrate-verify");
    CHECK(cli.command_in({"aa-nats", "--help"}).empty());
}

TEST_CASE("--format is parsed on the checks only; a --json that disagrees, or no such format, is a usage error") {
    aa::Cli cli;
    REQUIRE(cli.parse({"aa-nats", "consumer-diag", "--format", "prometheus"}) == aa::Cli::Parsed::command);
    CHECK(cli.output_format() == aa::OutputFormat::prometheus);
    aa::Cli both;
    REQUIRE(both.parse({"aa-nats", "--json", "migrate-verify", "1", "--format", "nagios"}) == aa::Cli::Parsed::command);
    CHECK_THROWS_AS(both.output_format(), aa::UsageError);
    CHECK(usage_error_of({"aa-nats", "stream-info", "--format", "nagios"}).starts_with("unknown option --format"));
    aa::Cli xml;
    REQUIRE(xml.parse({"aa-nats", "consumer-diag", "--format", "xml"}) == aa::Cli::Parsed::command);
    CHECK_THROWS_WITH_AS(xml.output_format(), "--format xml: expected one of text, json, nagios, prometheus",
                         aa::UsageError);
}
