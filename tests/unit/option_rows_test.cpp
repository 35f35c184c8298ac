// The rows are the one spelling of each option, variable and default: what
// the code resolves is what --help, the man page and the docs say.

#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include "commands/cli.hpp"
#include "src/cli_text.hpp"
#include "src/duration.hpp"
#include "src/global_option_rows.hpp"
#include "src/service_settings.hpp"
#include "src/settings.hpp"
#include "tests/unit/fixtures.hpp"

using aa::test::env_of;

TEST_CASE("with nothing set, the settings are the rows' defaults") {
    const aa::Settings settings = aa::resolve_settings({}, env_of({}));
    CHECK(settings.connection.servers == std::vector<std::string>{std::string(aa::kServerOption.default_value)});
    CHECK(settings.connection.timeout == aa::parse_duration(aa::kTimeoutOption.default_value));
    CHECK(settings.connection.api_prefix == aa::kJsApiPrefixOption.default_value);
    CHECK(aa::ConnectionSettings{}.api_prefix == aa::kJsApiPrefixOption.default_value);

    CHECK(to_string(settings.topology.mode) == aa::kStreamModeVariable.default_value);
    CHECK(settings.topology.names.core == aa::kCoreStreamVariable.default_value);
    CHECK(settings.topology.names.legacy == aa::kLegacyStreamVariable.default_value);
    CHECK(aa::TopologySettings{}.names.vendor == settings.topology.names.vendor);
}

TEST_CASE("the service settings' defaults are their rows', as resolved and as a default-made value") {
    const aa::ServiceSettings resolved = aa::resolve_service_settings(env_of({}), "CORE", "LEGACY");
    const aa::ServiceSettings made;
    CHECK(resolved.hrv_durable == aa::kHrvDurableVariable.default_value);
    CHECK(resolved.oura_durable == made.oura_durable);
    CHECK(resolved.hrv_dlq_subject == made.hrv_dlq_subject);
    CHECK(resolved.hrv_max_deliver == 5);
    CHECK(resolved.hrv_max_deliver == made.hrv_max_deliver);
    CHECK(resolved.hrv_ack_wait == std::chrono::milliseconds(60000));
    CHECK(resolved.hrv_ack_wait == made.hrv_ack_wait);
    CHECK(resolved.stream_candidates == std::vector<std::string>{"CORE", "LEGACY"});
}

TEST_CASE("a setting's error names the flag or variable its row spells") {
    aa::GlobalFlags flags;
    flags.timeout = "soon";
    CHECK_THROWS_WITH(aa::resolve_settings(flags, env_of({})),
                      doctest::Contains("--timeout=\"soon\""));
    CHECK_THROWS_WITH(aa::resolve_settings({}, env_of({{"NATS_TIMEOUT", "soon"}})),
                      doctest::Contains("NATS_TIMEOUT (environment)=\"soon\""));
}

TEST_CASE("the secret rows are the password and the token, and only their values are withheld") {
    std::vector<std::string_view> secret;
    aa::GlobalFlags flags;
    for (const aa::BoundOption& option : aa::global_options(flags)) {
        if (option.row.secret) secret.push_back(option.row.flag);
    }
    CHECK(secret == std::vector<std::string_view>{"--password", "--token"});
}

TEST_CASE("a flag takes a value everywhere or nowhere, so a completion can skip its value") {
    aa::Cli cli;
    const std::vector<std::string> flags = aa::flags_taking_values(cli.definition());
    CHECK(std::find(flags.begin(), flags.end(), "--phase") != flags.end());
    CHECK(std::find(flags.begin(), flags.end(), "-s") != flags.end());
    CHECK(std::find(flags.begin(), flags.end(), "--all") == flags.end());

    bool all = false;
    std::string value;
    aa::CliDefinition clash;
    clash.commands.push_back({.name = "a", .options = {{{.flag = "--all"}, &all}}});
    clash.commands.push_back({.name = "b", .options = {{{.flag = "--all", .value_name = "N"}, &value}}});
    CHECK_THROWS_AS(aa::flags_taking_values(clash), std::logic_error);
}

TEST_CASE("every variable of the definition is in .env.example, set to its row's default where it has one") {
    std::ifstream in(std::string(AA_SOURCE_DIR) + "/.env.example");
    REQUIRE(in.good());
    std::stringstream text;
    text << in.rdbuf();
    const std::string example = "\n" + text.str();
    aa::Cli cli;
    std::vector<const aa::OptionRow*> rows;
    for (const aa::BoundOption& option : cli.definition().global_options) rows.push_back(&option.row);
    for (const aa::VariableGroup& group : cli.definition().variable_groups) rows.insert(rows.end(), group.rows.begin(), group.rows.end());
    for (const aa::OptionRow* row : rows) {
        if (row->env.empty()) continue;
        INFO(row->env);
        const std::string name(row->env);
        CHECK((example.find("\n" + name + "=") != std::string::npos || example.find("\n# " + name + "=") != std::string::npos));
        // A default that is a value (not prose, not "$OTHER,...") is what the file sets.
        const std::string_view value = row->default_value;
        if (!value.empty() && value.find(' ') == std::string_view::npos && !value.starts_with('$')) {
            CHECK(example.find("\n" + name + "=" + std::string(value) + "\n") != std::string::npos);
        }
    }
}
