#include "src/context_file.hpp"

#include <nlohmann/json.hpp>

#include "src/errors.hpp"

namespace aa {
namespace {

std::string string_field(const nlohmann::json& doc, const char* name) {
    const auto it = doc.find(name);
    if (it == doc.end() || it->is_null()) return {};
    if (!it->is_string()) throw ParseError(std::string("field \"") + name + "\" is not a string");
    return it->get<std::string>();
}

}  // namespace

NatsContext parse_context(std::string_view json_text) {
    const nlohmann::json doc = nlohmann::json::parse(json_text, nullptr, /*allow_exceptions=*/false);
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
