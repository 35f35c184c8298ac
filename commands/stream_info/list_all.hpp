#pragma once
// stream-info --all: every stream in the account, page by page.

#include "src/command_context.hpp"

namespace aa::stream_info {

// Lists every stream in the account, in the server's name order, writing
// each page as it comes (table or JSON); returns the exit code. A few
// batches of pages (256 stream infos each) are held at once, whatever the
// account's size (kBatchesInFlight in list_all.cpp). A failure
// before anything is written is thrown, as for any command; one after the
// head was written ends the listing with it (JSON: an "error" member closes
// the document) and its exit code is returned.
ExitCode list_all(CommandContext& context);

}  // namespace aa::stream_info
