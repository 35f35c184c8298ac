// A slow link for benchmark scripts: the loopback delay proxy of the tests as
// a process. Prints the port it listens on, then serves until SIGINT/SIGTERM.
//
// usage: bench_delay_proxy TARGET_PORT ONE_WAY_MS
//   every byte, each way, is delivered ONE_WAY_MS later (a round trip of
//   2 x ONE_WAY_MS), and each connection reaches the server one round trip
//   after the client connected.

#include <pthread.h>

#include <csignal>
#include <cstdio>
#include <cstdlib>

#include "tests/support/delay_proxy.hpp"

int main(int argc, char** argv) {
    if (argc != 3) {
        std::fprintf(stderr, "usage: %s TARGET_PORT ONE_WAY_MS\n", argv[0]);
        return 2;
    }
    sigset_t stop;
    sigemptyset(&stop);
    sigaddset(&stop, SIGINT);
    sigaddset(&stop, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stop, nullptr);  // before the proxy's thread exists

    aa::test::DelayProxyOptions options;
    options.target_port = std::atoi(argv[1]);
    options.one_way = std::chrono::microseconds(static_cast<long long>(std::atof(argv[2]) * 1000));
    options.record = false;  // a benchmark runs long: keep nothing
    aa::test::DelayProxy proxy(options);
    std::printf("%d\n", proxy.port());
    std::fflush(stdout);
    int signal = 0;
    sigwait(&stop, &signal);
    return 0;
}
