#include "src/greeting_probe.hpp"

#include <fcntl.h>
#include <netdb.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <system_error>

#include "src/errors.hpp"
#include "src/server_url.hpp"

namespace aa {
namespace {

using Clock = std::chrono::steady_clock;

// Closes a file descriptor when it goes out of scope.
struct Fd {
    int fd = -1;
    ~Fd() {
        if (fd >= 0) ::close(fd);
    }
};

// Waits until FD is ready for EVENTS; false at the deadline, or once STOP_FD
// is readable (the probe is no longer wanted).
bool wait_for(int fd, short events, Clock::time_point deadline, int stop_fd) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
    if (left.count() <= 0) return false;
    pollfd fds[2] = {{fd, events, 0}, {stop_fd, POLLIN, 0}};
    if (::poll(fds, 2, static_cast<int>(left.count())) <= 0 || fds[1].revents != 0) return false;
    return (fds[0].revents & events) != 0;
}

// The first line the server at ADDRESS sends, as far as it came.
std::string first_line(const addrinfo& address, Clock::time_point deadline, int stop_fd) {
    Fd sock{::socket(address.ai_family, address.ai_socktype | SOCK_NONBLOCK | SOCK_CLOEXEC, address.ai_protocol)};
    if (sock.fd < 0) return {};
    if (::connect(sock.fd, address.ai_addr, address.ai_addrlen) != 0 && errno != EINPROGRESS) return {};
    if (!wait_for(sock.fd, POLLOUT, deadline, stop_fd)) return {};
    std::string line;
    char buffer[4096];
    while (line.find('\n') == std::string::npos && line.size() < 64 * 1024) {
        if (!wait_for(sock.fd, POLLIN, deadline, stop_fd)) break;
        const ssize_t n = ::recv(sock.fd, buffer, sizeof buffer, 0);
        if (n <= 0) break;
        line.append(buffer, static_cast<std::size_t>(n));
    }
    return line.substr(0, line.find('\n'));
}

// The greeting of the server at URL: each of its addresses in turn, until one greets.
std::optional<ServerInfo> read_greeting(const std::string& url, Clock::time_point deadline, int stop_fd) {
    const auto hp = host_port_of(url);
    if (!hp) return std::nullopt;
    addrinfo hints{};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    addrinfo* found = nullptr;
    if (::getaddrinfo(hp->host.c_str(), hp->port.c_str(), &hints, &found) != 0) return std::nullopt;
    std::optional<ServerInfo> greeting;
    for (const addrinfo* ai = found; ai != nullptr && !greeting; ai = ai->ai_next) {
        try {
            greeting = parse_info_line(first_line(*ai, deadline, stop_fd));
        } catch (const ParseError&) {
            // Not a NATS server greeting (or none): try the next address.
        }
    }
    ::freeaddrinfo(found);
    return greeting;
}

}  // namespace

GreetingProbe::GreetingProbe(const std::vector<std::string>& urls, std::chrono::milliseconds timeout)
    : deadline_(Clock::now() + timeout) {
    if (::pipe2(stop_pipe_, O_CLOEXEC) != 0) throw std::system_error(errno, std::generic_category(), "pipe2");
    running_ = urls.size();
    threads_.reserve(urls.size());
    for (const auto& url : urls) {
        try {
            threads_.emplace_back([this, url] { probe(url); });
        } catch (const std::system_error&) {
            // No thread for this one: its greeting stays unknown, the command runs on.
            std::lock_guard lock(mutex_);
            --running_;
        }
    }
}

GreetingProbe::~GreetingProbe() {
    [[maybe_unused]] const ssize_t written = ::write(stop_pipe_[1], "x", 1);
    for (auto& thread : threads_) thread.join();
    ::close(stop_pipe_[0]);
    ::close(stop_pipe_[1]);
}

void GreetingProbe::probe(const std::string& url) {
    std::optional<ServerInfo> greeting = read_greeting(url, deadline_, stop_pipe_[0]);
    {
        std::lock_guard lock(mutex_);
        if (greeting) greetings_.push_back(std::move(*greeting));
        --running_;
    }
    changed_.notify_all();
}

std::optional<ServerInfo> GreetingProbe::greeting_of(const std::string& server_id) {
    std::unique_lock lock(mutex_);
    const auto match = [&]() -> const ServerInfo* {
        for (const auto& greeting : greetings_) {
            if (!server_id.empty() && greeting.server_id == server_id) return &greeting;
        }
        return nullptr;
    };
    changed_.wait_until(lock, deadline_, [&] { return match() != nullptr || running_ == 0; });
    if (const ServerInfo* found = match()) return *found;
    return std::nullopt;
}

}  // namespace aa
