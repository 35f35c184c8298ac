#include "src/command_line.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "src/server_url.hpp"

namespace aa {
namespace {

bool shell_safe(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           std::string_view("_-./:=@%+,").find(c) != std::string_view::npos;
}

bool control(char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7f; }

std::string quote(const std::string& arg) {
    if (!arg.empty() && std::all_of(arg.begin(), arg.end(), shell_safe)) return arg;
    if (std::any_of(arg.begin(), arg.end(), control)) {
        std::string out = "$'";
        for (const char c : arg) {
            if (control(c)) out += fmt::format("\\x{:02x}", static_cast<unsigned char>(c));
            else if (c == '\\' || c == '\'') out += std::string("\\") + c;
            else out += c;
        }
        return out + "'";
    }
    std::string out = "'";
    for (const char c : arg) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

}  // namespace

std::string shell_command_line(const std::vector<std::string>& args, const std::vector<std::string>& secrets) {
    std::string line;
    for (const std::string& arg : args) {
        if (!line.empty()) line += ' ';
        line += quote(scrub_secrets(arg, secrets));
    }
    return line;
}

std::string shell_command_line(const std::vector<std::pair<std::string, std::string>>& environment,
                               const std::vector<std::string>& args, const std::vector<std::string>& secrets) {
    std::string line;
    for (const auto& [name, value] : environment) line += name + "=" + quote(scrub_secrets(value, secrets)) + " ";
    return line + shell_command_line(args, secrets);
}

}  // namespace aa
