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

// --all: every consumer of the plan's streams that exist, on SERVER, whose
// clustering their stream infos settle.
AllResult gather_all(const Plan& plan, JetStreamClient& js, ServerFacts server, TimePoint now);

// The wall clock as a TimePoint.
TimePoint wall_now();

}  // namespace aa::consumer_diag
