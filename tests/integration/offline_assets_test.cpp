// Offline streams and consumers (nats-server 2.11.9+/2.12) through every
// command that reads them: named with the server's reason, exit 3, never
// "not found", never a pass, and ensure-streams sends no write. No server run
// here can take a stream offline (that needs one written by a newer server,
// or a stored config it can no longer read), so the JetStream API is a fake
// responder on a real nats-server without JetStream, answering with the
// replies taken from nats-server's source (tests/fixtures/README.md).

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <mutex>
#include <sstream>

#include <fmt/format.h>

#include "tests/support/fakes.hpp"
#include "tests/support/harness.hpp"
#include "tests/support/schema_check.hpp"

using aa::test::FakeResponder;
using aa::test::Json;
using aa::test::NatsServer;
using aa::test::RunResult;
using aa::test::run_aa_nats;
using aa::test::ServerOptions;

namespace {

constexpr const char* kReason = "unsupported - required API level: 6, current API level: 5";
constexpr const char* kNotFound =
    R"({"type":"io.nats.jetstream.api.v1.stream_info_response","error":{"code":404,"err_code":10059,"description":"stream not found"}})";

std::string fixture(const std::string& name) {
    const auto path = std::filesystem::path(__FILE__).parent_path().parent_path() / "fixtures" / name;
    std::ifstream in(path);
    REQUIRE(in);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

// The fake's answers by subject (the longest matching prefix wins), and what was asked.
class Api {
public:
    explicit Api(std::map<std::string, std::string> answers) : answers_(std::move(answers)) {}

    FakeResponder::Answer answer() {
        return [this](const std::string& subject) -> std::optional<std::string> {
            const std::lock_guard lock(mutex_);
            asked_.push_back(subject);
            std::string best;
            for (const auto& [prefix, _] : answers_) {
                if (subject.starts_with(prefix) && prefix.size() > best.size()) best = prefix;
            }
            return best.empty() ? std::string(kNotFound) : answers_.at(best);
        };
    }

    std::vector<std::string> writes() {
        const std::lock_guard lock(mutex_);
        std::vector<std::string> out;
        for (const auto& s : asked_) {
            if (s.find(".CREATE.") != std::string::npos || s.find(".UPDATE.") != std::string::npos ||
                s.find(".DELETE.") != std::string::npos) {
                out.push_back(s);
            }
        }
        return out;
    }

private:
    std::map<std::string, std::string> answers_;
    std::mutex mutex_;
    std::vector<std::string> asked_;
};

NatsServer without_jetstream() { return NatsServer(ServerOptions{.jetstream = false, .user = {}, .password = {}, .extra_args = {}}); }

// AA_CORE_HOT's info as STREAM.INFO answers it: the online stream of the list page.
std::string core_info() {
    Json info = Json::parse(fixture("stream_list_offline_page.json")).at("streams")[0];
    info["type"] = "io.nats.jetstream.api.v1.stream_info_response";
    return info.dump();
}

// The list page without its offline stream: AA_CORE_HOT alone.
std::string core_page() {
    Json page = Json::parse(fixture("stream_list_offline_page.json"));
    page["total"] = 1;
    page.erase("missing");
    page.erase("offline");
    return page.dump();
}

void check_named(const RunResult& r, const std::string& what) {
    INFO("stdout: ", r.out, "\nstderr: ", r.err);
    CHECK(r.exit_code == 3);
    CHECK(r.err.find(fmt::format("{} is offline: {}", what, kReason)) != std::string::npos);
    CHECK(r.out.find("not found") == std::string::npos);
    CHECK(r.err.find("not found") == std::string::npos);
}

}  // namespace

TEST_CASE("an offline stream: every command names it with the server's reason and exits 3; ensure-streams writes nothing") {
    NatsServer server = without_jetstream();
    Api api({{"$JS.API.STREAM.INFO.AA_VENDOR_HOT", fixture("stream_info_offline.json")},
             {"$JS.API.CONSUMER.INFO.AA_VENDOR_HOT.", fixture("stream_info_offline.json")},  // the server's 10194
             {"$JS.API.STREAM.LIST", fixture("stream_list_offline_page.json")}});
    FakeResponder responder(server.url(), "$JS.API.>", api.answer());
    const std::vector<std::vector<std::string>> forms{
        {"stream-info"},      {"stream-info", "AA_VENDOR_HOT"}, {"stream-info", "--all"},
        {"migrate-verify", "1"}, {"migrate-verify", "--detect"}, {"consumer-diag", "AA_VENDOR_HOT", "normalize-oura"},
        {"ensure-streams", "--dry-run"}, {"ensure-streams"}, {"ensure-streams", "--phase", "1"}};
    for (std::vector<std::string> args : forms) {
        CAPTURE(fmt::format("{}", fmt::join(args, " ")));
        args.insert(args.end(), {"-s", server.url()});
        check_named(run_aa_nats(args), "stream AA_VENDOR_HOT");
    }
    CHECK(api.writes().empty());

    // The JSON error document says the same. (--all meets it first among the
    // streams that may capture an event subject family: the fake cannot tell
    // a filtered list from the account's.)
    const RunResult all = run_aa_nats({"stream-info", "--all", "--json", "-s", server.url()});
    CHECK(all.exit_code == 3);
    const Json doc = all.json();
    aa::test::check_schema(doc, "error.schema.json");
    CHECK(doc.at("error").at("exit_code") == 3);
    CHECK(doc.at("error").at("message") == fmt::format("stream AA_VENDOR_HOT is offline: {}", kReason));

    // A monitor sees it as CRITICAL.
    const RunResult nagios = run_aa_nats({"migrate-verify", "1", "--format", "nagios", "-s", server.url()});
    CHECK(nagios.exit_code == 2);
    CHECK(nagios.out.find("CRITICAL") != std::string::npos);
}

TEST_CASE("an offline consumer: consumer-diag and migrate-verify name it with the server's reason and exit 3") {
    NatsServer server = without_jetstream();
    Api api({{"$JS.API.STREAM.INFO.AA_CORE_HOT", core_info()},
             {"$JS.API.CONSUMER.INFO.AA_CORE_HOT.normalize-hrv-durable", fixture("consumer_info_offline.json")},
             {"$JS.API.CONSUMER.LIST.AA_CORE_HOT", fixture("consumer_list_offline_page.json")},
             {"$JS.API.STREAM.LIST", core_page()}});
    FakeResponder responder(server.url(), "$JS.API.>", api.answer());
    for (std::vector<std::string> args : std::vector<std::vector<std::string>>{
             {"consumer-diag"}, {"consumer-diag", "--all"}, {"consumer-diag", "--all", "AA_CORE_HOT"}, {"migrate-verify", "2"}}) {
        CAPTURE(fmt::format("{}", fmt::join(args, " ")));
        args.insert(args.end(), {"-s", server.url()});
        const RunResult r = run_aa_nats(args);
        INFO("stdout: ", r.out, "\nstderr: ", r.err);
        CHECK(r.exit_code == 3);
        CHECK(r.err.find(fmt::format("consumer normalize-hrv-durable of stream AA_CORE_HOT is offline: {}", kReason)) !=
              std::string::npos);
    }
}
