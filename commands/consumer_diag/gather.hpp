#pragma once
// Asks JetStream what a plan needs and turns the answers into reports: one
// consumer through its candidate streams, or every consumer of some streams.

#include "commands/consumer_diag/plan.hpp"
#include "commands/consumer_diag/report.hpp"
#include "src/jetstream_client.hpp"
#include "src/timestamp.hpp"

namespace aa::consumer_diag {

// One consumer: the candidates asked together in one batch.
ConsumerReport gather_one(const Plan& plan, JetStreamClient& js, TimePoint now);

// --all: one of the plan's streams, its info (nullopt: it does not exist)
// and the infos of all its consumers.
struct StreamConsumers {
    std::string name;
    std::optional<Json> info;
    std::vector<Json> consumers;
};

// --all: the plan's streams and their consumers, asked in one batch (the
// stream infos and each stream's first page of consumers together).
std::vector<StreamConsumers> read_streams(const Plan& plan, JetStreamClient& js);

// --all: every consumer of STREAMS that exist, on SERVER, whose clustering
// their stream infos settle.
AllResult all_result(const Plan& plan, std::vector<StreamConsumers> streams, ServerFacts server, TimePoint now);

// The wall clock as a TimePoint.
TimePoint wall_now();

}  // namespace aa::consumer_diag
