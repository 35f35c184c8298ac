// How long a subject move leaves its subjects without a stream, as the
// server saw it, and how often the claim is refused as an overlap: each
// JetStream API call emits an audit advisory on $JS.EVENT.ADVISORY.API with
// the server's timestamp (taken as it sends the call's reply) and the reply
// itself, so the gap between the advisory of the release (STREAM.UPDATE of
// the legacy stream) and that of the accepted claim (STREAM.CREATE of the
// vendor stream) is the window, and the claims answered err_code 10065 are
// the ones aa-nats had to retry.
//
// usage: bench_move_window [--label TEXT] [--replicas N] [--no-header]
//                          SERVER_URL RUN_URL ROUNDS AA_NATS_BINARY...
//   For each binary, ROUNDS times: bring the server back to phase 0 (through
//   SERVER_URL, directly; its streams at N replicas, default 1), run
//   `AA_NATS_BINARY ensure-streams --phase 1 -s RUN_URL` (e.g. through
//   bench_delay_proxy; the environment is passed on, NODE_ENV included), and
//   read the advisories. Prints a Markdown row per binary: the window's min,
//   median, p99 and max in ms over the moves that completed; the median time
//   from the vendor stream's "created" (in the accepted claim's reply) to
//   that reply, which on a cluster is mostly its leader election; the claims
//   answered 10065 and the moves that drew at least one; and the rounds
//   aa-nats failed. A header comes first unless --no-header; LABEL (e.g. the
//   server's version) fills the first column.

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>

#include <nats/nats.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

extern char** environ;

namespace {

using Json = nlohmann::json;

const char* const kLegacy = "ATHLETE_ALLY_EVENTS";
const std::string kRelease = std::string("$JS.API.STREAM.UPDATE.") + kLegacy;
const std::string kClaim = "$JS.API.STREAM.CREATE.AA_VENDOR_HOT";
constexpr int kSubjectsOverlap = 10065;

// The reply's JSON, or null when there was none (a timeout) or it is not JSON.
Json request(natsConnection* nc, const std::string& subject, const Json& body) {
    natsMsg* reply = nullptr;
    const std::string payload = body.is_null() ? std::string() : body.dump();
    if (natsConnection_Request(&reply, nc, subject.c_str(), payload.data(), static_cast<int>(payload.size()), 5000) !=
        NATS_OK) {
        return nullptr;
    }
    Json doc = Json::parse(std::string(natsMsg_GetData(reply), static_cast<std::size_t>(natsMsg_GetDataLength(reply))),
                           nullptr, false);
    natsMsg_Destroy(reply);
    return doc.is_discarded() ? Json() : doc;
}

int err_code(const Json& reply) {
    if (!reply.is_object() || !reply.contains("error") || !reply["error"].is_object()) return 0;
    return reply["error"].value("err_code", -1);
}

// Creates (VERB CREATE) or updates (UPDATE) a stream; right after another
// stream gave up its subjects a cluster's meta leader may still refuse them
// as an overlap for a moment.
bool put_stream(natsConnection* nc, const char* verb, const Json& config) {
    const std::string subject = std::string("$JS.API.STREAM.") + verb + "." + config.at("name").get<std::string>();
    for (int attempt = 0; attempt < 50; ++attempt) {
        const Json reply = request(nc, subject, config);
        if (reply.is_object() && err_code(reply) == 0) return true;
        if (reply.is_object() && err_code(reply) != kSubjectsOverlap) {
            std::fprintf(stderr, "reset: %s: %s\n", subject.c_str(), reply.dump().c_str());
            return false;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    std::fprintf(stderr, "reset: %s: no success in 50 attempts\n", subject.c_str());
    return false;
}

Json legacy_config(int replicas) {
    return Json{{"name", kLegacy}, {"subjects", {"athlete-ally.>", "vendor.>", "sleep.*"}},
                {"max_age", 86'400'000'000'000LL}, {"storage", "file"}, {"discard", "old"},
                {"duplicate_window", 120'000'000'000LL}, {"num_replicas", replicas}};
}

// Phase 0: the legacy stream with every subject, a DLQ, no vendor stream.
bool create_phase_zero(natsConnection* nc, int replicas) {
    for (const char* name : {kLegacy, "AA_VENDOR_HOT", "AA_DLQ"}) request(nc, std::string("$JS.API.STREAM.DELETE.") + name, nullptr);
    const Json dlq{{"name", "AA_DLQ"}, {"subjects", {"dlq.>"}}, {"max_age", 1'209'600'000'000'000LL},
                   {"storage", "file"}, {"discard", "old"}, {"duplicate_window", 120'000'000'000LL},
                   {"num_replicas", replicas}};
    return put_stream(nc, "CREATE", legacy_config(replicas)) && put_stream(nc, "CREATE", dlq);
}

// Back to phase 0 after a move: the vendor stream deleted, vendor.> given
// back to the legacy stream, which lives on as on a real server (and the DLQ
// untouched): on a cluster, creating R3 streams afresh each round would cost
// a leader election each.
bool back_to_phase_zero(natsConnection* nc, int replicas) {
    request(nc, "$JS.API.STREAM.DELETE.AA_VENDOR_HOT", nullptr);
    return put_stream(nc, "UPDATE", legacy_config(replicas));
}

// Waits until JetStream answers (on a cluster: until it has a meta leader).
bool wait_for_jetstream(natsConnection* nc) {
    for (int attempt = 0; attempt < 300; ++attempt) {
        const Json reply = request(nc, "$JS.API.STREAM.NAMES", Json::object());
        if (reply.is_object() && err_code(reply) == 0) return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    return false;
}

// "2026-11-27T13:25:47.123456789Z" -> nanoseconds since the epoch.
std::optional<long long> parse_timestamp(const std::string& text) {
    std::tm tm{};
    int consumed = 0;
    if (std::sscanf(text.c_str(), "%d-%d-%dT%d:%d:%d%n", &tm.tm_year, &tm.tm_mon, &tm.tm_mday, &tm.tm_hour, &tm.tm_min,
                    &tm.tm_sec, &consumed) != 6) {
        return std::nullopt;
    }
    tm.tm_year -= 1900;
    tm.tm_mon -= 1;
    long long nanos = 0;
    std::size_t i = static_cast<std::size_t>(consumed);
    if (i < text.size() && text[i] == '.') {
        long long scale = 100'000'000;
        for (++i; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i, scale /= 10) nanos += (text[i] - '0') * scale;
    }
    return static_cast<long long>(timegm(&tm)) * 1'000'000'000LL + nanos;
}

long long now_ns() {
    return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

int run(const std::vector<std::string>& args) {
    std::vector<char*> argv;
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
    pid_t pid = -1;
    const int rc = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (rc != 0) return -1;
    int status = 0;
    waitpid(pid, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

// What the advisories of one move said.
struct Move {
    std::optional<long long> release;  // the accepted release's timestamp
    std::optional<long long> claim;    // the accepted claim's
    std::optional<long long> created;  // the vendor stream's "created", in the accepted claim's reply
    int overlaps = 0;                  // claims answered 10065
};

// Reads the advisories of the move run since SINCE (ns, this machine's clock,
// which the servers on it share: older ones are skipped), but not those of
// the calls of client MINE (this program's resets), until its release and its
// accepted claim are in, then those that arrive within 20 ms more (a refused
// claim that another node reported).
Move read_move(natsSubscription* advisories, long long since, std::uint64_t mine) {
    Move move;
    natsMsg* msg = nullptr;
    for (;;) {
        const bool complete = move.release && move.claim;
        if (natsSubscription_NextMsg(&msg, advisories, complete ? 20 : 5000) != NATS_OK) break;
        const Json doc = Json::parse(std::string(natsMsg_GetData(msg), static_cast<std::size_t>(natsMsg_GetDataLength(msg))),
                                     nullptr, false);
        natsMsg_Destroy(msg);
        if (!doc.is_object()) continue;
        const std::optional<long long> at = parse_timestamp(doc.value("timestamp", ""));
        if (!at || *at < since) continue;
        const Json client = doc.value("client", Json::object());
        if (client.is_object() && client.value("id", std::uint64_t{0}) == mine) continue;
        const std::string subject = doc.value("subject", "");
        if (subject != kRelease && subject != kClaim) continue;
        const Json response = Json::parse(doc.value("response", ""), nullptr, false);
        const int code = err_code(response);
        if (subject == kClaim && code == kSubjectsOverlap) ++move.overlaps;
        if (code != 0) continue;
        if (subject == kRelease && !move.release) move.release = at;
        if (subject == kClaim && !move.claim) {
            move.claim = at;
            if (response.is_object()) move.created = parse_timestamp(response.value("created", ""));
        }
    }
    return move;
}

// The value at quantile Q of SORTED (nearest rank).
double quantile(const std::vector<double>& sorted, double q) {
    const auto rank = static_cast<std::size_t>(std::ceil(q * static_cast<double>(sorted.size())));
    return sorted[std::clamp<std::size_t>(rank, 1, sorted.size()) - 1];
}

}  // namespace

int main(int argc, char** argv) {
    std::string label = "nats-server";
    int replicas = 1;
    bool header = true;
    int first = 1;
    for (; first < argc; ++first) {
        const std::string arg = argv[first];
        if (arg == "--label" && first + 1 < argc) {
            label = argv[++first];
        } else if (arg == "--replicas" && first + 1 < argc) {
            replicas = std::atoi(argv[++first]);
        } else if (arg == "--no-header") {
            header = false;
        } else {
            break;
        }
    }
    if (argc - first < 4) {
        std::fprintf(stderr,
                     "usage: %s [--label TEXT] [--replicas N] [--no-header] SERVER_URL RUN_URL ROUNDS AA_NATS_BINARY...\n",
                     argv[0]);
        return 2;
    }
    const char* server_url = argv[first];
    const char* run_url = argv[first + 1];
    const int rounds = std::atoi(argv[first + 2]);
    natsConnection* nc = nullptr;
    if (natsConnection_ConnectTo(&nc, server_url) != NATS_OK) {
        std::fprintf(stderr, "cannot connect to %s\n", server_url);
        return 3;
    }
    if (!wait_for_jetstream(nc)) {
        std::fprintf(stderr, "JetStream at %s did not answer\n", server_url);
        return 3;
    }
    std::uint64_t mine = 0;
    natsConnection_GetClientID(nc, &mine);
    natsSubscription* advisories = nullptr;
    natsConnection_SubscribeSync(&advisories, nc, "$JS.EVENT.ADVISORY.API");
    natsSubscription_SetPendingLimits(advisories, -1, -1);
    natsConnection_Flush(nc);
    int status = 0;
    if (header) {
        std::printf("| Server | Binary | Moves | Min [ms] | Median [ms] | p99 [ms] | Max [ms] | Claim created → answered, median [ms] "
                    "| Claims answered 10065 | Moves retried | Failed |\n"
                    "|:---|:---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    }
    for (int b = first + 3; b < argc; ++b) {
        std::vector<double> windows;
        std::vector<double> settling;  // the accepted claim's stream, from its "created" to its reply
        int overlaps = 0;
        int retried = 0;
        int failed = 0;
        for (int round = 0; round < rounds; ++round) {
            if (!(round == 0 ? create_phase_zero(nc, replicas) : back_to_phase_zero(nc, replicas))) {
                status = 1;
                continue;
            }
            const long long since = now_ns();
            const int code = run({argv[b], "ensure-streams", "--phase", "1", "-s", run_url});
            const Move move = read_move(advisories, since, mine);
            overlaps += move.overlaps;
            if (move.overlaps > 0) ++retried;
            if (code != 0 || !move.release || !move.claim) {
                std::fprintf(stderr, "%s: round %d failed (exit %d, %d claims answered 10065)\n", argv[b], round, code,
                             move.overlaps);
                ++failed;
                status = 1;
                continue;
            }
            windows.push_back(static_cast<double>(*move.claim - *move.release) / 1e6);
            if (move.created) settling.push_back(static_cast<double>(*move.claim - *move.created) / 1e6);
        }
        if (windows.empty()) {
            std::printf("| %s | `%s` | 0 | | | | | | %d | %d | %d |\n", label.c_str(), argv[b], overlaps, retried, failed);
            continue;
        }
        std::sort(windows.begin(), windows.end());
        std::sort(settling.begin(), settling.end());
        char median_settling[32] = "";
        if (!settling.empty()) std::snprintf(median_settling, sizeof median_settling, "%.2f", quantile(settling, 0.5));
        std::printf("| %s | `%s` | %zu | %.2f | %.2f | %.2f | %.2f | %s | %d | %d | %d |\n", label.c_str(), argv[b],
                    windows.size(), windows.front(), quantile(windows, 0.5), quantile(windows, 0.99), windows.back(),
                    median_settling, overlaps, retried, failed);
        std::fflush(stdout);
    }
    natsSubscription_Destroy(advisories);
    natsConnection_Destroy(nc);
    nats_Close();
    return status;
}
