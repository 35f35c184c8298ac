#include "src/environment.hpp"

#include <cstdlib>

namespace aa {

Environment::Environment(Lookup process, EnvEntries file) : process_(std::move(process)), file_(std::move(file)) {}

Environment Environment::from_process() {
    return Environment(
        [](const std::string& name) -> std::optional<std::string> {
            const char* value = std::getenv(name.c_str());
            if (value == nullptr) return std::nullopt;
            return std::string(value);
        },
        {});
}

std::optional<std::string> Environment::get(std::string_view name) const {
    const std::string key(name);
    if (process_) {
        if (auto value = process_(key); value && !value->empty()) return value;
    }
    for (auto it = file_.rbegin(); it != file_.rend(); ++it) {
        if (it->first == key && !it->second.empty()) return it->second;
    }
    return std::nullopt;
}

std::string Environment::source_of(std::string_view name) const {
    const std::string key(name);
    if (process_) {
        if (auto value = process_(key); value && !value->empty()) return "environment";
    }
    return "env file";
}

Environment Environment::with_file(EnvEntries file) const { return Environment(process_, std::move(file)); }

}  // namespace aa
