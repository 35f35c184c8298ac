#include "src/clustering.hpp"

namespace aa {

std::string_view to_string(Clustering clustering) {
    switch (clustering) {
        case Clustering::unknown: return "unknown";
        case Clustering::standalone: return "standalone";
        case Clustering::clustered: return "clustered";
    }
    return "unknown";
}

Clustering clustering_of_stream(const Json& stream_info) {
    if (stream_info.contains("error") || object_at(stream_info, "config").empty()) return Clustering::unknown;
    return object_at(stream_info, "cluster").empty() ? Clustering::standalone : Clustering::clustered;
}

Clustering clustering_of_greeting(const ServerInfo& greeting) {
    return greeting.cluster.empty() ? Clustering::standalone : Clustering::unknown;
}

Clustering combine(Clustering a, Clustering b) {
    if (a == Clustering::clustered || b == Clustering::clustered) return Clustering::clustered;
    if (a == Clustering::standalone || b == Clustering::standalone) return Clustering::standalone;
    return Clustering::unknown;
}

}  // namespace aa
