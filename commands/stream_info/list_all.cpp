// stream-info --all: the account's streams, page by page. The first batch
// asks who captures each event subject family (the server's own answer, as
// without --all) together with the first page; the head is written from it,
// then each page as it comes, a few pages asked for at once.

#include "commands/stream_info/list_all.hpp"

#include <deque>

#include <fmt/format.h>

#include "commands/stream_info/listing.hpp"
#include "commands/stream_info/stream_info.hpp"
#include "src/clustering.hpp"
#include "src/json_text.hpp"
#include "src/text.hpp"

namespace aa::stream_info {
namespace {

// Pages asked for together after the first, and how many such batches are
// in flight at once. On a remote link a round trip brings what is in flight,
// so these set the round trips an account's size costs (ceil(pages / 12)
// after the first); and they bound the memory held: the batch being written
// and those in flight, some 2.5 MB at most (a page is up to 256 stream
// infos, some 160 KB), whatever the account's size.
constexpr std::int64_t kPagesAhead = 4;
constexpr std::size_t kBatchesInFlight = 3;

// Decorates each stream with its role and drift and hands it to the writer,
// keeping the name order: a stream not after the last one written was
// written already (the list shifted while paging).
class Lister {
public:
    Lister(const TopologySettings& topology, ListingWriter& writer)
        : topology_(topology), desired_(desired_streams(topology)), writer_(writer) {}

    // Returns how many of PAGE's streams were new.
    std::size_t add(const StreamPage& page) {
        missing_.insert(missing_.end(), page.missing().begin(), page.missing().end());
        for (const auto& [name, reason] : page.offline()) offline_.push_back(offline_stream(name, reason));
        std::size_t added = 0;
        for (std::size_t i = 0; i < page.size(); ++i) {
            const auto config = json_text::first_member(page.info(i), "config");
            ListedStream stream{page.name(i), page.info(i), std::nullopt, std::nullopt};
            if (written_ && stream.name <= last_) continue;
            stream.role = role_of(stream.name, topology_);
            if (const DesiredStream* wanted = desired_named(desired_, stream.name)) {
                stream.drift = diff_managed(config ? Json::parse(*config) : Json::object(), *wanted);
            }
            writer_.add(stream);
            last_ = std::move(stream.name);
            written_ = true;
            ++added;
        }
        return added;
    }

    // The streams the server named as missing (no leader answered): left
    // out, or (nats-server 2.9.10, a stream whose replicas are all offline)
    // listed too, with its configuration but no state it could vouch for.
    const std::vector<std::string>& missing() const { return missing_; }
    // The streams the server holds but cannot serve (2.11.9+), with its reason.
    const std::vector<OfflineAsset>& offline() const { return offline_; }

private:
    const TopologySettings& topology_;
    const std::vector<DesiredStream> desired_;
    ListingWriter& writer_;
    std::string last_;
    bool written_ = false;
    std::vector<std::string> missing_;
    std::vector<OfflineAsset> offline_;
};

// A batch of pages asked for and not yet read.
struct Batch {
    std::vector<Ticket<StreamPage>> pages;
    PendingAnswers pending;
};

// Where paging stands: the next offset to ask for, and the server's count.
struct Paging {
    std::int64_t limit;
    std::int64_t total;
    std::int64_t offset;
};

// Asks for the next kPagesAhead pages, if the server's count says there are more.
std::optional<Batch> ask_next(JetStreamClient& js, Paging& paging) {
    if (paging.offset >= paging.total) return std::nullopt;
    Questions questions;
    std::vector<Ticket<StreamPage>> pages;
    for (std::int64_t k = 0; k < kPagesAhead && paging.offset < paging.total; ++k, paging.offset += paging.limit) {
        pages.push_back(questions.stream_page(paging.offset));
    }
    return Batch{std::move(pages), js.ask_ahead(questions)};
}

// The pages after the first, kPagesAhead a batch, kBatchesInFlight of them
// asked for before the oldest is read, and another asked for before the one
// read is written: the server works while aa-nats writes. Paging ends at the
// server's count or when a batch brings nothing new ("total" is the server's
// word); batches still in flight then are dropped unread.
void list_rest(JetStreamClient& js, const StreamPage& first, Lister& lister) {
    const std::int64_t limit = first.limit() > 0 ? first.limit() : 256;
    Paging paging{limit, first.total(), limit};
    std::deque<Batch> in_flight;
    const auto fill_window = [&] {
        while (in_flight.size() < kBatchesInFlight) {
            std::optional<Batch> batch = ask_next(js, paging);
            if (!batch) return;
            in_flight.push_back(std::move(*batch));
        }
    };
    fill_window();
    while (!in_flight.empty()) {
        Batch current = std::move(in_flight.front());
        in_flight.pop_front();
        Answers answers = current.pending.wait();
        fill_window();
        std::size_t added = 0;
        for (const auto& ticket : current.pages) {
            const StreamPage page = answers.take(ticket);
            added += lister.add(page);
            paging.total = page.total();
        }
        if (added == 0) return;
        fill_window();  // the account may have grown meanwhile
    }
}

}  // namespace

ExitCode list_all(CommandContext& context) {
    JetStreamClient& js = context.jetstream();
    const TopologySettings& topology = context.settings().topology;
    const std::vector<std::string> families = event_families(topology.mode, /*migrating=*/false);
    Questions questions;
    std::vector<Ticket<std::vector<Json>>> capturing;
    for (const auto& family : families) capturing.push_back(questions.streams_overlapping(family));
    const auto first_page = questions.stream_page(0);
    Answers answers = js.ask(questions);

    // The head is written before the rest of the account is read: the server's
    // clustering is settled by the streams read by then (the first page and
    // those capturing the families).
    ServerFacts server = context.server();
    std::vector<FamilyCapture> capture;
    for (std::size_t i = 0; i < families.size(); ++i) {
        const std::vector<Json> infos = answers.take(capturing[i]);
        for (const Json& info : infos) note_stream_cluster(server, info);
        capture.push_back(capture_of(families[i], subjects_of_streams(infos)));
    }
    const StreamPage first = answers.take(first_page);
    for (std::size_t i = 0; i < first.size(); ++i) {
        const auto cluster = json_text::member(first.info(i), "cluster");
        note_cluster_member(server, cluster ? Json::parse(*cluster) : Json());
    }

    const Output& output = context.output();
    const auto writer = output.json() ? json_writer(output.out) : table_writer(output.style, output.out);
    writer->begin(server, capture);
    Lister lister(topology, *writer);
    lister.add(first);
    // The head is out: an error ends what was written, rather than a second document.
    const auto end_with_error = [&](const ErrorReport& report) {
        writer->end_with_error(report);
        output.err << report.line() << '\n';
        return report.code;
    };
    try {
        list_rest(js, first, lister);
    } catch (const Error&) {
        return end_with_error(error_report(std::current_exception(), context.settings().connection.secrets()));
    }
    if (!lister.missing().empty()) {
        // A listing that exits 0 says it is the whole account: it is not.
        const std::vector<std::string>& missing = lister.missing();
        return end_with_error({ExitCode::unavailable,
                               fmt::format("JetStream did not answer for {} {} (no leader?): the listing is incomplete",
                                           missing.size() == 1 ? "stream" : "streams", join(missing))});
    }
    // Every stream is accounted for, but one the server cannot serve is no pass: exit 3, with its reason.
    if (!lister.offline().empty()) {
        const AssetsOffline offline(lister.offline());
        return end_with_error({offline.exit_code(), offline.what()});
    }
    writer->end();
    return ExitCode::ok;
}

}  // namespace aa::stream_info
