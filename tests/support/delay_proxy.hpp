#pragma once
// A slow link on one machine: a TCP proxy on loopback that delivers every
// byte a fixed delay after it arrived, in each direction, and connects to the
// server only after a connect delay (so the server's first byte reaches the
// client one TCP handshake later, as on a real link). It can also cut the
// link, tell tests what went through it, and share connections out among
// several servers as a load balancer does. A fake by necessity: no real
// nats-server can be made slow or made to drop a client mid-request, and no
// load balancer is at hand.
//
// One thread serves every connection; writes block, so it suits tests and
// benchmarks whose peers keep reading (NATS clients and servers do).

#include <chrono>
#include <condition_variable>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace aa::test {

struct DelayProxyOptions {
    int target_port = 0;                      // on 127.0.0.1
    std::chrono::microseconds one_way{0};     // added to each direction: a round trip is twice this
    std::chrono::microseconds connect{-1};    // before connecting upstream; negative: one round trip (2 x one_way)
    bool record = true;                       // keep what went through, for wait_for() and transcript()
    // When not empty, a load balancer: the Nth connection goes to the server
    // on round_robin_ports[N % size] instead of target_port.
    std::vector<int> round_robin_ports{};
};

class DelayProxy {
public:
    enum class Direction { to_server, to_client };
    struct Chunk {
        Direction direction;
        std::string bytes;
    };

    // Listens on a free loopback port at once.
    explicit DelayProxy(DelayProxyOptions options);
    ~DelayProxy();
    DelayProxy(const DelayProxy&) = delete;
    DelayProxy& operator=(const DelayProxy&) = delete;

    int port() const { return port_; }
    std::string url() const;  // nats://127.0.0.1:<port>

    // The link is lost: closes both sides of every connection now, dropping
    // the bytes in flight, and returns once they are closed. Later
    // connections are served as before.
    void cut();

    // Waits until bytes containing NEEDLE have arrived at the proxy going
    // DIRECTION (before their delay); false when LIMIT passes first.
    bool wait_for(Direction direction, std::string_view needle, std::chrono::milliseconds limit);

    // What went through, in the order the proxy saw it: a to_server chunk when
    // it arrived from the client, a to_client chunk when it was delivered to
    // the client. So a client's request that comes before a to_client chunk
    // was sent before that reply reached it.
    std::vector<Chunk> transcript() const;

private:
    struct Link;
    using Links = std::list<std::unique_ptr<Link>>;
    void serve();
    void deliver_due(Links& links);
    void wait_and_read(Links& links);
    void wake();
    void note(Direction direction, const char* data, std::size_t size, bool delivered);

    DelayProxyOptions options_;
    int listen_fd_ = -1;
    int wake_pipe_[2] = {-1, -1};
    int port_ = 0;

    mutable std::mutex mutex_;
    std::condition_variable changed_;
    bool stopping_ = false;
    bool cut_requested_ = false;
    std::string arrived_[2];  // every byte that arrived, per direction
    std::size_t accepted_ = 0;  // connections so far (serve()'s thread only)
    std::vector<Chunk> transcript_;

    std::thread thread_;
};

}  // namespace aa::test
