// The committed completions and man page against the definition: every long
// option that any --help prints, and every command, is in all four files.
// (Whether they are exactly what the binary makes is the generated_files
// test: scripts/generate.sh --check.)

#include <doctest/doctest.h>

#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <string>

#include "commands/cli.hpp"
#include "commands/completion/completion.hpp"
#include "commands/generate/generate.hpp"

namespace {

std::string source_file(const std::string& path) {
    std::ifstream in(std::string(AA_SOURCE_DIR) + "/" + path);
    REQUIRE_MESSAGE(in, "cannot read " << path);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// Every --long-option in TEXT.
std::set<std::string> long_options_in(const std::string& text) {
    static const std::regex option(R"((^|[^-\w])(--[a-z][a-z0-9-]*[a-z0-9]))");
    std::set<std::string> found;
    for (auto it = std::sregex_iterator(text.begin(), text.end(), option); it != std::sregex_iterator(); ++it) {
        found.insert((*it)[2]);
    }
    return found;
}

std::string help_of(const std::vector<std::string>& args) {
    aa::Cli cli;
    std::ostringstream out;
    cli.parse(args, out);
    return out.str();
}

// "--dry-run" as each file spells it: the shells as typed, fish without its
// dashes after -l, roff with every '-' escaped.
std::regex spelled_in_shell(const std::string& option) { return std::regex("(^|[^-\\w])" + option + "([^-\\w]|$)"); }
std::regex spelled_in_fish(const std::string& option) { return std::regex("-l " + option.substr(2) + "( |$)"); }
std::regex spelled_in_roff(const std::string& option) {
    std::string escaped;
    for (const char c : option) escaped += c == '-' ? std::string("\\\\-") : std::string(1, c);
    return std::regex(escaped + "(\\\\f|[^-\\w\\\\]|$)");
}

}  // namespace

TEST_CASE("every long option any --help prints is in the three completion files and the man page") {
    aa::Cli cli;
    std::set<std::string> options = long_options_in(help_of({"aa-nats", "--help"}));
    for (const aa::CommandDefinition* command : aa::visible_commands(cli.definition())) {
        const std::set<std::string> more = long_options_in(help_of({"aa-nats", std::string(command->name), "--help"}));
        options.insert(more.begin(), more.end());
    }
    REQUIRE(options.count("--server") == 1);       // the walk found the global options...
    REQUIRE(options.count("--allow-delete") == 1);  // ...and the commands'
    const std::string bash = source_file("completions/aa-nats.bash");
    const std::string zsh = source_file("completions/_aa-nats");
    const std::string fish = source_file("completions/aa-nats.fish");
    const std::string man = source_file("docs/aa-nats.1");
    for (const std::string& option : options) {
        INFO(option);
        CHECK(std::regex_search(bash, spelled_in_shell(option)));
        CHECK(std::regex_search(zsh, spelled_in_shell(option)));
        CHECK(std::regex_search(fish, spelled_in_fish(option)));
        CHECK(std::regex_search(man, spelled_in_roff(option)));
    }
}

TEST_CASE("the option finder finds options, and the spellings tell one option from a longer one") {
    CHECK(long_options_in("  --all  every\n  -s,--server URL  x (not with --js-domain)") ==
          std::set<std::string>{"--all", "--server", "--js-domain"});
    CHECK_FALSE(std::regex_search(std::string("--allow-delete"), spelled_in_shell("--all")));
    CHECK_FALSE(std::regex_search(std::string("-l allow-delete"), spelled_in_fish("--all")));
    CHECK_FALSE(std::regex_search(std::string("\\-\\-allow\\-delete"), spelled_in_roff("--all")));
    CHECK(std::regex_search(std::string("\\fB\\-\\-all\\fR"), spelled_in_roff("--all")));
}

TEST_CASE("every visible command is in the completion files and the man page; the hidden one is not") {
    aa::Cli cli;
    for (const std::string path : {"completions/aa-nats.bash", "completions/_aa-nats", "completions/aa-nats.fish"}) {
        const std::string text = source_file(path);
        INFO(path);
        for (const aa::CommandDefinition& command : cli.definition().commands) {
            INFO(command.name);
            CHECK(std::regex_search(text, spelled_in_shell(std::string(command.name))) != command.hidden);
        }
    }
    const std::string man = source_file("docs/aa-nats.1");
    CHECK(man.find(".SS stream\\-info\n") != std::string::npos);
    CHECK(man.find(".SS completion\n") != std::string::npos);
    CHECK(man.find(".SS generate") == std::string::npos);
}

TEST_CASE("completion and generate print their documents without settings or NATS; an unknown one is a usage error") {
    std::ostringstream out;
    aa::Cli cli;
    CHECK(cli.parse({"aa-nats", "completion", "fish"}, out) == aa::Cli::Parsed::answered);
    CHECK(out.str() == aa::completion::script("fish", cli.definition()));
    CHECK(out.str().starts_with("# fish completion for aa-nats\n"));

    aa::Cli bad;
    CHECK_THROWS_WITH_AS(bad.parse({"aa-nats", "completion", "tcsh"}, out),
                         "completion: no completion for shell \"tcsh\": expected bash, zsh or fish", aa::UsageError);
    aa::Cli missing;
    CHECK_THROWS_AS(missing.parse({"aa-nats", "completion"}, out), aa::UsageError);
}
