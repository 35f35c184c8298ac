#include "tests/support/fakes.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <nats/nats.h>

#include <stdexcept>
#include <vector>

namespace aa::test {

FakeTcpServer::FakeTcpServer(std::string greeting) : greeting_(std::move(greeting)) {
    listen_fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    const int one = 1;
    ::setsockopt(listen_fd_, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::bind(listen_fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 || ::listen(listen_fd_, 16) != 0) {
        throw std::runtime_error("fake server cannot listen");
    }
    socklen_t len = sizeof addr;
    ::getsockname(listen_fd_, reinterpret_cast<sockaddr*>(&addr), &len);
    port_ = ntohs(addr.sin_port);
    thread_ = std::thread([this] { serve(); });
}

FakeTcpServer::~FakeTcpServer() {
    stopping_ = true;
    thread_.join();
    ::close(listen_fd_);
}

std::string FakeTcpServer::url() const { return "nats://127.0.0.1:" + std::to_string(port_); }

void FakeTcpServer::serve() {
    std::vector<pollfd> fds{{listen_fd_, POLLIN, 0}};
    while (!stopping_) {
        for (pollfd& p : fds) p.revents = 0;
        if (::poll(fds.data(), fds.size(), 50) < 1) continue;
        for (std::size_t i = 1; i < fds.size(); ++i) {
            if ((fds[i].revents & (POLLIN | POLLHUP | POLLERR)) == 0) continue;
            char buffer[4096];
            const auto got = ::recv(fds[i].fd, buffer, sizeof buffer, 0);
            if (got > 0) {
                const std::lock_guard lock(mutex_);
                received_.append(buffer, static_cast<std::size_t>(got));
            } else {
                fds[i].events = 0;  // closed by the client: kept, silent, until stop
            }
        }
        if ((fds[0].revents & POLLIN) == 0) continue;
        const int fd = ::accept(listen_fd_, nullptr, nullptr);
        if (fd < 0) continue;
        ++accepted_;
        if (!greeting_.empty()) {
            [[maybe_unused]] const auto sent = ::send(fd, greeting_.data(), greeting_.size(), MSG_NOSIGNAL);
        }
        fds.push_back({fd, POLLIN, 0});
    }
    for (std::size_t i = 1; i < fds.size(); ++i) ::close(fds[i].fd);
}

std::string FakeTcpServer::received() const {
    const std::lock_guard lock(mutex_);
    return received_;
}

namespace {
void on_request(natsConnection* nc, natsSubscription*, natsMsg* msg, void* closure) {
    const auto& answer = *static_cast<const FakeResponder::Answer*>(closure);
    if (natsMsg_GetReply(msg) != nullptr) {
        if (const std::optional<std::string> reply = answer(natsMsg_GetSubject(msg))) {
            natsConnection_Publish(nc, natsMsg_GetReply(msg), reply->data(), static_cast<int>(reply->size()));
        }
    }
    natsMsg_Destroy(msg);
}
}  // namespace

FakeResponder::FakeResponder(const std::string& url, const std::string& subject, Answer answer)
    : answer_(std::move(answer)) {
    natsConnection* nc = nullptr;
    if (natsConnection_ConnectTo(&nc, url.c_str()) != NATS_OK) throw std::runtime_error("responder cannot connect");
    natsSubscription* sub = nullptr;
    natsConnection_Subscribe(&sub, nc, subject.c_str(), on_request, &answer_);
    natsConnection_Flush(nc);
    conn_ = nc;
    sub_ = sub;
}

FakeResponder::FakeResponder(const std::string& url, const std::string& subject, const std::string& reply)
    : FakeResponder(url, subject, [reply](const std::string&) -> std::optional<std::string> {
          if (reply.empty()) return std::nullopt;
          return reply;
      }) {}

FakeResponder::~FakeResponder() {
    natsSubscription_Unsubscribe(static_cast<natsSubscription*>(sub_));
    natsSubscription_Destroy(static_cast<natsSubscription*>(sub_));
    natsConnection_Destroy(static_cast<natsConnection*>(conn_));
}

}  // namespace aa::test
