#include "src/env_file.hpp"

#include <fmt/format.h>

#include "src/errors.hpp"
#include "src/text.hpp"

namespace aa {
namespace {

// '\r' counts as blank so that a file saved with CRLF line ends reads the same.
constexpr std::string_view kBlanks = " \t\r";

bool is_space(char c) { return kBlanks.find(c) != std::string_view::npos; }

bool is_key_char(char c, bool first) {
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_') return true;
    return !first && ((c >= '0' && c <= '9') || c == '.' || c == '-');
}

// Rest of a line after a closing quote: only blanks or a comment may follow.
void expect_line_end(std::string_view rest, std::size_t line_no) {
    rest = trim(rest, kBlanks);
    if (!rest.empty() && rest.front() != '#') {
        throw ParseError(fmt::format("line {}: unexpected text after the closing quote", line_no));
    }
}

std::string parse_double_quoted(std::string_view value, std::size_t line_no) {
    std::string out;
    for (std::size_t i = 1; i < value.size(); ++i) {
        const char c = value[i];
        if (c == '"') {
            expect_line_end(value.substr(i + 1), line_no);
            return out;
        }
        if (c == '\\' && i + 1 < value.size()) {
            const char next = value[++i];
            switch (next) {
                case 'n': out += '\n'; break;
                case 't': out += '\t'; break;
                case 'r': out += '\r'; break;
                default: out += next; break;
            }
            continue;
        }
        out += c;
    }
    throw ParseError(fmt::format("line {}: unterminated double quote", line_no));
}

std::string parse_single_quoted(std::string_view value, std::size_t line_no) {
    const std::size_t close = value.find('\'', 1);
    if (close == std::string_view::npos) {
        throw ParseError(fmt::format("line {}: unterminated single quote", line_no));
    }
    expect_line_end(value.substr(close + 1), line_no);
    return std::string(value.substr(1, close - 1));
}

std::string parse_unquoted(std::string_view value) {
    // A '#' starts a comment only after white space, so "a#b" stays a value.
    for (std::size_t i = 0; i < value.size(); ++i) {
        if (value[i] == '#' && (i == 0 || is_space(value[i - 1]))) {
            value = value.substr(0, i);
            break;
        }
    }
    return std::string(trim(value, kBlanks));
}

}  // namespace

EnvEntries parse_env_file(std::string_view text) {
    EnvEntries entries;
    std::size_t line_no = 0;
    while (!text.empty()) {
        ++line_no;
        const std::size_t eol = text.find('\n');
        std::string_view line = text.substr(0, eol);
        text = eol == std::string_view::npos ? std::string_view{} : text.substr(eol + 1);

        line = trim(line, kBlanks);
        if (line.empty() || line.front() == '#') continue;
        if (line.starts_with("export") && line.size() > 6 && is_space(line[6])) line = trim(line.substr(6), kBlanks);

        const std::size_t eq = line.find('=');
        if (eq == std::string_view::npos) {
            throw ParseError(fmt::format("line {}: expected KEY=VALUE", line_no));
        }
        const std::string_view key = trim(line.substr(0, eq), kBlanks);
        if (key.empty()) throw ParseError(fmt::format("line {}: missing key before '='", line_no));
        for (std::size_t i = 0; i < key.size(); ++i) {
            if (!is_key_char(key[i], i == 0)) {
                throw ParseError(fmt::format("line {}: invalid variable name", line_no));
            }
        }
        const std::string_view value = trim(line.substr(eq + 1), kBlanks);
        std::string parsed;
        if (!value.empty() && value.front() == '"') {
            parsed = parse_double_quoted(value, line_no);
        } else if (!value.empty() && value.front() == '\'') {
            parsed = parse_single_quoted(value, line_no);
        } else {
            parsed = parse_unquoted(value);
        }
        std::erase_if(entries, [&](const auto& entry) { return entry.first == key; });
        entries.emplace_back(std::string(key), std::move(parsed));
    }
    return entries;
}

}  // namespace aa
