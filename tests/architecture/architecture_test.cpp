// The shape of the code (docs/architecture.md), checked on the sources so it
// cannot drift: src/ is a flat core with no upward include, commands never
// reach into each other, one file knows nats.c, only the JetStream client
// spells API subjects, and no file or function grows past what a newcomer can
// read in one sitting.

#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

constexpr std::size_t kMaxFloors = 6;
constexpr std::size_t kMaxFileLines = 300;
constexpr std::size_t kMaxFunctionLines = 60;

struct SourceFile {
    std::string path;  // relative to the repository root: "src/text.cpp"
    std::vector<std::string> lines;
    std::vector<std::string> includes;  // the project's own: "src/text.hpp"
};

std::vector<SourceFile> read_sources() {
    std::vector<SourceFile> files;
    const fs::path root(AA_SOURCE_DIR);
    const std::regex include_line(R"re(^#include "([^"]+)")re");
    for (const char* folder : {"src", "commands"}) {
        for (const auto& entry : fs::recursive_directory_iterator(root / folder)) {
            const std::string ext = entry.path().extension().string();
            if (!entry.is_regular_file() || (ext != ".cpp" && ext != ".hpp")) continue;
            SourceFile file{fs::relative(entry.path(), root).generic_string(), {}, {}};
            std::ifstream in(entry.path());
            for (std::string line; std::getline(in, line);) {
                std::smatch m;
                if (std::regex_search(line, m, include_line)) file.includes.push_back(m[1]);
                file.lines.push_back(line);
            }
            files.push_back(std::move(file));
        }
    }
    std::sort(files.begin(), files.end(), [](const auto& a, const auto& b) { return a.path < b.path; });
    return files;
}

const std::vector<SourceFile>& sources() {
    static const std::vector<SourceFile> files = read_sources();
    return files;
}

bool starts_with(const std::string& text, const std::string& prefix) { return text.rfind(prefix, 0) == 0; }

// "commands/ensure_streams/plan.cpp" -> "ensure_streams"; "" for files directly under commands/.
std::string command_of(const std::string& path) {
    if (!starts_with(path, "commands/")) return "";
    const std::string rest = path.substr(9);
    const auto slash = rest.find('/');
    return slash == std::string::npos ? "" : rest.substr(0, slash);
}

// A file's floor: 1 for one that includes nothing of the project's, else one
// above the highest file it includes.
std::map<std::string, std::size_t> floors() {
    std::map<std::string, const SourceFile*> by_path;
    for (const auto& f : sources()) by_path[f.path] = &f;
    std::map<std::string, std::size_t> floor;
    std::function<std::size_t(const std::string&)> of = [&](const std::string& path) -> std::size_t {
        if (const auto it = floor.find(path); it != floor.end()) return it->second;
        floor[path] = 0;  // a cycle would read 0 here and show up as a low floor; cycles are checked apart
        std::size_t highest = 0;
        for (const auto& inc : by_path.at(path)->includes) {
            if (by_path.count(inc)) highest = std::max(highest, of(inc));
        }
        return floor[path] = highest + 1;
    };
    for (const auto& f : sources()) of(f.path);
    return floor;
}

// Where each function defined at namespace scope starts and how many lines it
// spans: a line at column 0 that is not a declaration of a type, a namespace
// or a preprocessor line, whose body opens before any ';' and closes with a
// "}" at column 0 (the layout clang-format gives every file here).
std::vector<std::pair<std::size_t, std::size_t>> function_spans(const SourceFile& file) {
    static const std::regex not_a_function(
        R"(^(namespace|struct|class|enum|union|template|using|typedef|extern|static_assert|#|//|/\*|\}|\{))");
    std::vector<std::pair<std::size_t, std::size_t>> spans;
    const auto& lines = file.lines;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const std::string& line = lines[i];
        if (line.empty() || line[0] == ' ' || std::regex_search(line, not_a_function)) continue;
        std::size_t open = i;
        while (open < lines.size() && lines[open].find(';') == std::string::npos && lines[open].find('{') == std::string::npos) ++open;
        if (open == lines.size() || lines[open].find('{') == std::string::npos) continue;  // a declaration
        if (lines[open].find('}') != std::string::npos && lines[open].back() != '{') continue;  // a one-liner
        std::size_t close = open + 1;
        while (close < lines.size() && lines[close] != "}") ++close;
        if (close == lines.size()) continue;
        spans.emplace_back(i + 1, close - i + 1);
        i = close;
    }
    return spans;
}

}  // namespace

TEST_CASE("src/ is at most six floors, and never includes commands/") {
    const auto floor = floors();
    for (const auto& f : sources()) {
        if (!starts_with(f.path, "src/")) continue;
        INFO(f.path);
        CHECK(floor.at(f.path) <= kMaxFloors);
        for (const auto& inc : f.includes) CHECK_MESSAGE(!starts_with(inc, "commands/"), "includes " << inc);
    }
}

TEST_CASE("no include cycle anywhere") {
    std::map<std::string, std::vector<std::string>> graph;
    for (const auto& f : sources()) graph[f.path] = f.includes;
    std::map<std::string, int> state;  // 1 visiting, 2 done
    std::vector<std::string> stack;
    std::function<void(const std::string&)> visit = [&](const std::string& path) {
        state[path] = 1;
        stack.push_back(path);
        for (const auto& inc : graph[path]) {
            if (!graph.count(inc)) continue;
            if (state[inc] == 1) {
                std::string cycle;
                for (auto it = std::find(stack.begin(), stack.end(), inc); it != stack.end(); ++it) cycle += *it + " -> ";
                FAIL_CHECK("include cycle: " << cycle << inc);
            } else if (state[inc] == 0) {
                visit(inc);
            }
        }
        stack.pop_back();
        state[path] = 2;
    };
    for (const auto& [path, _] : graph) {
        if (state[path] == 0) visit(path);
    }
}

TEST_CASE("a command includes only its own folder and src/; only main and the CLI see every command") {
    for (const auto& f : sources()) {
        const std::string own = command_of(f.path);
        if (!starts_with(f.path, "commands/")) continue;
        INFO(f.path);
        for (const auto& inc : f.includes) {
            if (!starts_with(inc, "commands/")) continue;
            const std::string theirs = command_of(inc);
            // Files directly under commands/ (main, the CLI) tie the commands together.
            if (own.empty()) continue;
            CHECK_MESSAGE(theirs == own, "includes another command's " << inc);
        }
    }
}

// The connection and the callbacks it hands nats.c to sign with.
TEST_CASE("only src/nats_connection.cpp and src/nonce_signer.* include nats.c") {
    std::vector<std::string> users;
    for (const auto& f : sources()) {
        for (const auto& line : f.lines) {
            if (starts_with(line, "#include <nats/")) users.push_back(f.path);
        }
    }
    std::sort(users.begin(), users.end());
    CHECK(users == std::vector<std::string>{"src/nats_connection.cpp", "src/nonce_signer.hpp"});
}

TEST_CASE("only the JetStream client spells API subjects") {
    static const std::regex api_verb(R"re("(\$JS\.API\.|STREAM\.(INFO|LIST|NAMES|CREATE|UPDATE|DELETE)|CONSUMER\.(INFO|LIST|NAMES|CREATE|DELETE)))re");
    for (const auto& f : sources()) {
        if (starts_with(f.path, "src/jetstream_")) continue;
        for (std::size_t i = 0; i < f.lines.size(); ++i) {
            CHECK_MESSAGE(!std::regex_search(f.lines[i], api_verb), f.path << ":" << i + 1 << ": " << f.lines[i]);
        }
    }
}

TEST_CASE("no file over 300 lines, no function over 60") {
    for (const auto& f : sources()) {
        INFO(f.path);
        CHECK(f.lines.size() <= kMaxFileLines);
        for (const auto& span : function_spans(f)) {  // not a structured binding: clang 14 cannot capture one
            const auto line = span.first;
            const auto length = span.second;
            CHECK_MESSAGE(length <= kMaxFunctionLines, f.path << ":" << line << " is " << length << " lines long");
        }
    }
}

TEST_CASE("the function finder finds functions (so the length check can fail)") {
    SourceFile sample{"x.cpp",
                      {"namespace aa {", "", "int f(int a,", "      int b) {", "    return a + b;", "}", "",
                       "struct S {", "    int g() { return 1; }", "};", "int declared(int);", "int one() { return 1; }",
                       "}  // namespace aa"},
                      {}};
    const auto spans = function_spans(sample);
    REQUIRE(spans.size() == 1);
    CHECK(spans[0] == std::make_pair(std::size_t{3}, std::size_t{4}));
}
