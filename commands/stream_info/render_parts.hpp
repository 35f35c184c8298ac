#pragma once
// stream-info's output: the pieces the named view and the --all listing
// share.

#include <ostream>
#include <vector>

#include "src/capture.hpp"
#include "src/output.hpp"
#include "src/server_info.hpp"
#include "src/stream_diff.hpp"

namespace aa::stream_info {

// "NATS JetStream @ <server>" and its underline.
void render_header(const ServerFacts& server, std::ostream& out);

// Who captures each event subject family, the lost ones first: a family
// captured by no stream loses every message published to it.
void render_capture(const std::vector<FamilyCapture>& capture, const Style& style, std::ostream& out);

// A stream's drift in JSON: {"field", "from", "to"} per managed field that differs.
Json drift_to_json(const std::vector<FieldChange>& drift);

}  // namespace aa::stream_info
