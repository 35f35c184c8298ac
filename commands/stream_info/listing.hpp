#pragma once
// stream-info --all: the account's streams written as they arrive, page by
// page, as a table or as one JSON document, never held all at once.

#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "src/capture.hpp"
#include "src/error_report.hpp"
#include "src/output.hpp"
#include "src/server_info.hpp"
#include "src/stream_diff.hpp"
#include "src/topology.hpp"

namespace aa::stream_info {

// One stream of the account, as --all lists it.
struct ListedStream {
    std::string name;
    std::string_view info;  // the server's stream info, as it wrote it (valid JSON)
    std::optional<StreamRole> role;
    // For a stream the mode's topology manages: how its managed fields differ from it.
    std::optional<std::vector<FieldChange>> drift;
};

// Where --all writes: the head once everything it shows is known (the
// server, who captures each event subject family), then each stream, then
// the end; or, when the listing breaks off after the head, an end that says
// why, so that what was written stays one whole document.
class ListingWriter {
public:
    virtual ~ListingWriter() = default;
    virtual void begin(const ServerFacts& server, const std::vector<FamilyCapture>& capture) = 0;
    virtual void add(const ListedStream& stream) = 0;
    virtual void end() = 0;
    virtual void end_with_error(const ErrorReport& report) = 0;
};

// The table: fixed column widths, so each row is written as it comes.
std::unique_ptr<ListingWriter> table_writer(Style style, std::ostream& out);

// The JSON document, in the shape and layout stream-info's --json gives
// (docs/stream-info.md), each stream's "info" the server's own text.
std::unique_ptr<ListingWriter> json_writer(std::ostream& out);

}  // namespace aa::stream_info
