#include "commands/consumer_diag/binding.hpp"

#include <fmt/format.h>

namespace aa::consumer_diag {

Binding choose_binding(const std::vector<std::string>& candidates, std::vector<ConsumerAnswer> answers) {
    Binding b;
    for (std::size_t i = 0; i < candidates.size() && i < answers.size(); ++i) {
        ConsumerAnswer& answer = answers[i];
        const std::string& stream = candidates[i];
        const bool found = answer.info.has_value();
        if (b.bound_stream) {
            if (found) b.also_on.push_back(stream);
            continue;
        }
        b.candidates_tried.push_back(stream);
        if (found) {
            b.bound_stream = stream;
            b.info = std::move(*answer.info);
        } else {
            b.misses.push_back(fmt::format("{}: {}", stream, answer.stream_missing ? "stream not found" : "no such durable"));
        }
    }
    return b;
}

}  // namespace aa::consumer_diag
