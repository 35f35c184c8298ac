#pragma once
// Real nats-servers and a real aa-nats binary for integration tests. Servers
// run on free loopback ports with temporary stores and are always stopped,
// even when a test fails (RAII).

#include <chrono>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

namespace aa::test {

using Json = nlohmann::json;

// The legacy stream as the services created it before the migration:
// athlete-ally.>, vendor.> and sleep.*, file storage, R1, MAX_AGE_NS (24h).
Json legacy_stream_config(long long max_age_ns = 24 * 3'600'000'000'000LL);

// The version of the nats-server the tests run against ("2.10.27"), as that
// binary reports it. CTest runs each integration test once per server
// version (tests/CMakeLists.txt); tests that meet a version difference ask.
const std::string& server_version();
bool server_at_least(int major, int minor, int patch = 0);
// How aa-nats names that server in its header: "nats-server 2.9.10", or with
// the JetStream API level from 2.11 on: "nats-server 2.15.1, API level 5".
std::string shown_server();
// SUBJECTS (API requests one aa-nats run sent) without its one $JS.API.INFO,
// which it sends along with its first batch to servers from 2.11 on and never
// to older ones: checked here.
std::vector<std::string> without_api_level_request(std::vector<std::string> subjects);

// A loopback TCP port that nothing listens on right now.
int free_port();

// A temporary directory removed with everything in it on destruction.
class TempDir {
public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::filesystem::path& path() const { return path_; }
    // Writes a file below the directory and returns its path.
    std::string write(const std::string& name, const std::string& content) const;

private:
    std::filesystem::path path_;
};

struct ServerOptions {
    bool jetstream = true;
    std::string user;      // with password: the server requires them
    std::string password;
    std::vector<std::string> extra_args;
};

// A nats-server that exited as it started (most often: its port was taken).
struct PortTaken : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// One nats-server process.
class NatsServer {
public:
    explicit NatsServer(ServerOptions options = {});
    ~NatsServer();
    NatsServer(const NatsServer&) = delete;
    NatsServer& operator=(const NatsServer&) = delete;

    std::string url() const;  // nats://127.0.0.1:<port>
    int port() const { return port_; }
    void stop();
    void start();  // again, same port and store
    bool running() const { return pid_ > 0; }
    std::filesystem::path log_path() const;        // what the server writes, kept until the store goes
    std::string log_tail(std::size_t lines) const;  // its last LINES lines
    std::size_t times_logged(const std::string& line) const;  // log lines holding LINE

private:
    friend class NatsCluster;
    friend class NatsLeafPair;
    NatsServer(ServerOptions options, int port, std::filesystem::path store, std::vector<std::string> args);
    void launch();

    ServerOptions options_;
    int port_ = 0;
    std::unique_ptr<TempDir> own_dir_;
    std::filesystem::path store_;
    std::vector<std::string> args_;
    int pid_ = -1;
};

// A 3-node JetStream cluster on loopback, ready when constructed (meta leader
// elected). EXTRA_ARGS go to every node ({"--no_advertise=true"}: a cluster whose
// greetings name no other server).
class NatsCluster {
public:
    explicit NatsCluster(int nodes = 3, const std::vector<std::string>& extra_args = {});
    ~NatsCluster();
    std::string url(int node = 0) const;
    std::string urls() const;  // every node, comma-separated
    NatsServer& node(int index) { return *nodes_.at(static_cast<std::size_t>(index)); }
    int size() const { return static_cast<int>(nodes_.size()); }
    std::string node_name(int index) const { return "n" + std::to_string(index + 1); }

private:
    void wait_for_every_peer(int nodes);

    TempDir dir_;
    std::vector<std::unique_ptr<NatsServer>> nodes_;
};

// A hub and a standalone JetStream leaf node on loopback, ready when
// constructed. The leaf connects to the hub's leafnode port, names cluster
// "edge1" in its INFO greeting (as the edge set-up does; it is for
// leafnode routing, the leaf is not clustered) and runs JetStream in domain
// "edge", which clients of the hub (no JetStream of its own) reach with
// --js-domain edge.
class NatsLeafPair {
public:
    static constexpr const char* kDomain = "edge";
    static constexpr const char* kLeafCluster = "edge1";

    NatsLeafPair();
    ~NatsLeafPair();
    NatsServer& hub() { return *hub_; }
    NatsServer& leaf() { return *leaf_; }
    // Stops and starts the leaf (same port and store) and waits until its
    // JetStream answers, directly and through the hub.
    void restart_leaf();

private:
    void wait_until_ready();

    TempDir dir_;
    std::unique_ptr<NatsServer> hub_;
    std::unique_ptr<NatsServer> leaf_;
};

// Waits until JetStream at URL answers API requests on API_PREFIX (a cluster
// has a leader; a leaf node's domain is reachable through its hub).
void wait_for_jetstream(const std::string& url, std::chrono::milliseconds limit = std::chrono::seconds(20),
                        const std::string& api_prefix = "$JS.API");

struct RunResult {
    int exit_code = -1;    // 128 + N when killed by signal N, as a shell reports it
    int killed_by = 0;     // the signal that killed the process; 0 when it exited by itself
    std::string out;
    std::string err;
    std::chrono::milliseconds elapsed{0};
    Json json() const;  // stdout parsed; fails the test if it is not one JSON document
};

// Runs the aa-nats binary with ARGS in a clean environment (HOME and
// XDG_CONFIG_HOME point at an empty directory) plus ENV; STDIN is empty.
RunResult run_aa_nats(const std::vector<std::string>& args, const std::map<std::string, std::string>& env = {},
                      std::chrono::seconds limit = std::chrono::seconds(60));

// Same, but sends the process SIGINT (Ctrl-C) once INTERRUPT_AFTER has passed.
RunResult run_aa_nats_interrupted(const std::vector<std::string>& args, std::chrono::milliseconds interrupt_after,
                                  const std::map<std::string, std::string>& env = {},
                                  std::chrono::seconds limit = std::chrono::seconds(60));

// Runs LINE with `bash -c`, as an operator pasting it into a terminal would,
// in the same clean environment as run_aa_nats plus ENV, with the tested
// aa-nats first on PATH. INTERRUPT_AFTER, when given, sends SIGINT then to the
// line's whole process group, as Ctrl-C on a terminal does.
RunResult run_shell(const std::string& line, const std::map<std::string, std::string>& env = {},
                    std::chrono::seconds limit = std::chrono::seconds(60),
                    std::optional<std::chrono::milliseconds> interrupt_after = std::nullopt);

// The aa-nats binary running in the background (same clean environment as
// run_aa_nats), for tests that act while it runs: send it a signal at a
// chosen moment, then collect its result. Killed if still running at destruction.
class AaNatsProcess {
public:
    explicit AaNatsProcess(const std::vector<std::string>& args, const std::map<std::string, std::string>& env = {});
    // PROGRAM with ARGS in the same environment (PATH: the tested aa-nats first).
    AaNatsProcess(const std::string& program, const std::vector<std::string>& args,
                  const std::map<std::string, std::string>& env);
    ~AaNatsProcess();
    AaNatsProcess(const AaNatsProcess&) = delete;
    AaNatsProcess& operator=(const AaNatsProcess&) = delete;

    void signal(int signal_number);
    // Waits for the exit (killing it after LIMIT) and returns what it printed.
    RunResult wait(std::chrono::seconds limit = std::chrono::seconds(60));

private:
    int pid_ = -1;
    bool group_ = false;  // signals go to the process group (a shell line and its commands)
    std::chrono::steady_clock::time_point started_;
    RunResult result_;
    std::thread reader_;  // collects stdout and stderr until both close
};

// A message fetched from a pull consumer, with the subject to acknowledge it on.
struct Fetched {
    std::string subject;
    std::string reply;
    std::string data;
};

// An independent NATS client (raw nats.c requests, not aa-nats' code) that
// tests use to build server state and to check it.
class TestClient {
public:
    explicit TestClient(const std::string& url, const std::string& user = "", const std::string& password = "");
    ~TestClient();
    TestClient(const TestClient&) = delete;
    TestClient& operator=(const TestClient&) = delete;

    // A JSON request; the reply parsed. nullopt on timeout or no responders.
    std::optional<Json> request(const std::string& subject, const Json& body,
                                std::chrono::milliseconds timeout = std::chrono::seconds(5));
    // Same, but the test fails unless the reply is a success.
    Json api(const std::string& subject, const Json& body = nullptr);

    Json create_stream(const Json& config);
    Json create_durable(const std::string& stream, const Json& config);
    Json stream_info(const std::string& name);  // the raw reply (error included)
    void delete_stream(const std::string& name);
    // Publishes through JetStream and returns the PubAck (fails on no ack).
    Json js_publish(const std::string& subject, const std::string& data);
    void publish(const std::string& subject, const std::string& data);
    // A JetStream publish that never fails the test (safe off the test thread):
    // the PubAck (or the error reply), or nullopt on no responders or timeout.
    std::optional<Json> try_js_publish(const std::string& subject, const std::string& data,
                                       std::chrono::milliseconds timeout = std::chrono::seconds(2));
    // Pull up to BATCH messages from a durable pull consumer (no_wait).
    std::vector<Fetched> fetch(const std::string& stream, const std::string& durable, int batch);
    void ack(const Fetched& message);
    void nak(const Fetched& message);
    void flush();

    // Counts requests seen on a subject pattern (e.g. "$JS.API.>") while alive.
    class Spy {
    public:
        Spy(TestClient& client, const std::string& pattern);
        ~Spy();
        struct Request {
            std::string subject;
            std::string body;
        };
        std::vector<Request> requests();      // seen so far, after a flush
        std::vector<std::string> subjects();  // theirs, likewise
    private:
        TestClient& client_;
        void* sub_ = nullptr;
    };

private:
    void* conn_ = nullptr;
};

}  // namespace aa::test
