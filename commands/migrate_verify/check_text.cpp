#include "commands/migrate_verify/check_text.hpp"

#include <fmt/format.h>

namespace aa::migrate_verify {
namespace {

// A JSON value as an operator reads it: strings bare, lists comma-separated.
std::string text_of(const Json& value) {
    if (value.is_string()) return value.get<std::string>();
    if (value.is_null()) return "none";
    if (value.is_array()) {
        if (value.empty()) return "none";
        std::string out;
        for (const auto& item : value) out += (out.empty() ? "" : ", ") + text_of(item);
        return out;
    }
    if (value.is_object()) {
        std::string out;
        for (const auto& [key, item] : value.items()) out += (out.empty() ? "" : " ") + key + "=" + text_of(item);
        return out;
    }
    return value.dump();
}

}  // namespace

std::string check_text(const Check& check) {
    std::string text = check.id + ": " + check.description;
    if (check.status == Status::pass) {
        if (!check.note.empty()) text += " (" + check.note + ')';
        return text;
    }
    text += " (expected: " + text_of(check.expected) + "; found: " + text_of(check.found);
    if (!check.note.empty()) text += "; " + check.note;
    return text + ')';
}

std::string counts_line(const Counts& counts) {
    return fmt::format("{} passed, {} failed, {} warnings", counts.passed, counts.failed, counts.warnings);
}

}  // namespace aa::migrate_verify
