#pragma once
// The variables aa-nats reads: the process environment first, then the
// --env-file entries (the real environment wins over the file).

#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "src/env_file.hpp"

namespace aa {

class Environment {
public:
    using Lookup = std::function<std::optional<std::string>(const std::string&)>;

    // process: the real environment; file: entries of --env-file (may be empty).
    Environment(Lookup process, EnvEntries file);

    // The process environment of this program, with no env file.
    static Environment from_process();

    // The value of NAME, or nullopt when it is unset in both layers.
    // An empty value counts as unset, as in the reference's `process.env.X || default`.
    std::optional<std::string> get(std::string_view name) const;

    // Where NAME's value comes from, for error messages: "environment" or "env file".
    std::string source_of(std::string_view name) const;

    // A copy with the entries of an env file added under the process environment.
    Environment with_file(EnvEntries file) const;

private:
    Lookup process_;
    EnvEntries file_;
};

}  // namespace aa
