// How long a subject move leaves its subjects without a stream, as the
// server saw it: each JetStream API call emits an audit advisory on
// $JS.EVENT.ADVISORY.API with the server's timestamp, so the gap between the
// advisory of the release (STREAM.UPDATE of the legacy stream) and that of
// the claim (STREAM.CREATE of the vendor stream) is the window.
//
// usage: bench_move_window SERVER_URL RUN_URL ROUNDS AA_NATS_BINARY...
//   For each binary, ROUNDS times: reset the server to phase 0 (through
//   SERVER_URL, directly), run `AA_NATS_BINARY ensure-streams --phase 1 -s
//   RUN_URL` (e.g. through bench_delay_proxy), and read the two advisories.
//   Prints min, median, mean and max of the window in ms per binary.

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>

#include <nats/nats.h>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

extern char** environ;

namespace {

using Json = nlohmann::json;

const char* const kLegacy = "ATHLETE_ALLY_EVENTS";

void request(natsConnection* nc, const std::string& subject, const Json& body) {
    natsMsg* reply = nullptr;
    const std::string payload = body.is_null() ? std::string() : body.dump();
    if (natsConnection_Request(&reply, nc, subject.c_str(), payload.data(), static_cast<int>(payload.size()), 5000) ==
        NATS_OK) {
        natsMsg_Destroy(reply);
    }
}

// Phase 0: the legacy stream with every subject, a DLQ, no vendor stream.
void reset_to_phase_zero(natsConnection* nc) {
    for (const char* name : {kLegacy, "AA_VENDOR_HOT", "AA_DLQ"}) request(nc, std::string("$JS.API.STREAM.DELETE.") + name, nullptr);
    const Json legacy{{"name", kLegacy}, {"subjects", {"athlete-ally.>", "vendor.>", "sleep.*"}},
                      {"max_age", 86'400'000'000'000LL}, {"storage", "file"}, {"discard", "old"},
                      {"duplicate_window", 120'000'000'000LL}, {"num_replicas", 1}};
    request(nc, std::string("$JS.API.STREAM.CREATE.") + kLegacy, legacy);
    const Json dlq{{"name", "AA_DLQ"}, {"subjects", {"dlq.>"}}, {"max_age", 1'209'600'000'000'000LL},
                   {"storage", "file"}, {"discard", "old"}, {"duplicate_window", 120'000'000'000LL},
                   {"num_replicas", 1}};
    request(nc, "$JS.API.STREAM.CREATE.AA_DLQ", dlq);
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

// The release's and the claim's advisory timestamps from the next advisories.
std::optional<double> window_ms(natsSubscription* advisories) {
    std::optional<long long> release;
    std::optional<long long> claim;
    natsMsg* msg = nullptr;
    while ((!release || !claim) && natsSubscription_NextMsg(&msg, advisories, 5000) == NATS_OK) {
        const Json doc = Json::parse(std::string(natsMsg_GetData(msg), static_cast<std::size_t>(natsMsg_GetDataLength(msg))),
                                     nullptr, false);
        natsMsg_Destroy(msg);
        if (doc.is_discarded()) continue;
        const std::string subject = doc.value("subject", "");
        const auto at = parse_timestamp(doc.value("timestamp", ""));
        if (subject == std::string("$JS.API.STREAM.UPDATE.") + kLegacy) release = at;
        if (subject == "$JS.API.STREAM.CREATE.AA_VENDOR_HOT") claim = at;
    }
    if (!release || !claim) return std::nullopt;
    return static_cast<double>(*claim - *release) / 1e6;
}

void drain(natsSubscription* sub) {
    natsMsg* msg = nullptr;
    while (natsSubscription_NextMsg(&msg, sub, 200) == NATS_OK) natsMsg_Destroy(msg);
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 5) {
        std::fprintf(stderr, "usage: %s SERVER_URL RUN_URL ROUNDS AA_NATS_BINARY...\n", argv[0]);
        return 2;
    }
    natsConnection* nc = nullptr;
    if (natsConnection_ConnectTo(&nc, argv[1]) != NATS_OK) {
        std::fprintf(stderr, "cannot connect to %s\n", argv[1]);
        return 3;
    }
    natsSubscription* advisories = nullptr;
    natsConnection_SubscribeSync(&advisories, nc, "$JS.EVENT.ADVISORY.API");
    const int rounds = std::atoi(argv[3]);
    int status = 0;
    std::printf("| Binary | Runs | Min [ms] | Median [ms] | Mean [ms] | Max [ms] |\n|:---|---:|---:|---:|---:|---:|\n");
    for (int b = 4; b < argc; ++b) {
        std::vector<double> windows;
        for (int round = 0; round < rounds; ++round) {
            reset_to_phase_zero(nc);
            natsConnection_Flush(nc);
            drain(advisories);
            const int code = run({argv[b], "ensure-streams", "--phase", "1", "-s", argv[2]});
            const auto window = window_ms(advisories);
            if (code != 0 || !window) {
                std::fprintf(stderr, "%s: round %d failed (exit %d)\n", argv[b], round, code);
                status = 1;
                continue;
            }
            windows.push_back(*window);
        }
        if (windows.empty()) continue;
        std::sort(windows.begin(), windows.end());
        double sum = 0;
        for (const double w : windows) sum += w;
        std::printf("| `%s` | %zu | %.2f | %.2f | %.2f | %.2f |\n", argv[b], windows.size(), windows.front(),
                    windows[windows.size() / 2], sum / static_cast<double>(windows.size()), windows.back());
    }
    natsSubscription_Destroy(advisories);
    natsConnection_Destroy(nc);
    nats_Close();
    return status;
}
