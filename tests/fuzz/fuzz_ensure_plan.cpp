// libFuzzer target: ensure-streams planning on arbitrary replies. The input is
// read as a reply the way the JetStream client reads one (the nesting gate,
// then the stream-info shape check); what passes is taken as each managed
// stream's info in turn, and the facts it makes are planned for every phase,
// single and multi mode, R1 and production. Whatever the reply holds, reading
// gives a value or a ParseError and planning a plan, never a crash.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "commands/ensure_streams/ensure_streams.hpp"
#include "src/clustering.hpp"
#include "src/errors.hpp"
#include "src/jetstream_api.hpp"
#include "src/reply_shapes.hpp"

namespace es = aa::ensure_streams;

namespace {

// REPLY as the info of stream NAME, if it is one once renamed (so that the
// fuzzer need not guess the names); nullopt when it is not a stream info.
std::optional<aa::Json> as_stream_info(aa::Json reply, const std::string& name) {
    if (reply.is_object() && reply.contains("config") && reply["config"].is_object()) reply["config"]["name"] = name;
    try {
        aa::check_stream_info(reply, name);
    } catch (const aa::ParseError&) {
        return std::nullopt;
    }
    return reply;
}

void plan_all(const es::Facts& facts, const aa::TopologySettings& settings) {
    for (const std::optional<int> phase : {std::optional<int>(), std::optional<int>(0), std::optional<int>(1),
                                           std::optional<int>(2), std::optional<int>(3)}) {
        const aa::TargetTopology target = aa::target_topology(settings, phase);
        es::fact_needs(target, facts.streams);
        es::subjects_to_ask(target, facts.streams);
        const es::Plan plan = es::make_plan(target, facts, es::Flags{});
        es::has_refusals(plan);
        es::apply_order(plan);
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    aa::ApiReply reply;
    try {
        reply = aa::parse_api_reply(std::string_view(reinterpret_cast<const char*>(data), size));
    } catch (const aa::ParseError&) {
        return 0;
    }
    if (!reply.ok()) return 0;
    for (const bool production : {false, true}) {
        for (const aa::StreamMode mode : {aa::StreamMode::multi, aa::StreamMode::single}) {
            aa::TopologySettings settings;
            settings.production = production;
            settings.mode = mode;
            // The reply as every managed stream's info at once: streams that
            // overlap one another, as a hostile server may claim.
            es::Facts facts;
            facts.server.version = "2.9.10";
            for (const auto& name : es::managed_streams(aa::target_topology(settings, 1))) {
                if (std::optional<aa::Json> info = as_stream_info(reply.body, name)) {
                    aa::note_stream_cluster(facts.server, *info);
                    facts.streams[name] = std::move(*info);
                }
            }
            plan_all(facts, settings);
        }
    }
    return 0;
}
