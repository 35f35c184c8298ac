// A JetStream API that answers with very large stream infos, for
// bench/large_reply.sh: a fake by necessity, since no real nats-server here
// can hold a stream of 200,000 subjects in its config (its own overlap checks
// take minutes). STREAM.INFO.<STREAM> gets an info of STREAM whose config
// lists SUBJECTS subjects, any other stream is not found (as on a server where
// that stream exists alone: no other stream may overlap its subjects);
// STREAM.LIST a one-stream page of STREAM; any consumer is not found. Runs
// until killed.
//
// usage: bench_large_reply_responder URL SUBJECTS [STREAM]   (default ATHLETE_ALLY_EVENTS)

#include <nats/nats.h>

#include <csignal>
#include <cstdlib>
#include <string>
#include <thread>

namespace {

std::string subjects_list;
std::string big_stream = "ATHLETE_ALLY_EVENTS";

std::string info_of(const std::string& name) {
    return R"({"type":"io.nats.jetstream.api.v1.stream_info_response","config":{"name":")" + name +
           R"(","subjects":[)" + subjects_list +
           R"(],"retention":"limits","storage":"file","num_replicas":1},"created":"2026-01-01T00:00:00Z",)"
           R"("state":{"messages":5,"bytes":10,"first_seq":1,"last_seq":5,"consumer_count":0}})";
}

std::string answer(const std::string& subject) {
    const std::string info_prefix = "$JS.API.STREAM.INFO.";
    if (subject == info_prefix + big_stream) return info_of(big_stream);
    if (subject.rfind(info_prefix, 0) == 0) {
        return R"({"type":"io.nats.jetstream.api.v1.stream_info_response","error":{"code":404,"err_code":10059,"description":"stream not found"}})";
    }
    if (subject == "$JS.API.STREAM.LIST") {
        return R"({"type":"io.nats.jetstream.api.v1.stream_list_response","total":1,"offset":0,"limit":256,"streams":[)" +
               info_of(big_stream) + "]}";
    }
    if (subject.rfind("$JS.API.CONSUMER.LIST.", 0) == 0) {
        return R"({"type":"io.nats.jetstream.api.v1.consumer_list_response","total":0,"offset":0,"limit":256,"consumers":[]})";
    }
    return R"({"type":"io.nats.jetstream.api.v1.consumer_info_response","error":{"code":404,"err_code":10014,"description":"consumer not found"}})";
}

void on_request(natsConnection* nc, natsSubscription*, natsMsg* msg, void*) {
    if (natsMsg_GetReply(msg) != nullptr) {
        const std::string reply = answer(natsMsg_GetSubject(msg));
        natsConnection_Publish(nc, natsMsg_GetReply(msg), reply.data(), static_cast<int>(reply.size()));
    }
    natsMsg_Destroy(msg);
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 3 && argc != 4) return 2;
    if (argc == 4) big_stream = argv[3];
    const long count = std::strtol(argv[2], nullptr, 10);
    char subject[64];
    for (long i = 0; i < count; ++i) {
        std::snprintf(subject, sizeof subject, "%s\"athlete-ally.events.vendor-sync.%06ld\"", i ? "," : "", i);
        subjects_list += subject;
    }
    natsConnection* nc = nullptr;
    natsSubscription* sub = nullptr;
    if (natsConnection_ConnectTo(&nc, argv[1]) != NATS_OK) return 3;
    natsConnection_Subscribe(&sub, nc, "$JS.API.>", on_request, nullptr);
    natsConnection_Flush(nc);
    std::signal(SIGTERM, [](int) { std::_Exit(0); });
    while (true) std::this_thread::sleep_for(std::chrono::hours(1));
}
