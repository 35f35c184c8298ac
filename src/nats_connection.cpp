#include "src/nats_connection.hpp"

#include <nats/nats.h>

#include <condition_variable>
#include <mutex>

#include <fmt/format.h>

#include "src/errors.hpp"
#include "src/nonce_signer.hpp"
#include "src/server_url.hpp"

namespace aa {
namespace {

// Owns one nats.c handle and frees it with the right function.
template <typename T, void (*Destroy)(T*)>
struct Handle {
    T* ptr = nullptr;
    Handle() = default;
    Handle(const Handle&) = delete;
    Handle& operator=(const Handle&) = delete;
    ~Handle() {
        if (ptr != nullptr) Destroy(ptr);
    }
};

void destroy_inbox(char* inbox) { natsInbox_Destroy(inbox); }

// nats.c's last error, without its "(conn.c:2088): " source location.
std::string last_error_text(natsStatus status) {
    natsStatus last = NATS_OK;
    const char* text = nats_GetLastError(&last);
    if (text == nullptr || *text == '\0') return natsStatus_GetText(status);
    std::string message = text;
    if (message.starts_with("(")) {
        if (const auto end = message.find("): "); end != std::string::npos) message.erase(0, end + 3);
    }
    return message;
}

// Turns nats.c's connect failure into the reason an operator can act on.
std::string describe_connect_failure(natsStatus status) {
    const std::string detail = last_error_text(status);
    switch (status) {
        case NATS_NO_SERVER: return "no server available (connection refused or unreachable)";
        case NATS_TIMEOUT: return fmt::format("timed out ({})", detail);
        case NATS_NOT_PERMITTED: return fmt::format("not permitted: {}", detail);
        case NATS_SSL_ERROR: return fmt::format("TLS error: {}", detail);
        case NATS_CONNECTION_AUTH_FAILED: return fmt::format("authentication failed: {}", detail);
        default: return detail;
    }
}

void check(natsStatus status, const char* what) {
    if (status != NATS_OK) throw UsageError(fmt::format("{}: {}", what, last_error_text(status)));
}

}  // namespace

struct NatsConnection::Impl {
    natsConnection* conn = nullptr;
    std::string redacted_servers;
    NonceSigner signer;  // sign_nonce's and user_jwt's, for as long as the connection may sign
    ~Impl() {
        if (conn != nullptr) natsConnection_Destroy(conn);
    }
};

NatsConnection::NatsConnection(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
NatsConnection::~NatsConnection() = default;

std::unique_ptr<NatsConnection> NatsConnection::connect(const ConnectionSettings& settings) {
    auto impl = std::make_unique<Impl>();
    impl->redacted_servers = redact_urls(settings.servers);
    Handle<natsOptions, natsOptions_Destroy> opts;
    check(natsOptions_Create(&opts.ptr), "cannot create NATS options");

    std::vector<const char*> urls;
    urls.reserve(settings.servers.size());
    for (const auto& url : settings.servers) urls.push_back(url.c_str());
    check(natsOptions_SetServers(opts.ptr, urls.data(), static_cast<int>(urls.size())), "invalid server URL");
    check(natsOptions_SetNoRandomize(opts.ptr, true), "server order");
    check(natsOptions_SetTimeout(opts.ptr, settings.timeout.count()), "timeout");
    // A CLI fails fast: one attempt, no reconnect loop hiding an outage.
    check(natsOptions_SetAllowReconnect(opts.ptr, false), "reconnect");
    check(natsOptions_SetMaxReconnect(opts.ptr, 0), "reconnect");
    check(natsOptions_SetRetryOnFailedConnect(opts.ptr, false, nullptr, nullptr), "retry");
    // Requests are sent as soon as they are written; no flusher delay.
    check(natsOptions_SetSendAsap(opts.ptr, true), "send asap");
    check(natsOptions_SetName(opts.ptr, "aa-nats"), "name");

    if (!settings.user.empty() || !settings.password.empty()) {
        check(natsOptions_SetUserInfo(opts.ptr, settings.user.c_str(), settings.password.c_str()), "--user/--password");
    }
    if (!settings.token.empty()) check(natsOptions_SetToken(opts.ptr, settings.token.c_str()), "--token");
    impl->signer.seed = settings.signing_seed;
    if (!settings.creds_file.empty()) {
        impl->signer.jwt = settings.creds_jwt;
        check(natsOptions_SetUserCredentialsCallbacks(opts.ptr, user_jwt, &impl->signer, sign_nonce, &impl->signer),
              "--creds");
    }
    if (!settings.nkey_file.empty()) {
        check(natsOptions_SetNKey(opts.ptr, settings.nkey_public_key.c_str(), sign_nonce, &impl->signer), "--nkey");
    }
    const bool tls = !settings.tls_ca.empty() || !settings.tls_cert.empty();
    if (tls) check(natsOptions_SetSecure(opts.ptr, true), "TLS");
    if (!settings.tls_ca.empty()) {
        check(natsOptions_LoadCATrustedCertificates(opts.ptr, settings.tls_ca.c_str()),
              fmt::format("--tlsca {}", settings.tls_ca).c_str());
    }
    if (!settings.tls_cert.empty()) {
        check(natsOptions_LoadCertificatesChain(opts.ptr, settings.tls_cert.c_str(), settings.tls_key.c_str()),
              fmt::format("--tlscert {} / --tlskey {}", settings.tls_cert, settings.tls_key).c_str());
    }

    natsStatus status = NATS_OK;
    for (int attempt = 1; attempt <= kSigningAttempts; ++attempt) {
        impl->signer.dropped_signature = false;
        status = natsConnection_Connect(&impl->conn, opts.ptr);
        if (status == NATS_OK || !impl->signer.dropped_signature) break;
    }
    if (status != NATS_OK) {
        impl->conn = nullptr;
        const char* with = settings.login.empty() ? "" : " with ";
        throw ConnectionError(fmt::format("cannot connect to {}{}{}: {}", impl->redacted_servers, with, settings.login,
                                          describe_connect_failure(status)));
    }
    return std::unique_ptr<NatsConnection>(new NatsConnection(std::move(impl)));
}

namespace {

// Replies gathered by the inbox subscription's callback. An asynchronous
// subscription is used because a synchronous one turns a no-responders status
// into an error without saying which request it answered.
struct ReplyCollector {
    std::string prefix;  // "<inbox>."
    std::vector<Reply>* replies = nullptr;
    std::vector<bool> seen;
    std::size_t answered = 0;
    bool closed = false;  // the subscription ended and its last callback returned
    std::mutex mutex;
    std::condition_variable done;
};

void on_closed(void* closure) {
    auto* collector = static_cast<ReplyCollector*>(closure);
    {
        std::lock_guard lock(collector->mutex);
        collector->closed = true;
    }
    collector->done.notify_one();
}

void on_reply(natsConnection*, natsSubscription*, natsMsg* msg, void* closure) {
    auto* collector = static_cast<ReplyCollector*>(closure);
    const std::string_view subject = natsMsg_GetSubject(msg);
    std::size_t index = collector->seen.size();
    if (subject.starts_with(collector->prefix)) {
        const std::string_view suffix = subject.substr(collector->prefix.size());
        std::size_t parsed = 0;
        bool numeric = !suffix.empty();
        for (const char c : suffix) {
            if (c < '0' || c > '9') numeric = false;
            else parsed = parsed * 10 + static_cast<std::size_t>(c - '0');
        }
        if (numeric) index = parsed;
    }
    {
        std::lock_guard lock(collector->mutex);
        if (index < collector->seen.size() && !collector->seen[index]) {
            collector->seen[index] = true;
            ++collector->answered;
            Reply& reply = (*collector->replies)[index];
            if (natsMsg_IsNoResponders(msg)) {
                reply.status = Reply::Status::no_responders;
            } else {
                reply.status = Reply::Status::ok;
                reply.data.assign(natsMsg_GetData(msg), static_cast<std::size_t>(natsMsg_GetDataLength(msg)));
            }
        }
    }
    collector->done.notify_one();
    natsMsg_Destroy(msg);
}

}  // namespace

// The replies' collector and the subscription that feeds it, on the heap:
// the subscription's callbacks write into the collector until stop() returns.
struct PendingReplies::Impl {
    natsConnection* conn = nullptr;
    std::vector<Reply> replies;
    ReplyCollector collector;
    Handle<char, destroy_inbox> inbox;
    Handle<natsSubscription, natsSubscription_Destroy> sub;
    bool collecting = false;

    // Ends the subscription and waits until its last callback has returned.
    void stop() {
        if (!collecting) return;
        collecting = false;
        const bool unsubscribed = natsSubscription_Unsubscribe(sub.ptr) == NATS_OK;
        std::unique_lock lock(collector.mutex);
        if (unsubscribed) collector.done.wait_for(lock, std::chrono::seconds(5), [&] { return collector.closed; });
    }
    ~Impl() { stop(); }
};

PendingReplies::PendingReplies(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
PendingReplies::~PendingReplies() = default;
PendingReplies::PendingReplies(PendingReplies&&) noexcept = default;
PendingReplies& PendingReplies::operator=(PendingReplies&&) noexcept = default;

std::vector<Reply> PendingReplies::wait(std::chrono::milliseconds timeout) {
    Impl& p = *impl_;
    if (!p.collecting) return std::move(p.replies);
    {
        std::unique_lock lock(p.collector.mutex);
        // A closed connection ends the subscription too: no reply can come any more.
        p.collector.done.wait_for(lock, timeout,
                                  [&] { return p.collector.answered == p.replies.size() || p.collector.closed; });
    }
    p.stop();
    if (natsConnection_IsClosed(p.conn)) {
        for (std::size_t i = 0; i < p.replies.size(); ++i) {
            if (!p.collector.seen[i]) p.replies[i].status = Reply::Status::lost;
        }
    }
    return std::move(p.replies);
}

PendingReplies NatsConnection::send_requests(const std::vector<Request>& requests) {
    auto p = std::make_unique<PendingReplies::Impl>();
    p->conn = impl_->conn;
    p->replies.resize(requests.size());
    if (requests.empty()) return PendingReplies(std::move(p));

    if (natsInbox_Create(&p->inbox.ptr) != NATS_OK) throw ConnectionError("cannot create a reply inbox");
    ReplyCollector& collector = p->collector;
    collector.prefix = std::string(p->inbox.ptr) + ".";
    collector.replies = &p->replies;
    collector.seen.assign(requests.size(), false);
    const std::string wildcard = collector.prefix + "*";
    if (natsStatus s = natsConnection_Subscribe(&p->sub.ptr, impl_->conn, wildcard.c_str(), on_reply, &collector);
        s != NATS_OK) {
        throw ConnectionError(fmt::format("cannot subscribe to the reply inbox: {}", last_error_text(s)));
    }
    p->collecting = true;
    natsSubscription_SetOnCompleteCB(p->sub.ptr, on_closed, &collector);
    for (std::size_t i = 0; i < requests.size(); ++i) {
        const std::string reply_to = collector.prefix + std::to_string(i);
        const natsStatus s =
            natsConnection_PublishRequest(impl_->conn, requests[i].subject.c_str(), reply_to.c_str(),
                                          requests[i].body.data(), static_cast<int>(requests[i].body.size()));
        if (s != NATS_OK) {  // p stops collecting as it goes
            throw ConnectionError(
                fmt::format("cannot send request on {}: {}", requests[i].subject, last_error_text(s)));
        }
    }
    return PendingReplies(std::move(p));
}

std::vector<Reply> NatsConnection::request_many(const std::vector<Request>& requests,
                                                std::chrono::milliseconds timeout) {
    return send_requests(requests).wait(timeout);
}

std::string NatsConnection::connected_url() const {
    char buffer[512] = {0};
    if (natsConnection_GetConnectedUrl(impl_->conn, buffer, sizeof buffer) != NATS_OK || buffer[0] == '\0') {
        return impl_->redacted_servers;
    }
    return redact_url(buffer);
}

std::string NatsConnection::connected_server_id() const {
    char buffer[256] = {0};
    if (natsConnection_GetConnectedServerId(impl_->conn, buffer, sizeof buffer) != NATS_OK) return {};
    return buffer;
}

std::string nats_library_version() { return nats_GetVersion(); }

void shutdown_nats_library() { nats_Close(); }

}  // namespace aa
