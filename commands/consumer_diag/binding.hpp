#pragma once
// Which stream the service binds a durable on: the first of its candidate
// streams that has it, as the normalize service looks it up.

#include <optional>
#include <string>
#include <vector>

#include "src/jetstream_batch.hpp"

namespace aa::consumer_diag {

// Where the durable was found among the candidate streams, as the service binds it.
struct Binding {
    std::optional<std::string> bound_stream;    // the first candidate that has the durable
    std::vector<std::string> candidates_tried;  // in order, up to and including the bound one
    std::vector<std::string> also_on;           // later candidates that have it too
    std::vector<std::string> misses;            // "AA_CORE_HOT: stream not found", ...
    Json info;                                  // the bound consumer's info, null when missing
};

// Chooses the binding from the durable's look-up on every candidate, in candidate order.
Binding choose_binding(const std::vector<std::string>& candidates, std::vector<ConsumerAnswer> answers);

}  // namespace aa::consumer_diag
