#include "src/global_options.hpp"

#include <string_view>

#include "src/global_option_rows.hpp"

namespace aa {

std::vector<BoundOption> global_options(GlobalFlags& flags) {
    return {
        {kServerOption, &flags.server},
        {kUserOption, &flags.user},
        {kPasswordOption, &flags.password},
        {kTokenOption, &flags.token},
        {kCredsOption, &flags.creds},
        {kNkeyOption, &flags.nkey},
        {kTlsCertOption, &flags.tls_cert},
        {kTlsKeyOption, &flags.tls_key},
        {kTlsCaOption, &flags.tls_ca},
        {kTimeoutOption, &flags.timeout},
        {kContextOption, &flags.context},
        {kJsDomainOption, &flags.js_domain},
        {kJsApiPrefixOption, &flags.js_api_prefix},
        {kEnvFileOption, &flags.env_file},
        {kJsonOption, &flags.json},
        {kNoColorOption, &flags.no_color},
    };
}

std::vector<std::string> secrets_in_arguments(const std::vector<std::string>& args) {
    std::vector<std::string_view> secret_flags;
    GlobalFlags unused;
    for (const BoundOption& option : global_options(unused)) {
        if (option.row.secret) secret_flags.push_back(option.row.flag);
    }
    std::vector<std::string> secrets;
    for (std::size_t i = 1; i < args.size(); ++i) {
        const std::string_view arg = args[i];
        for (const std::string_view flag : secret_flags) {
            if (arg == flag && i + 1 < args.size()) secrets.push_back(args[i + 1]);
            if (arg.starts_with(flag) && arg.size() > flag.size() && arg[flag.size()] == '=') {
                secrets.emplace_back(arg.substr(flag.size() + 1));
            }
        }
    }
    return secrets;
}

bool json_in_arguments(const std::vector<std::string>& args) {
    for (std::size_t i = 1; i < args.size(); ++i) {
        if (args[i] == kJsonOption.flag) return true;
    }
    return false;
}

OutputFormat format_in_arguments(const std::vector<std::string>& args) {
    const std::string_view flag = kFormatOption.flag;
    for (std::size_t i = 1; i < args.size(); ++i) {
        const std::string_view arg = args[i];
        std::optional<OutputFormat> format;
        if (arg == flag && i + 1 < args.size()) format = parse_output_format(args[i + 1]);
        if (arg.starts_with(flag) && arg.size() > flag.size() && arg[flag.size()] == '=') {
            format = parse_output_format(arg.substr(flag.size() + 1));
        }
        if (format) return *format;
    }
    return json_in_arguments(args) ? OutputFormat::json : OutputFormat::text;
}

}  // namespace aa
