// Docs that run: every aa-nats command that README.md and docs/runbook.md
// show, and every example in docs/*.md that says how its command exited,
// runs as written, in order, against a real nats-server set up the way the
// document says, and must exit as the document says (tests/support/doc_steps.hpp
// has the rules; docs/architecture.md explains them to writers).

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "tests/support/doc_steps.hpp"
#include "tests/support/harness.hpp"

using namespace aa::test;
using namespace std::chrono_literals;

namespace {

const std::filesystem::path kSourceDir = AA_SOURCE_DIR;

std::string read_doc(const std::string& relative) {
    std::ifstream in(kSourceDir / relative);
    REQUIRE_MESSAGE(in.good(), "cannot read ", relative);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

// The servers a document runs against: one fresh nats-server, or a 3-node
// cluster when the document's first step is `<!-- doc-test: cluster -->`
// (a runbook for production, where NODE_ENV=production means 3 replicas).
class DocServers {
public:
    explicit DocServers(bool cluster) {
        if (cluster) {
            cluster_ = std::make_unique<NatsCluster>();
        } else {
            server_ = std::make_unique<NatsServer>();
        }
    }
    std::string urls() const { return cluster_ ? cluster_->urls() : server_->url(); }
    std::string url() const { return cluster_ ? cluster_->url(0) : server_->url(); }

private:
    std::unique_ptr<NatsServer> server_;
    std::unique_ptr<NatsCluster> cluster_;
};

bool wants_cluster(const std::vector<DocStep>& steps) {
    return !steps.empty() && steps.front().kind == DocStep::Kind::directive && steps.front().text == "cluster";
}

// A document's steps, run one after the other against fresh servers.
class DocRun {
public:
    DocRun(std::string doc, bool cluster) : doc_(std::move(doc)), cluster_(cluster) { start_servers(); }

    void run(const DocStep& step) {
        INFO(doc_, ":", step.line, ": ", step.text);
        const bool first = !std::exchange(servers_ready_, true);
        if (first && wants_cluster({step})) return;
        if (step.kind == DocStep::Kind::directive) {
            apply(words_of(step.text));
            return;
        }
        if (step.kind == DocStep::Kind::environment) {
            const auto equals = step.text.find('=');
            env_[step.text.substr(0, equals)] = step.text.substr(equals + 1);
            return;
        }
        const RunResult result = run_shell(step.text, env_, 120s, std::exchange(interrupt_after_, std::nullopt));
        INFO("stdout:\n", result.out, "\nstderr:\n", result.err);
        CHECK_MESSAGE(result.exit_code == step.expected_exit, "exited ", result.exit_code, ", the document says ",
                      step.expected_exit);
        ++commands_run_;
    }

    int commands_run() const { return commands_run_; }

private:
    // What the prose says happens between two commands, done with a client
    // that is not aa-nats (the services' part).
    void apply(const std::vector<std::string>& words) {
        REQUIRE_FALSE(words.empty());
        const std::string& verb = words[0];
        if (verb == "fresh-server" && words.size() == 1) {
            start_servers();
        } else if (verb == "cluster") {
            FAIL("`cluster` must be the document's first step");
        } else if (verb == "legacy-stream" && words.size() <= 2) {
            Json config = legacy_stream_config();
            if (words.size() == 2) config["num_replicas"] = std::stoi(words[1]);
            client_->create_stream(config);
        } else if (verb == "durable" && (words.size() == 3 || words.size() == 4)) {
            Json config{{"durable_name", words[2]}, {"ack_policy", "explicit"}, {"max_deliver", 5},
                        {"ack_wait", 60'000'000'000LL}};
            if (words.size() == 4) config["filter_subject"] = words[3];
            client_->create_durable(words[1], config);
        } else if (verb == "stream" && words.size() >= 3) {
            client_->create_stream(Json{{"name", words[1]},
                                        {"subjects", std::vector<std::string>(words.begin() + 2, words.end())},
                                        {"storage", "file"}});
        } else if (verb == "push-durable" && words.size() == 4) {
            client_->create_durable(words[1], Json{{"durable_name", words[2]}, {"deliver_subject", words[3]},
                                                   {"ack_policy", "explicit"}});
        } else if (verb == "deliver" && words.size() == 8 && words[4] == "ack" && words[6] == "redeliver") {
            deliver(words[1], words[2], std::stoi(words[3]), std::stoi(words[5]), std::stoi(words[7]));
        } else if (verb == "publish" && words.size() == 3) {
            for (int i = 0; i < std::stoi(words[2]); ++i) client_->js_publish(words[1], "event " + std::to_string(i));
        } else if (verb == "consume" && words.size() == 3) {
            for (const Fetched& message : client_->fetch(words[1], words[2], 1000)) client_->ack(message);
            client_->flush();
        } else if (verb == "interrupt-after" && words.size() == 2) {
            interrupt_after_ = std::chrono::milliseconds(std::stoi(words[1]));
        } else {
            FAIL("unknown doc-test directive (see tests/support/doc_steps.hpp)");
        }
    }

    // A consumer at work: COUNT messages delivered, the first ACKED
    // acknowledged, the next REDELIVERED refused (nak) and delivered again,
    // the rest left unacknowledged.
    void deliver(const std::string& stream, const std::string& durable, int count, int acked, int redelivered) {
        const std::vector<Fetched> first = client_->fetch(stream, durable, count);
        REQUIRE(static_cast<int>(first.size()) == count);
        for (int i = 0; i < acked; ++i) client_->ack(first[static_cast<std::size_t>(i)]);
        for (int i = acked; i < acked + redelivered; ++i) client_->nak(first[static_cast<std::size_t>(i)]);
        if (redelivered > 0) REQUIRE(static_cast<int>(client_->fetch(stream, durable, redelivered).size()) == redelivered);
        client_->flush();
    }

    // A new, empty server (or cluster) for the steps that follow: a
    // document's second scenario starts from its own beginning.
    void start_servers() {
        client_.reset();
        servers_.reset();
        servers_ = std::make_unique<DocServers>(cluster_);
        client_ = std::make_unique<TestClient>(servers_->url());
        env_["NATS_URL"] = servers_->urls();
    }

    std::string doc_;
    bool cluster_ = false;
    std::unique_ptr<DocServers> servers_;
    std::unique_ptr<TestClient> client_;
    bool servers_ready_ = false;
    std::map<std::string, std::string> env_;
    std::optional<std::chrono::milliseconds> interrupt_after_;
    int commands_run_ = 0;
};

int run_doc(const std::string& relative, StepScope scope = StepScope::every_command) {
    const std::vector<DocStep> steps = doc_steps(read_doc(relative), scope);
    DocRun run(relative, wants_cluster(steps));
    for (const DocStep& step : steps) run.run(step);
    return run.commands_run();
}

}  // namespace

TEST_CASE("doc steps: commands, the exit codes the document states, and directives, in order") {
    const std::string markdown = R"(# Title
Some prose with aa-nats stream-info in it, not a command.

```bash
aa-nats ensure-streams --dry-run                # the plan
NODE_ENV=production aa-nats ensure-streams --phase 1 && aa-nats migrate-verify 1
bash scripts/quickstart.sh
```

<!-- doc-test: durable AA_CORE_HOT hrv -->

```bash
aa-nats migrate-verify 2   # exit 1 until the services ran
aa-nats migrate-verify 0   # then: exit 0 verified, 1 not yet
```

```console
$ aa-nats stream-info --all
NAME ...
$ echo $?
0
$ aa-nats consumer-diag --max-pending 10
Verdict: BACKLOG
$ echo $?
1
$ aa-nats stream-info
(no code claimed: not a step)
```

```
aa-nats not-a-step   # an unlabelled block is output, not commands
```
)";
    const std::vector<DocStep> steps = doc_steps(markdown);
    REQUIRE(steps.size() == 7);
    CHECK(steps[0].text == "aa-nats ensure-streams --dry-run                # the plan");
    CHECK(steps[0].line == 5);
    CHECK(steps[1].text.starts_with("NODE_ENV=production aa-nats"));
    CHECK(steps[2].kind == DocStep::Kind::directive);
    CHECK(words_of(steps[2].text) == std::vector<std::string>{"durable", "AA_CORE_HOT", "hrv"});
    CHECK(steps[3].expected_exit == 1);
    CHECK(steps[4].expected_exit == 0);
    CHECK(steps[5].text == "aa-nats stream-info --all");
    CHECK(steps[5].expected_exit == 0);
    CHECK(steps[6].text == "aa-nats consumer-diag --max-pending 10");
    CHECK(steps[6].expected_exit == 1);

    const std::vector<DocStep> stated = doc_steps(markdown, StepScope::stated_exits);
    REQUIRE(stated.size() == 4);  // the directive, "# exit 1", and the two console examples
    CHECK(stated[1].expected_exit == 1);
}

TEST_CASE("README.md runs as written") {
    CHECK(run_doc("README.md") >= 15);
}

TEST_CASE("docs/runbook.md runs as written") {
    CHECK(run_doc("docs/runbook.md") >= 20);
}

TEST_CASE("the examples in docs/*.md that state an exit code run as written") {
    for (const auto& entry : std::filesystem::directory_iterator(kSourceDir / "docs")) {
        const std::string name = entry.path().filename().string();
        if (entry.path().extension() != ".md" || name == "runbook.md") continue;
        CAPTURE(name);
        run_doc("docs/" + name, StepScope::stated_exits);
    }
}

TEST_CASE("docs/ci/streams-gate.sh passes in both modes on a fresh server, and fails on drift") {
    const std::string gate = "bash " + (kSourceDir / "docs/ci/streams-gate.sh").string();
    for (const std::string mode : {"single", "multi"}) {
        CAPTURE(mode);
        NatsServer server;
        TempDir work;
        const std::map<std::string, std::string> env{{"NATS_URL", server.url()}, {"EVENT_STREAM_MODE", mode}};
        const RunResult passed = run_shell("cd " + work.path().string() + " && " + gate, env);
        INFO("stdout:\n", passed.out, "\nstderr:\n", passed.err);
        CHECK(passed.exit_code == 0);
        CHECK(std::filesystem::exists(work.path() / "ensure-streams.json"));
        CHECK(std::filesystem::exists(work.path() / "migrate-verify.json"));

        // A stream outside the topology capturing dlq.> where the DLQ stream
        // should: the gate may not take the subject from it, so it fails.
        TestClient client(server.url());
        client.delete_stream("AA_DLQ");
        client.create_stream(Json{{"name", "SOMEONE_ELSES"}, {"subjects", {"dlq.>"}}});
        const RunResult failed = run_shell("cd " + work.path().string() + " && " + gate, env);
        INFO("stdout:\n", failed.out, "\nstderr:\n", failed.err);
        CHECK(failed.exit_code == 1);
    }
}
