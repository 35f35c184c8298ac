#pragma once
// `aa-nats stream-info [STREAM...] [--all]`: what the streams look like now.

#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "src/capture.hpp"
#include "src/cli_definition.hpp"
#include "src/command_context.hpp"
#include "src/stream_diff.hpp"
#include "src/topology.hpp"

namespace aa::stream_info {

struct Options {
    std::vector<std::string> names;  // empty: the four streams of the topology
    bool all = false;                // every stream in the account
};

// Its arguments and options, bound to OPTIONS, what it is for, and how
// it runs (definition.cpp).
CommandDefinition definition(Options& options);

// One stream as reported.
struct StreamReport {
    std::string name;
    std::optional<StreamRole> role;  // set for the streams of the topology
    bool found = false;
    Json info;                       // the server's stream info, as received (null when not found)
    // For a found stream the mode's topology manages: how its managed fields
    // differ from the topology (the same diff ensure-streams acts on).
    std::optional<std::vector<FieldChange>> drift;
};

struct Result {
    ServerFacts server;
    std::vector<StreamReport> streams;
    bool names_given = false;  // a missing stream named on the command line fails the command
    // Who captures each event subject family (not asked when streams are named).
    // Shown first; it never changes the exit code: migrate-verify and
    // ensure-streams --check are the gates.
    std::vector<FamilyCapture> capture;
};

// Which streams to ask for: the given names, or the topology's four.
struct Target {
    std::string name;
    std::optional<StreamRole> role;
};
std::vector<Target> targets(const Options& options, const TopologySettings& topology);

// The role NAME plays in the topology, if it is one of its streams.
std::optional<StreamRole> role_of(const std::string& name, const TopologySettings& topology);

// Fills in the drift of every found stream that the mode's topology manages.
void attach_drift(Result& result, const TopologySettings& topology);

// Exit 1 when a stream named on the command line does not exist, else 0.
ExitCode exit_code(const Result& result);

void render_human(const Result& result, const Style& style, std::ostream& out);
Json to_json(const Result& result);

// Validates the options, gathers the facts, prints the result; returns the exit code.
ExitCode run(const Options& options, CommandContext& context);

}  // namespace aa::stream_info
