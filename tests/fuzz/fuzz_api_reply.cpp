// libFuzzer target: JetStream API replies (read as a tree, and as text with
// the same verdict), and every pure evaluation that reads them (cluster state, managed-field diff, consumer verdict), so a reply of
// any shape gives a value or a ParseError, never a crash.
#include <cstdint>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>

#include "commands/consumer_diag/consumer_diag.hpp"
#include "src/cluster_view.hpp"
#include "src/errors.hpp"
#include "src/jetstream_api.hpp"
#include "src/stream_diff.hpp"
#include "src/topology.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    // Read as text, a reply is refused exactly when its tree is, with the same error.
    std::optional<aa::ApiReply> as_text;
    try {
        as_text = aa::parse_api_reply_text(std::string(text));
    } catch (const aa::ParseError&) {
    }
    aa::ApiReply reply;
    try {
        reply = aa::parse_api_reply(text);
    } catch (const aa::ParseError&) {
        if (as_text) std::abort();
        return 0;
    }
    if (!as_text || as_text->ok() != reply.ok()) std::abort();
    if (!reply.ok() && (as_text->error->err_code != reply.error->err_code ||
                        as_text->error->description != reply.error->description)) {
        std::abort();
    }
    aa::parse_cluster_state(reply.body);
    const aa::TopologySettings topology;
    const aa::Json& config = aa::object_at(reply.body, "config");
    for (const auto& desired : aa::desired_streams(topology)) {
        aa::diff_managed(config, desired);
        aa::overlay_managed(config, desired);
    }
    aa::consumer_diag::diagnose(reply.body, aa::TimePoint{}, aa::consumer_diag::Thresholds{},
                                aa::consumer_diag::ExpectedConfig{});
    return 0;
}
