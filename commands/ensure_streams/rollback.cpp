#include "commands/ensure_streams/rollback.hpp"

#include <fmt/format.h>

#include "src/text.hpp"

namespace aa::ensure_streams {

// nats-server 2.9.10 accepts removing subjects that a consumer's filter needs
// (the consumer stays, with what it had pending, also across a restart), but
// refuses to create or update a durable whose filter its stream does not
// capture: a service that (re)creates its durable at start-up fails there.
// 2.10.27 and 2.15.1 accept such a durable: the service starts, and reads
// nothing new.
std::vector<std::string> rollback_warnings(const Plan& plan, bool foreign_filters_refused) {
    const StreamNames& names = plan.target.names;
    std::vector<std::string> warnings;
    for (const SubjectMove& move : plan.moves) {
        if (move.to != names.legacy || (move.from != names.core && move.from != names.vendor)) continue;
        const int forward_phase = move.from == names.vendor ? 1 : 2;
        const char* them = move.subjects.size() == 1 ? "it" : "them";
        const std::string until = foreign_filters_refused
            ? fmt::format("nats-server refuses to create or update a durable on {} filtered on {} (err_code 10093)",
                          move.from, them)
            : fmt::format("a durable created or updated on {} filtered on {} is accepted (nats-server 2.10+) and gets "
                          "nothing new either",
                          move.from, them);
        warnings.push_back(fmt::format(
            "rolling back: {} captures {} again instead of {}; the consumers of {} keep what it stored and get "
            "nothing new, new messages are read from {}; until --phase {} moves {} forward again, {}",
            move.to, join(move.subjects), move.from, move.from, move.to, forward_phase, them, until));
    }
    return warnings;
}

}  // namespace aa::ensure_streams
