#include "src/server_info.hpp"

#include <cstdio>
#include <set>
#include <tuple>
#include <vector>

#include "src/errors.hpp"
#include "src/json_access.hpp"
#include "src/json_text.hpp"
#include "src/text.hpp"

namespace aa {

ServerInfo parse_info_line(std::string_view line) {
    if (!line.starts_with("INFO ")) throw ParseError("the server greeting is not an INFO line");
    line.remove_prefix(5);
    line = trim_end(line, "\r\n");
    // Checked as every server reply is (nesting bounded) before a tree is built.
    try {
        json_text::validate(line);
    } catch (const ParseError& e) {
        throw ParseError(std::string("the server INFO is ") + e.what());
    }
    const Json doc = Json::parse(line);
    if (!doc.is_object()) throw ParseError("the server INFO is not a JSON object");
    ServerInfo info;
    info.version = string_or(doc, "version");
    info.server_id = string_or(doc, "server_id");
    info.server_name = string_or(doc, "server_name");
    info.cluster = string_or(doc, "cluster");
    const std::vector<std::string> urls = strings_at(doc, "connect_urls");
    info.advertised_servers = std::set<std::string>(urls.begin(), urls.end()).size();
    info.jetstream = bool_or(doc, "jetstream");
    return info;
}

std::string_view to_string(Clustering clustering) {
    switch (clustering) {
        case Clustering::unknown: return "unknown";
        case Clustering::standalone: return "standalone";
        case Clustering::clustered: return "clustered";
    }
    return "unknown";
}

Json to_json(const ServerFacts& facts) {
    Json doc{{"url", facts.url}, {"clustered", facts.clustered()}, {"clustering", to_string(facts.clustering)}};
    doc["version"] = facts.version ? Json(*facts.version) : Json(nullptr);
    doc["api_level"] = facts.api_level ? Json(*facts.api_level) : Json(nullptr);
    if (!facts.server_name.empty()) doc["name"] = facts.server_name;
    if (!facts.cluster_name.empty()) doc["cluster"] = facts.cluster_name;
    return doc;
}

std::optional<bool> version_at_least(std::string_view version, int major, int minor, int patch) {
    int have[3] = {0, 0, 0};
    const std::string text(version);
    if (std::sscanf(text.c_str(), "%d.%d.%d", &have[0], &have[1], &have[2]) != 3) return std::nullopt;
    return std::tie(have[0], have[1], have[2]) >= std::tie(major, minor, patch);
}

}  // namespace aa
