#include "src/context_file.hpp"

#include "src/errors.hpp"
#include "src/json_access.hpp"

namespace aa {
namespace {

// A field the operator wrote: absent or null leaves it unset, but a value of
// another type is a mistake worth saying rather than silently ignoring.
std::string string_field(const Json& doc, const char* name) {
    if (has_key(doc, name) && !doc.at(name).is_string() && !doc.at(name).is_null()) {
        throw ParseError(std::string("field \"") + name + "\" is not a string");
    }
    return string_or(doc, name);
}

}  // namespace

NatsContext parse_context(std::string_view json_text) {
    const Json doc = Json::parse(json_text, nullptr, /*allow_exceptions=*/false);
    if (doc.is_discarded()) throw ParseError("not valid JSON");
    if (!doc.is_object()) throw ParseError("not a JSON object");
    NatsContext ctx;
    ctx.url = string_field(doc, "url");
    ctx.user = string_field(doc, "user");
    ctx.password = string_field(doc, "password");
    ctx.token = string_field(doc, "token");
    ctx.creds = string_field(doc, "creds");
    ctx.nkey = string_field(doc, "nkey");
    ctx.cert = string_field(doc, "cert");
    ctx.key = string_field(doc, "key");
    ctx.ca = string_field(doc, "ca");
    ctx.jetstream_domain = string_field(doc, "jetstream_domain");
    ctx.jetstream_api_prefix = string_field(doc, "jetstream_api_prefix");
    return ctx;
}

std::string ContextPaths::context_file(std::string_view name) const {
    return nats_config_dir + "/context/" + std::string(name) + ".json";
}

std::string ContextPaths::selected_file() const { return nats_config_dir + "/context.txt"; }

bool context_is_path(std::string_view name_or_file) {
    return name_or_file.find('/') != std::string_view::npos || name_or_file.ends_with(".json");
}

bool is_valid_context_name(std::string_view name) {
    if (name.empty() || name == "." || name == "..") return false;
    for (const char c : name) {
        if (c == '/' || c == '\\' || c == '\0' || c == '\n') return false;
    }
    return true;
}

}  // namespace aa
