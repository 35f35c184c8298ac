// The verdict on a consumer, from its info alone: a pure function, so it is
// unit-tested on real replies with an injected "now".

#include "commands/consumer_diag/diagnosis.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "src/cluster_view.hpp"
#include "src/duration.hpp"
#include "src/errors.hpp"

namespace aa::consumer_diag {
namespace {

using std::chrono::nanoseconds;

std::string plural(std::uint64_t n, const char* word) {
    return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s");
}

// A timestamp member, or nullopt when absent, zero or unreadable (the latter noted in WARNINGS).
std::optional<TimePoint> time_at(const Json& object, std::string_view key, std::vector<std::string>& warnings) {
    const std::string text = string_or(object, key);
    if (text.empty()) return std::nullopt;
    try {
        const TimePoint t = parse_timestamp(text);
        if (is_zero_time(t)) return std::nullopt;
        return t;
    } catch (const ParseError& e) {
        warnings.push_back(fmt::format("{}: {}", key, e.what()));
        return std::nullopt;
    }
}

// Clock skew between the server and this machine can make "ago" negative; show it as 0.
// A server's timestamp may be centuries back, where now - then overflows int64 nanoseconds:
// that is "longer than can be told", not a wrap-around to "just now".
nanoseconds since(TimePoint then, TimePoint now) {
    std::int64_t elapsed = 0;
    if (__builtin_sub_overflow(now.time_since_epoch().count(), then.time_since_epoch().count(), &elapsed)) {
        return then < now ? nanoseconds::max() : nanoseconds(0);
    }
    return std::max(nanoseconds(0), nanoseconds(elapsed));
}

// How long deliveries stood still: since the last one, or since the
// consumer's creation when nothing was ever delivered.
std::optional<nanoseconds> idle_for(const Diagnosis& d, const std::optional<TimePoint>& created_at, TimePoint now) {
    if (d.delivered_ago) return d.delivered_ago;
    if (created_at) return since(*created_at, now);
    return std::nullopt;
}

// The counters and settings of a consumer info that the verdict reads.
struct Counters {
    std::uint64_t pending = 0;
    std::uint64_t ack_pending = 0;
    std::uint64_t redelivered = 0;
    std::uint64_t waiting = 0;
    std::int64_t max_ack_pending = -1;
    std::int64_t max_deliver = -1;
    std::string deliver_subject;  // empty for a pull consumer
    bool push_bound = false;
};

Counters counters_of(const Json& info) {
    const Json& config = object_at(info, "config");
    Counters c;
    c.pending = uint_or(info, "num_pending");
    c.ack_pending = uint_or(info, "num_ack_pending");
    c.redelivered = uint_or(info, "num_redelivered");
    c.waiting = uint_or(info, "num_waiting");
    c.max_ack_pending = int_or(config, "max_ack_pending", -1);
    c.max_deliver = int_or(config, "max_deliver", -1);
    c.deliver_subject = string_or(config, "deliver_subject");
    c.push_bound = bool_or(info, "push_bound");
    return c;
}

// Messages pending: stalled when deliveries stood still (IDLE) for longer
// than --stall-after, else a backlog.
void judge_pending(const Counters& c, const std::optional<nanoseconds>& idle, const Thresholds& thresholds,
                   Diagnosis& d) {
    if (idle && *idle > thresholds.stall_after) {
        d.verdict = Verdict::stalled;
        d.reasons.push_back(fmt::format(
            "{} pending and nothing delivered for {} (--stall-after {}){}", plural(c.pending, "message"),
            format_duration(std::chrono::duration_cast<std::chrono::seconds>(*idle)),
            format_duration(thresholds.stall_after),
            c.deliver_subject.empty() && c.waiting == 0 ? "; no pull request is waiting" : ""));
    } else {
        d.verdict = Verdict::backlog;
        d.reasons.push_back(fmt::format("{} pending, last delivery {}", plural(c.pending, "message"), ago(d.delivered_ago)));
    }
}

// The worst condition that holds decides; each is explained. A pause comes
// first: while it lasts nothing is delivered, whoever subscribes or acks.
void judge(const Counters& c, const std::optional<nanoseconds>& idle, const Thresholds& thresholds, Diagnosis& d) {
    if (d.pause && c.pending > 0) {
        d.verdict = Verdict::blocked;
        d.reasons.push_back(fmt::format("paused {} with {} pending: nothing is delivered until then",
                                        describe(*d.pause), plural(c.pending, "message")));
    } else if (!c.deliver_subject.empty() && !c.push_bound && c.pending > 0) {
        d.verdict = Verdict::unbound;
        d.reasons.push_back(fmt::format("push consumer without a subscriber on {} while {} wait", c.deliver_subject,
                                        plural(c.pending, "message")));
    } else if (c.max_ack_pending > 0 && c.ack_pending >= static_cast<std::uint64_t>(c.max_ack_pending) && c.pending > 0) {
        d.verdict = Verdict::blocked;
        d.reasons.push_back(fmt::format(
            "{} awaiting acknowledgement reach max_ack_pending {}: {} more will not be delivered until some are acked",
            c.ack_pending, c.max_ack_pending, plural(c.pending, "message")));
    } else if (c.pending > 0) {
        judge_pending(c, idle, thresholds, d);
    } else {
        d.verdict = Verdict::healthy;
        d.reasons.push_back(c.ack_pending > 0
                                ? fmt::format("nothing pending; {} delivered and awaiting acknowledgement",
                                              plural(c.ack_pending, "message"))
                                : std::string("caught up: nothing pending, nothing awaiting acknowledgement"));
        // Nothing waits now, so the pause holds nothing back yet; what is published meanwhile will wait.
        if (d.pause) d.reasons.push_back(fmt::format("paused {}: what arrives meanwhile waits until then", describe(*d.pause)));
    }
}

void note_redeliveries(const Counters& c, Diagnosis& d) {
    if (c.redelivered > 0) {
        d.warnings.push_back(fmt::format("{} redelivered (delivered more than once and not acknowledged)",
                                         plural(c.redelivered, "message")));
    }
    // The server keeps a redelivered message in num_redelivered until it is
    // acked; one that used up max_deliver is no longer ack pending. So the
    // excess over num_ack_pending ran out of deliveries (at least).
    if (c.max_deliver > 0 && c.redelivered > c.ack_pending) {
        d.exhausted_at_least = c.redelivered - c.ack_pending;
        d.warnings.push_back(fmt::format("at least {} ran out of deliveries (max_deliver {}) and will not be retried",
                                         plural(d.exhausted_at_least, "message"), c.max_deliver));
    }
}

void check_threshold(std::uint64_t value, const std::optional<std::uint64_t>& limit, const char* what,
                     const char* flag, Diagnosis& d) {
    if (limit && value > *limit) {
        d.reasons.push_back(fmt::format("{} {} exceeds {} {}", what, value, flag, *limit));
        d.threshold_exceeded = true;
        d.thresholds_exceeded.emplace_back(flag);
    }
}

void compare_expected(const Json& config, const ExpectedConfig& expected, Diagnosis& d) {
    const std::int64_t max_deliver = int_or(config, "max_deliver", -1);
    if (max_deliver != expected.max_deliver) {
        d.warnings.push_back(fmt::format("config drift: max_deliver is {}, the service expects {} (NORMALIZE_HRV_MAX_DELIVER)",
                                         max_deliver <= 0 ? std::string("unlimited") : std::to_string(max_deliver),
                                         expected.max_deliver));
    }
    const nanoseconds ack_wait(int_or(config, "ack_wait"));
    if (ack_wait != expected.ack_wait) {
        d.warnings.push_back(fmt::format("config drift: ack_wait is {}, the service expects {} (NORMALIZE_HRV_ACK_WAIT_MS={})",
                                         format_duration(ack_wait), format_duration(expected.ack_wait),
                                         expected.ack_wait.count()));
    }
    const std::string ack_policy = string_or(config, "ack_policy", "none");
    if (ack_policy != "explicit") {
        d.warnings.push_back(fmt::format("config drift: ack_policy is {}, the service acknowledges explicitly", ack_policy));
    }
}

void note_cluster(const Json& info, Diagnosis& d) {
    const ClusterState cluster = parse_cluster_state(info);
    if (cluster.name.empty() && cluster.leader.empty()) return;
    if (cluster.leader.empty()) d.warnings.push_back("the consumer has no leader");
    for (const auto& replica : cluster.replicas) {
        if (replica.offline) {
            d.warnings.push_back(fmt::format("replica {} is offline", replica.name));
        } else if (!replica.current) {
            d.warnings.push_back(fmt::format("replica {} is behind", replica.name));
        }
    }
}

}  // namespace

std::string_view to_string(Verdict verdict) {
    switch (verdict) {
        case Verdict::healthy: return "healthy";
        case Verdict::backlog: return "backlog";
        case Verdict::stalled: return "stalled";
        case Verdict::blocked: return "blocked";
        case Verdict::unbound: return "unbound";
        case Verdict::missing: return "missing";
    }
    return "missing";
}

bool Diagnosis::ok() const {
    return !threshold_exceeded && (verdict == Verdict::healthy || verdict == Verdict::backlog);
}

std::string ago(const std::optional<nanoseconds>& elapsed) {
    return elapsed ? format_duration(std::chrono::duration_cast<std::chrono::seconds>(*elapsed)) + " ago" : "never";
}

Diagnosis diagnose(const Json& info, TimePoint now, const Thresholds& thresholds,
                   const std::optional<ExpectedConfig>& expected) {
    Diagnosis d;
    if (!info.is_object()) {
        d.verdict = Verdict::missing;
        d.reasons.push_back("the durable consumer does not exist");
        return d;
    }
    const auto delivered_at = time_at(object_at(info, "delivered"), "last_active", d.warnings);
    const auto acked_at = time_at(object_at(info, "ack_floor"), "last_active", d.warnings);
    const auto created_at = time_at(info, "created", d.warnings);
    if (delivered_at) d.delivered_ago = since(*delivered_at, now);
    if (acked_at) d.acked_ago = since(*acked_at, now);

    d.pause = pause_of(info, d.warnings);
    d.priority = priority_of(info);
    const Counters c = counters_of(info);
    judge(c, idle_for(d, created_at, now), thresholds, d);
    note_redeliveries(c, d);
    check_threshold(c.pending, thresholds.max_pending, "pending", "--max-pending", d);
    check_threshold(c.ack_pending, thresholds.max_ack_pending, "ack pending", "--max-ack-pending", d);
    check_threshold(c.redelivered, thresholds.max_redelivered, "redelivered", "--max-redelivered", d);
    if (expected) compare_expected(object_at(info, "config"), *expected, d);
    note_cluster(info, d);
    return d;
}

}  // namespace aa::consumer_diag
