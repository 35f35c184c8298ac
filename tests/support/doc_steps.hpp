#pragma once
// The aa-nats commands a Markdown document shows, in order, with the exit
// code it says each one ends with: what the doc-running test executes
// against a real server (tests/integration/docs_run_test.cpp).
//
// What counts as a step (docs/architecture.md, "Docs that run", explains it to
// writers):
// - in a ```bash or ```sh block, every line whose command (after any
//   VAR=value prefixes) is aa-nats; the whole line runs in bash, so
//   `a && b` and `VAR=x aa-nats ...` run as an operator pasting them would.
//   It must exit 0, or N when its comment starts with "exit N"
//   (`aa-nats migrate-verify 1   # exit 1 until the services ran`);
//   an `export NAME=VALUE` line there sets NAME for the steps after it, as
//   it would in the operator's shell;
// - in a ```console block, every `$ aa-nats ...` line followed, before the
//   next command, by `$ echo $?` and the code it printed (a block that does
//   not say how its command exited claims nothing and is not run);
// - outside code, `<!-- doc-test: WORDS -->` comments: directives that set
//   up what the prose says happens between commands (a service creating its
//   durable...), invisible when the Markdown is rendered.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace aa::test {

struct DocStep {
    enum class Kind { command, directive, environment };
    Kind kind = Kind::command;
    std::string text;  // the shell line, the directive's words, or NAME=VALUE
    int expected_exit = 0;
    int line = 0;  // 1-based, in the document
};

// Which commands of a document are steps: every one (README, the runbook), or
// only those that state how they exit (the reference pages in docs/, whose
// other examples show output or need a set-up of their own).
enum class StepScope { every_command, stated_exits };

std::vector<DocStep> doc_steps(std::string_view markdown, StepScope scope = StepScope::every_command);

// The words of a directive: "durable AA_CORE_HOT x" -> {"durable", "AA_CORE_HOT", "x"}.
std::vector<std::string> words_of(std::string_view text);

}  // namespace aa::test
