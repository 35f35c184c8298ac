#pragma once
// What consumer-diag reports: one consumer (its binding and diagnosis), or
// every consumer of some streams (--all), each with the server it was read
// from, and the exit code each calls for.

#include <optional>
#include <string>
#include <vector>

#include "commands/consumer_diag/binding.hpp"
#include "commands/consumer_diag/diagnosis.hpp"
#include "src/errors.hpp"
#include "src/server_info.hpp"

namespace aa::consumer_diag {

// One consumer as reported.
struct ConsumerReport {
    std::optional<std::string> stream;  // the STREAM argument (or the stream listed with --all)
    std::string durable;
    Binding binding;
    Diagnosis diagnosis;
    Thresholds thresholds;  // the gates it was judged by (perfdata shows them)
};

// A run on one consumer.
struct SingleResult {
    // As CommandContext::server() tells: a consumer info is no stream info,
    // which alone can settle clustering (clustering.hpp).
    ServerFacts server;
    ConsumerReport consumer;
};

// A run with --all.
struct AllResult {
    ServerFacts server;                        // settled by the streams' infos (note_stream_cluster)
    std::vector<std::string> streams_checked;  // --all: the streams whose consumers were listed
    std::vector<std::string> streams_missing;  // --all: streams asked for that do not exist
    bool stream_given = false;                 // --all STREAM: a missing STREAM fails the run
    std::vector<ConsumerReport> consumers;
};

ExitCode exit_code(const ConsumerReport& report);
ExitCode exit_code(const SingleResult& result);
ExitCode exit_code(const AllResult& result);

}  // namespace aa::consumer_diag
