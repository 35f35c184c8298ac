// libFuzzer target: JetStream API replies, and every pure evaluation that reads
// them (cluster state, managed-field diff, consumer verdict), so a reply of
// any shape gives a value or a ParseError, never a crash.
#include <cstdint>
#include <string_view>

#include "commands/consumer_diag/consumer_diag.hpp"
#include "src/cluster_view.hpp"
#include "src/errors.hpp"
#include "src/jetstream_api.hpp"
#include "src/stream_diff.hpp"
#include "src/topology.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    aa::ApiReply reply;
    try {
        reply = aa::parse_api_reply({reinterpret_cast<const char*>(data), size});
    } catch (const aa::ParseError&) {
        return 0;
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
