#pragma once
// Peers that misbehave in ways no real nats-server can be made to: a TCP port
// that never greets, one that greets with garbage, and a JetStream API
// responder that answers nonsense or nothing. Each is a fake by necessity.

#include <atomic>
#include <string>
#include <thread>

namespace aa::test {

// Listens on a free loopback port; each accepted connection gets GREETING
// (possibly empty: then it is held open in silence) and is kept until stop.
class FakeTcpServer {
public:
    explicit FakeTcpServer(std::string greeting);
    ~FakeTcpServer();
    FakeTcpServer(const FakeTcpServer&) = delete;
    FakeTcpServer& operator=(const FakeTcpServer&) = delete;
    std::string url() const;

private:
    void serve();
    std::string greeting_;
    int listen_fd_ = -1;
    int port_ = 0;
    std::atomic<bool> stopping_{false};
    std::thread thread_;
};

// Subscribes to SUBJECT on a real server and answers every request with
// REPLY, or not at all when REPLY is empty (a server that is slow to death).
class FakeResponder {
public:
    FakeResponder(const std::string& url, const std::string& subject, std::string reply);
    ~FakeResponder();
    FakeResponder(const FakeResponder&) = delete;
    FakeResponder& operator=(const FakeResponder&) = delete;
    const std::string& reply() const { return reply_; }

private:
    std::string reply_;
    void* conn_ = nullptr;
    void* sub_ = nullptr;
};

}  // namespace aa::test
