// stream-info --all --json, written as the streams arrive: the document
// stream-info's --json gives, in the layout print_json gives it (indented by
// two, keys in alphabetical order), except that each stream's "info" is the
// server's own text, passed on as it came (one line, the server's key order
// and escapes): no tree is built and printed again for it.

#include "commands/stream_info/listing.hpp"
#include "commands/stream_info/render_parts.hpp"

namespace aa::stream_info {
namespace {

// VALUE as print_json lays it out at nesting LEVEL: its lines after the
// first indented by two spaces a level (strings hold no raw line breaks).
std::string indented(const Json& value, int level) {
    const std::string text = value.dump(2, ' ', false, Json::error_handler_t::replace);
    const std::string margin = "\n" + std::string(static_cast<std::size_t>(2 * level), ' ');
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
        if (c == '\n') {
            out += margin;
        } else {
            out += c;
        }
    }
    return out;
}

class JsonListing : public ListingWriter {
public:
    explicit JsonListing(std::ostream& out) : out_(out) {}

    void begin(const ServerFacts& server, const std::vector<FamilyCapture>& capture) override {
        uncaptured_ = lost_families(capture);
        out_ << "{\n  \"capture\": " << indented(aa::to_json(capture), 1) << ",\n  \"schema_version\": "
             << kJsonSchemaVersion << ",\n  \"server\": " << indented(to_json(server), 1) << ",\n  \"streams\": [";
    }

    void add(const ListedStream& stream) override {
        out_ << (any_ ? ",\n    {\n" : "\n    {\n");
        if (stream.drift) out_ << "      \"drift\": " << indented(drift_to_json(*stream.drift), 3) << ",\n";
        out_ << "      \"found\": true,\n      \"info\": ";
        out_.write(stream.info.data(), static_cast<std::streamsize>(stream.info.size()));
        out_ << ",\n      \"name\": " << Json(stream.name).dump(-1, ' ', false, Json::error_handler_t::replace);
        if (stream.role) out_ << ",\n      \"role\": \"" << to_string(*stream.role) << '"';
        out_ << "\n    }";
        any_ = true;
    }

    void end() override { close(std::nullopt); }

    // "error" as the error document has it, after the keys every listing has.
    void end_with_error(const ErrorReport& report) override { close(report.error()); }

private:
    void close(const std::optional<Json>& error) {
        out_ << (any_ ? "\n  ]" : "]") << ",\n  \"uncaptured\": " << indented(uncaptured_, 1);
        if (error) out_ << ",\n  \"error\": " << indented(*error, 1);
        out_ << "\n}\n" << std::flush;
    }

    std::ostream& out_;
    Json uncaptured_;
    bool any_ = false;
};

}  // namespace

std::unique_ptr<ListingWriter> json_writer(std::ostream& out) { return std::make_unique<JsonListing>(out); }

}  // namespace aa::stream_info
