#pragma once
// The connection to NATS. This is the only part of aa-nats that knows nats.c;
// the rest speaks in subjects, bodies and replies.

#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include "src/connection_settings.hpp"

namespace aa {

struct Request {
    std::string subject;
    std::string body;
};

struct Reply {
    // lost: the connection closed before the reply came (the request may or
    // may not have reached the server).
    enum class Status { ok, no_responders, timeout, lost };
    Status status = Status::timeout;
    std::string data;
};

// Requests sent at once (NatsConnection::send_requests) whose replies are
// being collected: their sender may do other work, or send more, before it
// waits for them.
class PendingReplies {
public:
    ~PendingReplies();  // stops collecting: replies not waited for are dropped
    PendingReplies(PendingReplies&&) noexcept;
    PendingReplies& operator=(PendingReplies&&) noexcept;

    // Waits until every reply is in, TIMEOUT passes or the connection closes,
    // and returns the replies in the order of the requests; a request without
    // one is marked timeout, or lost when the connection closed. Once only.
    std::vector<Reply> wait(std::chrono::milliseconds timeout);

private:
    friend class NatsConnection;
    struct Impl;
    explicit PendingReplies(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

class NatsConnection {
public:
    // Connects once, without retries or reconnects, within settings.timeout.
    // Throws ConnectionError with the server's reason (auth, TLS, refused, ...).
    static std::unique_ptr<NatsConnection> connect(const ConnectionSettings& settings);
    ~NatsConnection();
    NatsConnection(const NatsConnection&) = delete;
    NatsConnection& operator=(const NatsConnection&) = delete;

    // Sends every request at once over one reply inbox (written back to back,
    // before any reply is read) and waits for all the replies until the
    // timeout, or until the connection closes: one round trip for N requests.
    // The replies come back in the order of the requests; a request without
    // one is marked timeout, or lost when the connection closed.
    std::vector<Reply> request_many(const std::vector<Request>& requests, std::chrono::milliseconds timeout);

    // Sends every request at once over one reply inbox, as request_many
    // does, and returns without waiting for the replies.
    PendingReplies send_requests(const std::vector<Request>& requests);

    // The URL this connection is using, without credentials.
    std::string connected_url() const;

    // The server_id of the server this connection reached (from its INFO
    // greeting); empty once the connection is closed.
    std::string connected_server_id() const;

private:
    struct Impl;
    explicit NatsConnection(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

// The version of the nats.c library aa-nats runs with.
std::string nats_library_version();

// Releases nats.c's global threads and memory; call once, at exit.
void shutdown_nats_library();

}  // namespace aa
