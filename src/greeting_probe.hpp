#pragma once
// The servers' INFO greetings (version, server name, cluster), read while
// nats.c connects. nats.c 3.4.1 keeps the greeting it got to itself, so each
// configured server is greeted again over a short-lived plain TCP connection
// of its own. Started before nats.c's connect, these connections run beside
// it: the greeting takes a TCP handshake and the INFO line, nats.c needs those
// plus CONNECT and PING -> PONG, so against a remote server the greeting is in
// before the command has sent its first request, and costs it no round trip.
// Only the host and port of each URL are used: no credentials are sent.

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "src/server_info.hpp"

namespace aa {

class GreetingProbe {
public:
    // Starts reading the greeting of every URL at once, each in a thread of
    // its own (several URLs: nats.c may connect to any of them); each gives
    // up when TIMEOUT has passed.
    GreetingProbe(const std::vector<std::string>& urls, std::chrono::milliseconds timeout);
    // Stops the probes still running (a dead host's, say) and joins them.
    ~GreetingProbe();
    GreetingProbe(const GreetingProbe&) = delete;
    GreetingProbe& operator=(const GreetingProbe&) = delete;

    // The greeting of the server whose server_id is SERVER_ID: the one nats.c
    // connected to (natsConnection_GetConnectedServerId). A greeting is never
    // taken from another server's: behind a load balancer the probe of a URL
    // can reach another server than nats.c did. Waits until that greeting
    // has come, every probe has ended, or the timeout has passed since the
    // start; nullopt when none matches.
    std::optional<ServerInfo> greeting_of(const std::string& server_id);

private:
    void probe(const std::string& url);

    std::chrono::steady_clock::time_point deadline_;
    int stop_pipe_[2] = {-1, -1};  // written once to stop every probe still waiting

    std::mutex mutex_;
    std::condition_variable changed_;
    std::vector<ServerInfo> greetings_;
    std::size_t running_ = 0;

    std::vector<std::thread> threads_;
};

}  // namespace aa
