#pragma once
// One row of the command line's definition: an option, an argument or an
// environment variable, declared once with everything that --help, settings
// resolution, the shell completions, the man page and docs/configuration.md
// say about it. Rows are plain constants; src/cli_definition.hpp ties them to
// where a parsed value lands.

#include <cstdint>
#include <span>
#include <string_view>

namespace aa {

// What the shell offers on Tab for a value.
enum class Completion {
    none,     // free text (a URL, a number, a duration): nothing to offer
    file,     // a path
    choice,   // one of the row's allowed values
    context,  // a natscli context name (~/.config/nats/context/*.json), or a context file
    stream,   // a stream of the topology: the STREAM_*_NAME variables, or their defaults
    durable,  // a durable of the services: the NORMALIZE_*_DURABLE variables, or their defaults
};

// An option ("--server URL"), or a variable read from the environment alone
// (flag empty, env set: "EVENT_STREAM_MODE").
struct OptionRow {
    std::string_view flag{};           // "--server"; empty for an environment-only row
    std::string_view short_flag{};     // "-s", or empty
    std::string_view value_name{};     // "URL[,URL...]"; empty for a flag that takes no value
    std::string_view help{};           // one line, without the default or the variable (printed from the fields)
    std::string_view default_value{};  // shown as "(default: ...)", and read by the code where it is a value
    std::string_view env{};            // the environment variable that sets it, or empty
    std::span<const std::string_view> allowed{};  // the only values it accepts (empty: any)
    Completion completion = Completion::none;
    bool value_optional = false;       // "--watch [INTERVAL]": the value may be left out
    bool secret = false;               // its value is never echoed, not even in a parse error
    std::int64_t minimum = 0;          // for a whole-number value: the smallest accepted

    bool takes_value() const { return !value_name.empty() || !allowed.empty(); }
};

// A positional argument ("STREAM...").
struct ArgumentRow {
    std::string_view name{};           // "STREAM"
    std::string_view help{};
    std::string_view default_value{};  // what an absent argument means, shown as "(default: ...)"
    std::span<const std::string_view> allowed{};
    Completion completion = Completion::none;
    bool many = false;                 // any number of them: "STREAM..."
    bool required = false;             // else it may be left out
};

}  // namespace aa
