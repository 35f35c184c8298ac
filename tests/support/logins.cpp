#include "tests/support/logins.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>
#include <fmt/ranges.h>

#include "tests/support/terminal_checks.hpp"

namespace aa::test {

void check_logs_in(const std::vector<std::string>& args, const std::map<std::string, std::string>& env) {
    std::vector<std::string> run_args{"stream-info", "--json"};
    run_args.insert(run_args.end(), args.begin(), args.end());
    const RunResult r = run_aa_nats(run_args, env);
    INFO("args: ", fmt::format("{}", fmt::join(run_args, " ")), "\nstderr: ", r.err, "\nstdout: ", r.out);
    CHECK(r.exit_code == 0);
    CHECK(r.json().at("server").at("version").is_string());
}

void check_login_refused(const std::vector<std::string>& args, const std::map<std::string, std::string>& env,
                         const std::string& method, const std::string& secret) {
    std::vector<std::string> text_args{"stream-info", "--timeout", "3s"};
    text_args.insert(text_args.end(), args.begin(), args.end());
    std::vector<std::string> json_args = text_args;
    json_args.push_back("--json");
    for (const auto& run_args : {text_args, json_args}) {
        const RunResult r = run_aa_nats(run_args, env);
        INFO("args: ", fmt::format("{}", fmt::join(run_args, " ")), "\nstderr: ", r.err, "\nstdout: ", r.out);
        CHECK(r.exit_code == 3);
        CHECK(r.err.starts_with("aa-nats: error: cannot connect to "));
        check_one_line_error(r, " with " + method + ": ");
        CHECK(r.err.find(secret) == std::string::npos);
        CHECK(r.out.find(secret) == std::string::npos);
        if (run_args == json_args) {
            const Json error = r.json().at("error");
            CHECK(error.at("exit_code") == 3);
            CHECK(error.at("message").get<std::string>().find(" with " + method + ": ") != std::string::npos);
        }
    }
}

std::map<std::string, std::string> selected_context(const TempDir& config, const std::string& name, const Json& values) {
    config.write("nats/context/" + name + ".json", values.dump());
    config.write("nats/context.txt", name + "\n");
    return {{"XDG_CONFIG_HOME", config.path().string()}};
}

}  // namespace aa::test
