#pragma once
// Peers that misbehave in ways no real nats-server can be made to: a TCP port
// that never greets, one that greets with garbage, and a JetStream API
// responder that answers nonsense or nothing. Each is a fake by necessity.

#include <atomic>
#include <functional>
#include <mutex>
#include <optional>
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
    int accepted() const { return accepted_; }  // connections so far
    std::string received() const;               // all that every client sent

private:
    void serve();
    std::string greeting_;
    mutable std::mutex mutex_;
    std::string received_;
    std::atomic<int> accepted_{0};
    int listen_fd_ = -1;
    int port_ = 0;
    std::atomic<bool> stopping_{false};
    std::thread thread_;
};

// Subscribes to SUBJECT on a real server and answers each request with what
// ANSWER makes of the subject it came on, or not at all when ANSWER gives
// nullopt (a server that is slow to death).
class FakeResponder {
public:
    using Answer = std::function<std::optional<std::string>(const std::string& subject)>;

    FakeResponder(const std::string& url, const std::string& subject, Answer answer);
    // Answers every request with REPLY, or none when REPLY is empty.
    FakeResponder(const std::string& url, const std::string& subject, const std::string& reply);
    ~FakeResponder();
    FakeResponder(const FakeResponder&) = delete;
    FakeResponder& operator=(const FakeResponder&) = delete;

private:
    Answer answer_;
    void* conn_ = nullptr;
    void* sub_ = nullptr;
};

}  // namespace aa::test
