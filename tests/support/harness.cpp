#include "tests/support/harness.hpp"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <nats/nats.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <random>
#include <stdexcept>
#include <thread>

#include <doctest/doctest.h>
#include <fmt/format.h>

extern char** environ;

namespace aa::test {

Json legacy_stream_config(long long max_age_ns) {
    return Json{{"name", "ATHLETE_ALLY_EVENTS"},
                {"subjects", {"athlete-ally.>", "vendor.>", "sleep.*"}},
                {"max_age", max_age_ns},
                {"storage", "file"},
                {"discard", "old"},
                {"duplicate_window", 120'000'000'000LL},
                {"num_replicas", 1}};
}
namespace {

using namespace std::chrono_literals;

std::vector<char*> c_strings(std::vector<std::string>& items) {
    std::vector<char*> out;
    for (auto& s : items) out.push_back(s.data());
    out.push_back(nullptr);
    return out;
}

bool port_accepts(int port) {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<uint16_t>(port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    const bool ok = ::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
    ::close(fd);
    return ok;
}

// OWN_GROUP starts the process in a process group of its own, as a shell
// starts a job, so a signal can reach it and its children together.
int spawn(const std::string& program, std::vector<std::string> args, const std::vector<std::string>* env,
          const std::string& log_file, int stdout_fd = -1, int stderr_fd = -1, bool own_group = false) {
    args.insert(args.begin(), program);
    auto argv = c_strings(args);
    std::vector<std::string> env_copy;
    std::vector<char*> envp;
    if (env != nullptr) {
        env_copy = *env;
        envp = c_strings(env_copy);
    }
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
    if (!log_file.empty()) {
        posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, log_file.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
        posix_spawn_file_actions_adddup2(&actions, STDOUT_FILENO, STDERR_FILENO);
    } else {
        posix_spawn_file_actions_adddup2(&actions, stdout_fd, STDOUT_FILENO);
        posix_spawn_file_actions_adddup2(&actions, stderr_fd, STDERR_FILENO);
    }
    posix_spawnattr_t attributes;
    posix_spawnattr_init(&attributes);
    if (own_group) {
        posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETPGROUP);
        posix_spawnattr_setpgroup(&attributes, 0);
    }
    pid_t pid = -1;
    const int rc = ::posix_spawnp(&pid, program.c_str(), &actions, &attributes, argv.data(),
                                  env != nullptr ? envp.data() : environ);
    posix_spawnattr_destroy(&attributes);
    posix_spawn_file_actions_destroy(&actions);
    if (rc != 0) throw std::runtime_error("cannot start " + program);
    return pid;
}

// The exit status as a shell reports it (128 + N when killed by signal N);
// KILLED_BY, when given, gets the signal (0 when it exited by itself).
int wait_exit(int pid, std::chrono::milliseconds limit, int* killed_by = nullptr) {
    const auto deadline = std::chrono::steady_clock::now() + limit;
    int status = 0;
    while (true) {
        const pid_t r = ::waitpid(pid, &status, WNOHANG);
        if (r == pid) {
            if (killed_by != nullptr) *killed_by = WIFSIGNALED(status) ? WTERMSIG(status) : 0;
            return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
        }
        if (std::chrono::steady_clock::now() > deadline) {
            ::kill(pid, SIGKILL);
            ::waitpid(pid, &status, 0);
            return -1;
        }
        std::this_thread::sleep_for(5ms);
    }
}

// The server under test: NATS_SERVER_BIN (set by CTest per server version),
// else the one on PATH. A binary that is not there fails the test with the
// way to get it, rather than letting a version go untested unnoticed.
std::string nats_server_binary() {
    const char* bin = std::getenv("NATS_SERVER_BIN");
    if (bin == nullptr) return "nats-server";
    if (::access(bin, X_OK) != 0)
        throw std::runtime_error(fmt::format("the nats-server under test, {}, is not there: run scripts/fetch-servers.sh", bin));
    return bin;
}

std::string read_server_version() {
    const std::string binary = nats_server_binary();
    std::string printed;
    if (FILE* pipe = ::popen(("'" + binary + "' --version 2>&1").c_str(), "r")) {
        char buffer[256];
        while (std::fgets(buffer, sizeof buffer, pipe) != nullptr) printed += buffer;
        ::pclose(pipe);
    }
    const std::string prefix = "nats-server: v";
    if (!printed.starts_with(prefix)) throw std::runtime_error(fmt::format("{} --version printed '{}'", binary, printed));
    std::string version = printed.substr(prefix.size());
    while (!version.empty() && (version.back() == '\n' || version.back() == '\r')) version.pop_back();
    return version;
}

natsConnection* as_conn(void* p) { return static_cast<natsConnection*>(p); }

}  // namespace

const std::string& server_version() {
    static const std::string version = read_server_version();
    return version;
}

bool server_at_least(int major, int minor, int patch) {
    int have[3] = {0, 0, 0};
    std::sscanf(server_version().c_str(), "%d.%d.%d", &have[0], &have[1], &have[2]);
    const int want[3] = {major, minor, patch};
    return std::lexicographical_compare(want, want + 3, have, have + 3) || std::equal(want, want + 3, have);
}

std::string shown_server() {
    if (!server_at_least(2, 11)) return "nats-server " + server_version();
    // The levels the servers of scripts/fetch-servers.sh report ($JS.API.INFO api.level).
    static const std::map<std::string, int> levels{{"2.15.1", 5}};
    const auto level = levels.find(server_version());
    if (level == levels.end()) throw std::runtime_error("the API level of nats-server " + server_version() + " is not known here");
    return fmt::format("nats-server {}, API level {}", server_version(), level->second);
}

std::vector<std::string> without_api_level_request(std::vector<std::string> subjects) {
    const auto asked = std::count(subjects.begin(), subjects.end(), "$JS.API.INFO");
    CHECK(asked == (server_at_least(2, 11) ? 1 : 0));
    std::erase(subjects, "$JS.API.INFO");
    return subjects;
}

namespace {

// The lowest port the kernel hands out to outgoing connections: a server port
// chosen from that range can be taken by any client's connection in between.
int ephemeral_low() {
    std::ifstream range("/proc/sys/net/ipv4/ip_local_port_range");
    int low = 32768;
    range >> low;
    return low;
}

bool can_bind(int port) {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = htons(static_cast<std::uint16_t>(port));
    const bool bound = ::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
    ::close(fd);
    return bound;
}

}  // namespace

int free_port() {
    // Below the ephemeral range, at random: parallel tests rarely pick the same
    // one, and no client connection is given it (NatsServer retries if taken).
    static std::mt19937 random(std::random_device{}());
    const int high = std::min(ephemeral_low(), 65536) - 1;
    std::uniform_int_distribution<int> pick(std::min(10000, high / 2), high);
    while (true) {
        const int port = pick(random);
        if (can_bind(port)) return port;
    }
}

TempDir::TempDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "aa-nats-test-XXXXXX").string();
    if (::mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
    path_ = pattern;
}

TempDir::~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
}

std::string TempDir::write(const std::string& name, const std::string& content) const {
    const auto file = path_ / name;
    std::filesystem::create_directories(file.parent_path());
    std::ofstream(file, std::ios::binary) << content;
    return file.string();
}

NatsServer::NatsServer(ServerOptions options) : options_(std::move(options)) {
    own_dir_ = std::make_unique<TempDir>();
    store_ = own_dir_->path() / "store";
    // A port another test took between free_port() and the bind: another one.
    for (int attempt = 1;; ++attempt) {
        port_ = free_port();
        try {
            start();
            return;
        } catch (const PortTaken&) {
            if (attempt == 3) throw;
        }
    }
}

NatsServer::NatsServer(ServerOptions options, int port, std::filesystem::path store, std::vector<std::string> args)
    : options_(std::move(options)), port_(port), store_(std::move(store)), args_(std::move(args)) {}

NatsServer::~NatsServer() { stop(); }

std::string NatsServer::url() const { return "nats://127.0.0.1:" + std::to_string(port_); }

void NatsServer::launch() {
    std::vector<std::string> args{"-a", "127.0.0.1", "-p", std::to_string(port_), "-sd", store_.string()};
    if (options_.jetstream) args.push_back("-js");
    if (!options_.user.empty()) {
        args.insert(args.end(), {"--user", options_.user, "--pass", options_.password});
    }
    args.insert(args.end(), args_.begin(), args_.end());
    args.insert(args.end(), options_.extra_args.begin(), options_.extra_args.end());
    pid_ = spawn(nats_server_binary(), args, nullptr, log_path().string());
}

std::size_t NatsServer::times_logged(const std::string& line) const {
    std::ifstream in(log_path());
    std::size_t count = 0;
    for (std::string logged; std::getline(in, logged);) count += logged.find(line) != std::string::npos ? 1 : 0;
    return count;
}

void NatsServer::start() {
    if (running()) return;
    // Ready when this server says it listens, not when the port accepts: two
    // tests run in parallel can be given the same free port, and then the port
    // accepts for the one whose server lost the bind (and exited) too.
    const std::string listening = "Listening for client connections on 127.0.0.1:" + std::to_string(port_);
    const std::size_t before = times_logged(listening);
    launch();
    const auto deadline = std::chrono::steady_clock::now() + 10s;
    while (times_logged(listening) == before || !port_accepts(port_)) {
        int status = 0;
        if (::waitpid(pid_, &status, WNOHANG) == pid_) {
            pid_ = -1;
            throw PortTaken("nats-server exited on start on port " + std::to_string(port_) + ":\n" + log_tail(4));
        }
        if (std::chrono::steady_clock::now() > deadline) {
            stop();
            throw std::runtime_error("nats-server did not start on port " + std::to_string(port_));
        }
        std::this_thread::sleep_for(10ms);
    }
}

void NatsServer::stop() {
    if (!running()) return;
    ::kill(pid_, SIGTERM);
    wait_exit(pid_, 10s);
    pid_ = -1;
}

NatsCluster::NatsCluster(int nodes, const std::vector<std::string>& extra_args) {
    std::vector<int> client_ports;
    std::vector<int> route_ports;
    for (int i = 0; i < nodes; ++i) {
        client_ports.push_back(free_port());
        route_ports.push_back(free_port());
    }
    for (int i = 0; i < nodes; ++i) {
        std::string routes;
        for (int j = 0; j < nodes; ++j) {
            if (j == i) continue;
            if (!routes.empty()) routes += ',';
            routes += "nats://127.0.0.1:" + std::to_string(route_ports[static_cast<std::size_t>(j)]);
        }
        std::vector<std::string> args{"--server_name", node_name(i), "--cluster_name", "aa-test",
                                      "--cluster", "nats://127.0.0.1:" + std::to_string(route_ports[static_cast<std::size_t>(i)]),
                                      "--routes", routes};
        args.insert(args.end(), extra_args.begin(), extra_args.end());
        nodes_.push_back(std::unique_ptr<NatsServer>(new NatsServer(
            ServerOptions{}, client_ports[static_cast<std::size_t>(i)], dir_.path() / node_name(i) / "store", args)));
    }
    for (auto& node : nodes_) {
        std::filesystem::create_directories(node->store_.parent_path());
        node->start();
    }
    wait_for_jetstream(url(0), 30s);
    wait_for_every_peer(nodes);
}

// A meta leader can be elected before it knows every peer; an R3 create then
// answers 10005 (no suitable peers). Ready means a stream with a replica on
// every node can be made: one is, and deleted again.
std::filesystem::path NatsServer::log_path() const {
    return store_.parent_path() / ("server-" + std::to_string(port_) + ".log");
}

std::string NatsServer::log_tail(std::size_t lines) const {
    std::ifstream in(log_path());
    std::vector<std::string> kept;
    for (std::string line; std::getline(in, line);) {
        kept.push_back(line);
        if (kept.size() > lines) kept.erase(kept.begin());
    }
    std::string out;
    for (const auto& line : kept) out += line + '\n';
    return out;
}

void NatsCluster::wait_for_every_peer(int nodes) {
    TestClient client(url(0));
    const Json probe{{"name", "AA_TEST_PEERS"}, {"subjects", {"aa-test-peers"}}, {"storage", "memory"}, {"num_replicas", nodes}};
    const auto deadline = std::chrono::steady_clock::now() + 30s;
    while (true) {
        const auto reply = client.request("$JS.API.STREAM.CREATE.AA_TEST_PEERS", probe);
        if (reply && !reply->contains("error")) break;
        if (std::chrono::steady_clock::now() > deadline) {
            std::string logs;
            for (const auto& node : nodes_) logs += fmt::format("--- {}:\n{}", node->log_path().string(), node->log_tail(8));
            throw std::runtime_error("the cluster's peers did not all join within 30s: " +
                                     (reply ? reply->dump() : std::string("no reply")) + "\n" + logs);
        }
        std::this_thread::sleep_for(200ms);
    }
    client.delete_stream("AA_TEST_PEERS");
}

NatsCluster::~NatsCluster() {
    for (auto& node : nodes_) node->stop();
}

std::string NatsCluster::url(int node) const { return nodes_.at(static_cast<std::size_t>(node))->url(); }

std::string NatsCluster::urls() const {
    std::string out;
    for (const auto& node : nodes_) {
        if (!out.empty()) out += ',';
        out += node->url();
    }
    return out;
}

NatsLeafPair::NatsLeafPair() {
    const int leafnode_port = free_port();
    const std::string hub_conf =
        dir_.write("hub.conf", fmt::format("server_name: hub\nleafnodes {{ listen: \"127.0.0.1:{}\" }}\n", leafnode_port));
    // JetStream (-js) and its store (-sd) come from the command line, which
    // nats-server merges over the file.
    const std::string leaf_conf = dir_.write(
        "leaf.conf", fmt::format("server_name: leaf\n"
                                 "cluster {{ name: {} }}\n"
                                 "jetstream {{ domain: {} }}\n"
                                 "leafnodes {{ remotes [ {{ url: \"nats-leaf://127.0.0.1:{}\" }} ] }}\n",
                                 kLeafCluster, kDomain, leafnode_port));
    const ServerOptions no_jetstream{.jetstream = false, .user = {}, .password = {}, .extra_args = {}};
    hub_.reset(new NatsServer(no_jetstream, free_port(), dir_.path() / "hub" / "store", {"-c", hub_conf}));
    leaf_.reset(new NatsServer(ServerOptions{}, free_port(), dir_.path() / "leaf" / "store", {"-c", leaf_conf}));
    for (auto* server : {hub_.get(), leaf_.get()}) {
        std::filesystem::create_directories(server->store_.parent_path());
        server->start();
    }
    wait_until_ready();
}

NatsLeafPair::~NatsLeafPair() {
    leaf_->stop();
    hub_->stop();
}

void NatsLeafPair::restart_leaf() {
    leaf_->stop();
    leaf_->start();
    wait_until_ready();
}

void NatsLeafPair::wait_until_ready() {
    wait_for_jetstream(leaf_->url());
    wait_for_jetstream(hub_->url(), 20s, std::string("$JS.") + kDomain + ".API");
}

void wait_for_jetstream(const std::string& url, std::chrono::milliseconds limit, const std::string& api_prefix) {
    const auto deadline = std::chrono::steady_clock::now() + limit;
    TestClient client(url);
    while (std::chrono::steady_clock::now() < deadline) {
        // STREAM.NAMES needs the meta leader on a cluster, so a success means ready.
        if (auto reply = client.request(api_prefix + ".STREAM.NAMES", Json::object(), 1s)) {
            if (!reply->contains("error")) return;
        }
        std::this_thread::sleep_for(100ms);
    }
    throw std::runtime_error("JetStream at " + url + " did not become ready");
}

Json RunResult::json() const {
    const Json doc = Json::parse(out, nullptr, false);
    INFO("stdout: ", out, "\nstderr: ", err);
    REQUIRE_FALSE(doc.is_discarded());
    return doc;
}

namespace {

// Runs the binary; sends it SIGINT once INTERRUPT_AFTER has passed, when given.
RunResult run_binary(const std::vector<std::string>& args, const std::map<std::string, std::string>& env,
                     std::chrono::seconds limit, std::optional<std::chrono::milliseconds> interrupt_after) {
    AaNatsProcess process(args, env);
    if (interrupt_after) {
        std::this_thread::sleep_for(*interrupt_after);
        process.signal(SIGINT);
    }
    return process.wait(limit);
}

// Reads both pipes into OUT and ERR until both are closed.
void collect_output(int out_fd, int err_fd, std::string& out, std::string& err) {
    pollfd fds[2] = {{out_fd, POLLIN, 0}, {err_fd, POLLIN, 0}};
    std::string* sinks[2] = {&out, &err};
    int open_fds = 2;
    while (open_fds > 0) {
        if (::poll(fds, 2, 100) <= 0) continue;
        for (int i = 0; i < 2; ++i) {
            if (fds[i].fd < 0 || (fds[i].revents & (POLLIN | POLLHUP)) == 0) continue;
            char buffer[8192];
            const ssize_t n = ::read(fds[i].fd, buffer, sizeof buffer);
            if (n <= 0) {
                ::close(fds[i].fd);
                fds[i].fd = -1;
                --open_fds;
            } else {
                sinks[i]->append(buffer, static_cast<std::size_t>(n));
            }
        }
    }
}

// One request on CONN; nullopt when no reply came. A reply that is not JSON
// comes back as {"raw": <text>} so a test can show it.
std::optional<Json> request_once(natsConnection* conn, const std::string& subject, const std::string& payload,
                                 std::chrono::milliseconds timeout) {
    natsMsg* reply = nullptr;
    const natsStatus s = natsConnection_Request(&reply, conn, subject.c_str(), payload.data(),
                                                static_cast<int>(payload.size()), timeout.count());
    if (s != NATS_OK) return std::nullopt;
    const std::string data(natsMsg_GetData(reply), static_cast<std::size_t>(natsMsg_GetDataLength(reply)));
    natsMsg_Destroy(reply);
    Json parsed = Json::parse(data, nullptr, false);
    if (parsed.is_discarded()) return Json{{"raw", data}};
    return parsed;
}

}  // namespace

RunResult run_aa_nats(const std::vector<std::string>& args, const std::map<std::string, std::string>& env,
                      std::chrono::seconds limit) {
    return run_binary(args, env, limit, std::nullopt);
}

RunResult run_aa_nats_interrupted(const std::vector<std::string>& args, std::chrono::milliseconds interrupt_after,
                                  const std::map<std::string, std::string>& env, std::chrono::seconds limit) {
    return run_binary(args, env, limit, interrupt_after);
}

RunResult run_shell(const std::string& line, const std::map<std::string, std::string>& env, std::chrono::seconds limit,
                    std::optional<std::chrono::milliseconds> interrupt_after) {
    AaNatsProcess process("/bin/bash", {"-c", line}, env);
    if (interrupt_after) {
        std::this_thread::sleep_for(*interrupt_after);
        process.signal(SIGINT);
    }
    return process.wait(limit);
}

AaNatsProcess::AaNatsProcess(const std::vector<std::string>& args, const std::map<std::string, std::string>& env)
    : AaNatsProcess(AA_NATS_BINARY, args, env) {}

AaNatsProcess::AaNatsProcess(const std::string& program, const std::vector<std::string>& args,
                             const std::map<std::string, std::string>& env) {
    static TempDir home;
    const std::string binary_dir = std::filesystem::path(AA_NATS_BINARY).parent_path().string();
    std::map<std::string, std::string> merged{{"PATH", binary_dir + ":/usr/local/bin:/usr/bin:/bin"},
                                              {"HOME", home.path().string()},
                                              {"XDG_CONFIG_HOME", (home.path() / "config").string()}};
    for (const auto& [k, v] : env) merged[k] = v;
    std::vector<std::string> env_list;
    for (const auto& [k, v] : merged) env_list.push_back(k + "=" + v);

    int out_pipe[2];
    int err_pipe[2];
    if (::pipe2(out_pipe, O_CLOEXEC) != 0 || ::pipe2(err_pipe, O_CLOEXEC) != 0) throw std::runtime_error("pipe");
    started_ = std::chrono::steady_clock::now();
    // A shell line runs as a terminal's job: Ctrl-C reaches its whole process group.
    group_ = program == "/bin/bash";
    pid_ = spawn(program, args, &env_list, "", out_pipe[1], err_pipe[1], group_);
    ::close(out_pipe[1]);
    ::close(err_pipe[1]);
    reader_ = std::thread([this, out = out_pipe[0], err = err_pipe[0]] { collect_output(out, err, result_.out, result_.err); });
}

AaNatsProcess::~AaNatsProcess() {
    if (pid_ > 0) wait(std::chrono::seconds(0));
}

void AaNatsProcess::signal(int signal_number) {
    if (pid_ > 0) ::kill(group_ ? -pid_ : pid_, signal_number);
}

RunResult AaNatsProcess::wait(std::chrono::seconds limit) {
    if (pid_ > 0) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(started_ + limit - std::chrono::steady_clock::now());
        result_.exit_code = wait_exit(pid_, std::max(left, std::chrono::milliseconds(0)), &result_.killed_by);
        if (group_) ::kill(-pid_, SIGKILL);  // what the line left running must not outlive it
        result_.elapsed =
            std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started_);
        pid_ = -1;
    }
    if (reader_.joinable()) reader_.join();
    return result_;
}

TestClient::TestClient(const std::string& url, const std::string& user, const std::string& password) {
    natsOptions* opts = nullptr;
    natsOptions_Create(&opts);
    natsOptions_SetURL(opts, url.c_str());
    natsOptions_SetTimeout(opts, 5000);
    natsOptions_SetAllowReconnect(opts, false);
    if (!user.empty()) natsOptions_SetUserInfo(opts, user.c_str(), password.c_str());
    natsConnection* nc = nullptr;
    const natsStatus s = natsConnection_Connect(&nc, opts);
    natsOptions_Destroy(opts);
    if (s != NATS_OK) throw std::runtime_error("test client cannot connect to " + url);
    conn_ = nc;
}

TestClient::~TestClient() {
    if (conn_ != nullptr) natsConnection_Destroy(as_conn(conn_));
}

std::optional<Json> TestClient::request(const std::string& subject, const Json& body, std::chrono::milliseconds timeout) {
    return request_once(as_conn(conn_), subject, body.is_null() ? std::string() : body.dump(), timeout);
}

Json TestClient::api(const std::string& subject, const Json& body) {
    auto reply = request(subject, body);
    INFO("request on ", subject, " body ", body.dump());
    REQUIRE(reply.has_value());
    INFO("reply ", reply->dump());
    REQUIRE_FALSE(reply->contains("error"));
    return *reply;
}

Json TestClient::create_stream(const Json& config) {
    // Right after another stream released these subjects, a cluster's meta
    // leader may still refuse them as an overlap (err_code 10065) for a moment.
    const std::string subject = "$JS.API.STREAM.CREATE." + config.at("name").get<std::string>();
    std::optional<Json> reply;
    for (int attempt = 0; attempt < 30; ++attempt) {
        reply = request(subject, config);
        const bool overlap = reply && reply->contains("error") && reply->at("error").value("err_code", 0) == 10065;
        if (!overlap) break;
        std::this_thread::sleep_for(100ms);
    }
    INFO("request on ", subject, " body ", config.dump());
    REQUIRE(reply.has_value());
    INFO("reply ", reply->dump());
    REQUIRE_FALSE(reply->contains("error"));
    return *reply;
}

Json TestClient::create_durable(const std::string& stream, const Json& config) {
    return api("$JS.API.CONSUMER.DURABLE.CREATE." + stream + "." + config.at("durable_name").get<std::string>(),
               Json{{"stream_name", stream}, {"config", config}});
}

Json TestClient::stream_info(const std::string& name) {
    auto reply = request("$JS.API.STREAM.INFO." + name, nullptr);
    REQUIRE(reply.has_value());
    return *reply;
}

void TestClient::delete_stream(const std::string& name) { api("$JS.API.STREAM.DELETE." + name); }

Json TestClient::js_publish(const std::string& subject, const std::string& data) {
    const std::optional<Json> ack = request_once(as_conn(conn_), subject, data, std::chrono::milliseconds(5000));
    INFO("js publish on ", subject);
    REQUIRE(ack.has_value());
    INFO("ack ", ack->dump());
    REQUIRE_FALSE(ack->contains("raw"));
    REQUIRE_FALSE(ack->contains("error"));
    return *ack;
}

std::optional<Json> TestClient::try_js_publish(const std::string& subject, const std::string& data,
                                               std::chrono::milliseconds timeout) {
    return request_once(as_conn(conn_), subject, data, timeout);
}

void TestClient::publish(const std::string& subject, const std::string& data) {
    natsConnection_Publish(as_conn(conn_), subject.c_str(), data.data(), static_cast<int>(data.size()));
}

std::vector<Fetched> TestClient::fetch(const std::string& stream, const std::string& durable, int batch) {
    char* inbox = nullptr;
    natsInbox_Create(&inbox);
    natsSubscription* sub = nullptr;
    natsConnection_SubscribeSync(&sub, as_conn(conn_), inbox);
    const std::string subject = "$JS.API.CONSUMER.MSG.NEXT." + stream + "." + durable;
    const std::string body = Json{{"batch", batch}, {"no_wait", true}}.dump();
    natsConnection_PublishRequest(as_conn(conn_), subject.c_str(), inbox, body.data(), static_cast<int>(body.size()));
    std::vector<Fetched> out;
    while (static_cast<int>(out.size()) < batch) {
        natsMsg* msg = nullptr;
        if (natsSubscription_NextMsg(&msg, sub, 2000) != NATS_OK) break;
        const char* reply = natsMsg_GetReply(msg);
        if (reply == nullptr || natsMsg_GetDataLength(msg) == 0) {  // a status message: no more messages
            natsMsg_Destroy(msg);
            break;
        }
        out.push_back({natsMsg_GetSubject(msg), reply,
                       std::string(natsMsg_GetData(msg), static_cast<std::size_t>(natsMsg_GetDataLength(msg)))});
        natsMsg_Destroy(msg);
    }
    natsSubscription_Destroy(sub);
    natsInbox_Destroy(inbox);
    return out;
}

void TestClient::ack(const Fetched& message) {
    natsConnection_PublishString(as_conn(conn_), message.reply.c_str(), "+ACK");
    flush();
}

void TestClient::nak(const Fetched& message) {
    natsConnection_PublishString(as_conn(conn_), message.reply.c_str(), "-NAK");
    flush();
}

void TestClient::flush() { natsConnection_FlushTimeout(as_conn(conn_), 5000); }

TestClient::Spy::Spy(TestClient& client, const std::string& pattern) : client_(client) {
    natsSubscription* sub = nullptr;
    natsConnection_SubscribeSync(&sub, as_conn(client.conn_), pattern.c_str());
    client.flush();
    sub_ = sub;
}

TestClient::Spy::~Spy() { natsSubscription_Destroy(static_cast<natsSubscription*>(sub_)); }

std::vector<TestClient::Spy::Request> TestClient::Spy::requests() {
    client_.flush();
    std::vector<Request> seen;
    natsMsg* msg = nullptr;
    while (natsSubscription_NextMsg(&msg, static_cast<natsSubscription*>(sub_), 200) == NATS_OK) {
        const char* data = natsMsg_GetData(msg);
        seen.push_back({natsMsg_GetSubject(msg), data ? std::string(data, static_cast<std::size_t>(natsMsg_GetDataLength(msg))) : ""});
        natsMsg_Destroy(msg);
    }
    return seen;
}

std::vector<std::string> TestClient::Spy::subjects() {
    std::vector<std::string> seen;
    for (Request& request : requests()) seen.push_back(std::move(request.subject));
    return seen;
}

}  // namespace aa::test
