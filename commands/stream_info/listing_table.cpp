// stream-info --all as a table, a row per stream as it arrives. The columns
// have fixed widths (cut and padded by terminal columns, so escaped and
// multibyte names keep them aligned), so no row waits for the others.

#include <fmt/format.h>

#include "commands/stream_info/listing.hpp"
#include "commands/stream_info/render_parts.hpp"
#include "src/duration.hpp"
#include "src/json_text.hpp"
#include "src/text.hpp"

namespace aa::stream_info {
namespace {

// MAX AGE is 9 wide: "unlimited" is its longest value.
constexpr const char* kNumbers = " {:>12} {:>12} {:>9} {:>3} {:>9} {}\n";

// The members KEYS of OBJECT (a stream info's text), as a tree: a row reads
// seven values of a stream info, so no tree is built for the rest of it.
Json picked(std::optional<std::string_view> object, std::initializer_list<const char*> keys) {
    Json out = Json::object();
    if (!object) return out;
    for (const char* key : keys) {
        if (const auto value = json_text::first_member(*object, key)) out[key] = Json::parse(*value);
    }
    return out;
}

class TableListing : public ListingWriter {
public:
    TableListing(Style style, std::ostream& out) : style_(style), out_(out) {}

    void begin(const ServerFacts& server, const std::vector<FamilyCapture>& capture) override {
        render_header(server, out_);
        render_capture(capture, style_, out_);
        out_ << fmt::format("{:<32} {:<40}", "NAME", "SUBJECTS")
             << fmt::format(fmt::runtime(kNumbers), "MESSAGES", "BYTES", "CONSUMERS", "R", "MAX AGE", "STORAGE");
    }

    void add(const ListedStream& stream) override {
        const Json config = picked(json_text::first_member(stream.info, "config"),
                                   {"subjects", "num_replicas", "max_age", "storage"});
        const Json state = picked(json_text::first_member(stream.info, "state"), {"messages", "bytes", "consumer_count"});
        const std::string subjects = truncate_to_width(printable(join(strings_at(config, "subjects"))), 40);
        out_ << pad_to_width(printable(stream.name), 32) << ' ' << pad_to_width(subjects, 40)
             << fmt::format(fmt::runtime(kNumbers), uint_or(state, "messages"), format_bytes(uint_or(state, "bytes")),
                            uint_or(state, "consumer_count"), int_or(config, "num_replicas", 1),
                            format_limit_duration(int_or(config, "max_age")),
                            printable(string_or(config, "storage", "file")));
        ++count_;
    }

    void end() override { out_ << fmt::format("{} stream{}\n", count_, count_ == 1 ? "" : "s") << std::flush; }

    // The rows so far stay; the error itself goes to stderr (the caller's).
    void end_with_error(const ErrorReport&) override { out_ << std::flush; }

private:
    Style style_;
    std::ostream& out_;
    std::size_t count_ = 0;
};

}  // namespace

std::unique_ptr<ListingWriter> table_writer(Style style, std::ostream& out) {
    return std::make_unique<TableListing>(style, out);
}

}  // namespace aa::stream_info
