#pragma once
// natscli context files (~/.config/nats/context/<name>.json), read so that an
// operator's `nats context select` carries over to aa-nats.

#include <optional>
#include <string>
#include <string_view>

namespace aa {

// The fields of a natscli context that aa-nats honours. Absent or empty
// fields stay empty, which means "not set by the context".
struct NatsContext {
    std::string url;
    std::string user;
    std::string password;
    std::string token;
    std::string creds;
    std::string nkey;
    std::string cert;
    std::string key;
    std::string ca;
    std::string jetstream_domain;
    std::string jetstream_api_prefix;
};

// Parses the JSON text of a context file. Throws ParseError when it is not a
// JSON object or a known field is neither a string nor null.
NatsContext parse_context(std::string_view json_text);

// Where natscli keeps its configuration: $XDG_CONFIG_HOME/nats, or
// $HOME/.config/nats. Empty when neither variable is set.
struct ContextPaths {
    std::string nats_config_dir;
    std::string context_file(std::string_view name) const;  // <dir>/context/<name>.json
    std::string selected_file() const;                       // <dir>/context.txt
};

// True when NAME|FILE names a file (contains '/' or ends in ".json").
bool context_is_path(std::string_view name_or_file);

// A context name may not escape the context directory.
bool is_valid_context_name(std::string_view name);

}  // namespace aa
