#include "tests/support/delay_proxy.hpp"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <deque>
#include <list>
#include <memory>
#include <stdexcept>

namespace aa::test {
namespace {

using Clock = std::chrono::steady_clock;

// Bytes waiting for their delivery time; an empty one is the sender's EOF.
struct Pending {
    Clock::time_point due;
    std::string bytes;
};

int listen_on_loopback(int& port) {
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    const int one = 1;
    ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 || ::listen(fd, 64) != 0) {
        ::close(fd);
        throw std::runtime_error("delay proxy cannot listen");
    }
    socklen_t len = sizeof addr;
    ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
    port = ntohs(addr.sin_port);
    return fd;
}

int connect_to_loopback(int port) {
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<uint16_t>(port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
        ::close(fd);
        return -1;
    }
    return fd;
}

void no_delay(int fd) {
    const int one = 1;
    ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
}

// Writes everything (blocking); false when the peer is gone. No SIGPIPE.
bool send_all(int fd, const std::string& bytes) {
    std::size_t sent = 0;
    while (sent < bytes.size()) {
        const ssize_t n = ::send(fd, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
        if (n <= 0) return false;
        sent += static_cast<std::size_t>(n);
    }
    return true;
}

constexpr DelayProxy::Direction kDirections[] = {DelayProxy::Direction::to_server, DelayProxy::Direction::to_client};

}  // namespace

// One client connection and its upstream connection to the server.
struct DelayProxy::Link {
    int client = -1;
    int server = -1;  // -1 until connect_at
    int target_port = 0;
    Clock::time_point connect_at;
    std::deque<Pending> queue[2];  // indexed by Direction
    bool eof_read[2] = {false, false};
    bool done = false;

    ~Link() {
        if (client >= 0) ::close(client);
        if (server >= 0) ::close(server);
    }
    int source(Direction d) const { return d == Direction::to_server ? client : server; }
    int sink(Direction d) const { return d == Direction::to_server ? server : client; }
};

DelayProxy::DelayProxy(DelayProxyOptions options) : options_(options) {
    if (options_.connect.count() < 0) options_.connect = 2 * options_.one_way;
    listen_fd_ = listen_on_loopback(port_);
    if (::pipe2(wake_pipe_, O_CLOEXEC | O_NONBLOCK) != 0) throw std::runtime_error("delay proxy: pipe");
    thread_ = std::thread([this] { serve(); });
}

DelayProxy::~DelayProxy() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake();
    thread_.join();
    ::close(listen_fd_);
    ::close(wake_pipe_[0]);
    ::close(wake_pipe_[1]);
}

std::string DelayProxy::url() const { return "nats://127.0.0.1:" + std::to_string(port_); }

void DelayProxy::wake() { [[maybe_unused]] const ssize_t n = ::write(wake_pipe_[1], "x", 1); }

void DelayProxy::cut() {
    std::unique_lock lock(mutex_);
    cut_requested_ = true;
    wake();
    changed_.wait(lock, [this] { return !cut_requested_; });
}

bool DelayProxy::wait_for(Direction direction, std::string_view needle, std::chrono::milliseconds limit) {
    std::unique_lock lock(mutex_);
    const std::string& seen = arrived_[static_cast<int>(direction)];
    return changed_.wait_for(lock, limit, [&] { return seen.find(needle) != std::string::npos; });
}

std::vector<DelayProxy::Chunk> DelayProxy::transcript() const {
    std::lock_guard lock(mutex_);
    return transcript_;
}

void DelayProxy::note(Direction direction, const char* data, std::size_t size, bool delivered) {
    if (!options_.record) return;
    {
        std::lock_guard lock(mutex_);
        if (!delivered) arrived_[static_cast<int>(direction)].append(data, size);
        // A request is noted when it arrives, a reply when the client gets it.
        if (delivered == (direction == Direction::to_client)) transcript_.push_back({direction, std::string(data, size)});
    }
    changed_.notify_all();
}

void DelayProxy::serve() {
    Links links;
    while (true) {
        {
            std::lock_guard lock(mutex_);
            if (stopping_) return;
            if (cut_requested_) {
                links.clear();  // closes both sides of each
                cut_requested_ = false;
                changed_.notify_all();
            }
        }
        deliver_due(links);
        links.remove_if([](const std::unique_ptr<Link>& link) { return link->done; });
        wait_and_read(links);
    }
}

// Due work: upstream connects, then deliveries in order.
void DelayProxy::deliver_due(Links& links) {
    const auto now = Clock::now();
    for (auto& link : links) {
        if (link->server < 0 && now >= link->connect_at) {
            link->server = connect_to_loopback(link->target_port);
            if (link->server < 0) {
                link->done = true;
                continue;
            }
            no_delay(link->server);
        }
        if (link->server < 0) continue;
        for (const Direction d : kDirections) {
            auto& queue = link->queue[static_cast<int>(d)];
            while (!link->done && !queue.empty() && queue.front().due <= now) {
                if (queue.front().bytes.empty()) {  // the sender closed: so does the link
                    link->done = true;
                    break;
                }
                if (!send_all(link->sink(d), queue.front().bytes)) link->done = true;
                note(d, queue.front().bytes.data(), queue.front().bytes.size(), true);
                queue.pop_front();
            }
        }
    }
}

// Sleeps until the next due time, a new connection, bytes, or a wake-up,
// and takes in what arrived.
void DelayProxy::wait_and_read(Links& links) {
    auto next = Clock::time_point::max();
    std::vector<pollfd> fds{{listen_fd_, POLLIN, 0}, {wake_pipe_[0], POLLIN, 0}};
    std::vector<std::pair<Link*, Direction>> sources{{nullptr, Direction::to_server}, {nullptr, Direction::to_server}};
    for (auto& link : links) {
        if (link->server < 0) next = std::min(next, link->connect_at);
        for (const Direction d : kDirections) {
            const auto& queue = link->queue[static_cast<int>(d)];
            if (!queue.empty()) next = std::min(next, std::max(queue.front().due, link->connect_at));
            const int fd = link->source(d);
            if (fd >= 0 && !link->eof_read[static_cast<int>(d)]) {
                fds.push_back({fd, POLLIN, 0});
                sources.emplace_back(link.get(), d);
            }
        }
    }
    timespec wait{1, 0};
    if (next != Clock::time_point::max()) {
        const auto left = std::max(next - Clock::now(), Clock::duration::zero());
        const auto ns = std::chrono::duration_cast<std::chrono::nanoseconds>(left).count();
        wait = {static_cast<time_t>(ns / 1'000'000'000), static_cast<long>(ns % 1'000'000'000)};
    }
    if (::ppoll(fds.data(), fds.size(), &wait, nullptr) <= 0) return;

    if (fds[1].revents != 0) {
        char drain[64];
        while (::read(wake_pipe_[0], drain, sizeof drain) > 0) {
        }
    }
    if (fds[0].revents & POLLIN) {
        const int client = ::accept4(listen_fd_, nullptr, nullptr, SOCK_CLOEXEC);
        if (client >= 0) {
            no_delay(client);
            auto link = std::make_unique<Link>();
            link->client = client;
            link->connect_at = Clock::now() + options_.connect;
            const auto& balanced = options_.round_robin_ports;
            link->target_port = balanced.empty() ? options_.target_port : balanced[accepted_++ % balanced.size()];
            links.push_back(std::move(link));
        }
    }
    for (std::size_t i = 2; i < fds.size(); ++i) {
        if (fds[i].revents == 0) continue;
        auto [link, d] = sources[i];
        char buffer[65536];
        const ssize_t n = ::recv(fds[i].fd, buffer, sizeof buffer, 0);
        const auto due = Clock::now() + options_.one_way;
        if (n <= 0) {
            link->eof_read[static_cast<int>(d)] = true;
            link->queue[static_cast<int>(d)].push_back({due, {}});
            continue;
        }
        note(d, buffer, static_cast<std::size_t>(n), false);
        link->queue[static_cast<int>(d)].push_back({due, std::string(buffer, static_cast<std::size_t>(n))});
    }
}

}  // namespace aa::test
