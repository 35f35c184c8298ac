#include "src/global_options.hpp"

#include <fmt/format.h>

namespace aa {

void add_global_options(CLI::App& app, GlobalFlags& flags) {
    for (const GlobalOptionSpec& spec : global_option_specs()) {
        std::string help = spec.help;
        if (spec.env != nullptr) help += fmt::format(" [env: {}]", spec.env);
        std::optional<std::string>& field = flags.*spec.field;
        app.add_option_function<std::string>(
               spec.names, [&field](const std::string& value) { field = value; }, help)
            ->type_name(spec.value_name)
            ->group("Global options");
    }
    app.add_flag("--json", flags.json, "print exactly one JSON document on stdout, also on failure")
        ->group("Global options");
    app.add_flag("--no-color", flags.no_color, "no colour, even on a terminal [env: NO_COLOR]")->group("Global options");
}

const char* exit_codes_help() {
    return "Exit codes: 0 ok, 1 check failed, 2 usage or configuration error, 3 cannot talk to NATS/JetStream,\n"
           "4 internal error (a bug in aa-nats), 128+N stopped by signal N (130 Ctrl-C, 143 SIGTERM).\n"
           "Settings: flag > environment > --env-file > natscli context > default.\n"
           "Topology variables: EVENT_STREAM_MODE, STREAM_CORE_NAME, STREAM_VENDOR_NAME, STREAM_DLQ_NAME,\n"
           "STREAM_LEGACY_NAME, NODE_ENV (production: 3 replicas).";
}

}  // namespace aa
