#include "tests/support/doc_steps.hpp"

#include <regex>
#include <sstream>

namespace aa::test {
namespace {

enum class Block { none, script, console, other };

Block block_of(std::string_view info) {
    if (info == "bash" || info == "sh") return Block::script;
    if (info == "console") return Block::console;
    return Block::other;
}

// Whether LINE's command, after any VAR=value assignments, is aa-nats.
bool runs_aa_nats(const std::string& line) {
    static const std::regex command(R"(^\s*([A-Za-z_][A-Za-z0-9_]*=\S*\s+)*aa-nats(\s|$))");
    return std::regex_search(line, command);
}

// N of "exit N" at the start of the line's comment, if it has one.
std::optional<int> stated_exit_of(const std::string& line) {
    static const std::regex exit_comment(R"(#\s*exit\s+(\d+)\b)");
    std::smatch m;
    if (!std::regex_search(line, m, exit_comment)) return std::nullopt;
    return std::stoi(m[1]);
}

// "NAME=VALUE" of an `export NAME=VALUE` line (a trailing comment allowed).
std::optional<std::string> export_of(const std::string& line) {
    static const std::regex assignment(R"(^\s*export\s+([A-Za-z_][A-Za-z0-9_]*=[^\s#]*)\s*(#.*)?$)");
    std::smatch m;
    if (!std::regex_match(line, m, assignment)) return std::nullopt;
    return m[1].str();
}

std::optional<std::string> directive_of(const std::string& line) {
    static const std::regex directive(R"(^\s*<!--\s*doc-test:\s*(.*?)\s*-->\s*$)");
    std::smatch m;
    if (!std::regex_match(line, m, directive)) return std::nullopt;
    return m[1].str();
}

// A console block's commands and the codes its `$ echo $?` lines show.
class ConsoleBlock {
public:
    explicit ConsoleBlock(std::vector<DocStep>& steps) : steps_(steps) {}

    void read(const std::string& line, int number) {
        if (awaiting_code_) {
            awaiting_code_ = false;
            if (pending_) {
                pending_->expected_exit = std::stoi(line);
                steps_.push_back(*pending_);
                pending_.reset();
            }
            return;
        }
        if (!line.starts_with("$ ")) return;
        const std::string command = line.substr(2);
        if (command == "echo $?") {
            awaiting_code_ = true;
            return;
        }
        pending_.reset();
        if (runs_aa_nats(command)) pending_ = DocStep{DocStep::Kind::command, command, 0, number};
    }

private:
    std::vector<DocStep>& steps_;
    std::optional<DocStep> pending_;
    bool awaiting_code_ = false;
};

}  // namespace

std::vector<DocStep> doc_steps(std::string_view markdown, StepScope scope) {
    const bool every_command = scope == StepScope::every_command;
    std::vector<DocStep> steps;
    std::istringstream in{std::string(markdown)};
    std::string line;
    Block block = Block::none;
    std::optional<ConsoleBlock> console;
    for (int number = 1; std::getline(in, line); ++number) {
        if (line.starts_with("```")) {
            block = block == Block::none ? block_of(line.substr(3)) : Block::none;
            if (block == Block::console) console.emplace(steps); else console.reset();
            continue;
        }
        if (block == Block::none) {
            if (auto words = directive_of(line)) steps.push_back({DocStep::Kind::directive, *words, 0, number});
        } else if (block == Block::script && runs_aa_nats(line)) {
            const std::optional<int> stated = stated_exit_of(line);
            if (every_command || stated) steps.push_back({DocStep::Kind::command, line, stated.value_or(0), number});
        } else if (block == Block::script && every_command && export_of(line)) {
            steps.push_back({DocStep::Kind::environment, *export_of(line), 0, number});
        } else if (block == Block::console) {
            console->read(line, number);
        }
    }
    return steps;
}

std::vector<std::string> words_of(std::string_view text) {
    std::istringstream in{std::string(text)};
    std::vector<std::string> words;
    for (std::string word; in >> word;) words.push_back(word);
    return words;
}

}  // namespace aa::test
