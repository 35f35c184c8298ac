// json_text: cutting a checked text into its members and items.

#include "src/json_text.hpp"

#include <cstring>

#include <nlohmann/json.hpp>

namespace aa::json_text {
namespace {

// Where the string whose opening quote is at POS ends (past its closing
// quote), in a text validate() accepted. memchr finds each quote: a byte
// loop that steps over escapes makes every step wait for the byte before,
// which made this the slowest part of reading a page of stream infos.
std::size_t string_end(std::string_view text, std::size_t pos) {
    const char* const begin = text.data();
    const char* quote = begin + pos;
    while (true) {
        quote = static_cast<const char*>(std::memchr(quote + 1, '"', text.size() - static_cast<std::size_t>(quote - begin) - 1));
        std::size_t backslashes = 0;
        while (quote[-1 - static_cast<std::ptrdiff_t>(backslashes)] == '\\') ++backslashes;
        if (backslashes % 2 == 0) return static_cast<std::size_t>(quote - begin) + 1;  // not escaped
    }
}

// Steps over the value at POS of a text validate() accepted, without
// checking it again: strings and nesting are all it needs to see.
std::size_t skip_value(std::string_view text, std::size_t pos) {
    std::size_t depth = 0;
    do {
        const char c = text[pos];
        if (c == '"') {
            pos = string_end(text, pos);
        } else if (c == '{' || c == '[') {
            ++depth;
            ++pos;
        } else if (c == '}' || c == ']') {
            --depth;
            ++pos;
        } else if (depth > 0) {
            ++pos;  // blanks, ',', ':' and scalars inside a container
        } else {
            while (pos < text.size() && !is_blank(text[pos]) && text[pos] != ',' && text[pos] != '}' && text[pos] != ']') {
                ++pos;
            }
        }
    } while (depth > 0);
    return pos;
}

std::size_t skip_blanks(std::string_view text, std::size_t pos) {
    while (pos < text.size() && is_blank(text[pos])) ++pos;
    return pos;
}

// Where the value of a text validate() accepted begins.
std::size_t value_start(std::string_view text) {
    return skip_blanks(text, text.starts_with("\xEF\xBB\xBF") ? 3 : 0);
}

// Calls VISIT(key text, value text) for each member of OBJECT, or
// VISIT("", item text) for each item of ARRAY (OPEN is '{' or '['), until
// VISIT returns false.
template <typename Visit>
bool for_each_entry(std::string_view text, char open, Visit&& visit) {
    std::size_t pos = value_start(text);
    if (pos >= text.size() || text[pos] != open) return false;
    pos = skip_blanks(text, pos + 1);
    while (text[pos] != '}' && text[pos] != ']') {
        std::string_view key;
        if (open == '{') {
            const std::size_t key_end = skip_value(text, pos);
            key = text.substr(pos, key_end - pos);
            pos = skip_blanks(text, skip_blanks(text, key_end) + 1);  // past ':'
        }
        const std::size_t end = skip_value(text, pos);
        if (!visit(key, text.substr(pos, end - pos))) break;
        pos = skip_blanks(text, end);
        if (text[pos] == ',') pos = skip_blanks(text, pos + 1);
    }
    return true;
}

// Whether NAME, a member name's JSON text, is KEY (compared unescaped).
bool is_name(std::string_view name, std::string_view key) {
    if (name.find('\\') == std::string_view::npos) return name.substr(1, name.size() - 2) == key;
    return string_value(name) == key;
}

}  // namespace

bool is_object(std::string_view text) {
    const std::size_t pos = value_start(text);
    return pos < text.size() && text[pos] == '{';
}

bool is_array(std::string_view text) {
    const std::size_t pos = value_start(text);
    return pos < text.size() && text[pos] == '[';
}

std::optional<std::string_view> member(std::string_view object, std::string_view key) {
    std::optional<std::string_view> found;
    for_each_entry(object, '{', [&](std::string_view name, std::string_view value) {
        if (is_name(name, key)) found = value;
        return true;
    });
    return found;
}

std::optional<std::string_view> first_member(std::string_view object, std::string_view key) {
    std::optional<std::string_view> found;
    for_each_entry(object, '{', [&](std::string_view name, std::string_view value) {
        if (is_name(name, key)) found = value;
        return !found;
    });
    return found;
}

std::vector<std::string_view> items(std::string_view array) {
    std::vector<std::string_view> out;
    for_each_entry(array, '[', [&](std::string_view, std::string_view item) {
        out.push_back(item);
        return true;
    });
    return out;
}

std::optional<std::string> string_value(std::string_view text) {
    if (text.size() < 2 || text.front() != '"') return std::nullopt;
    if (text.find('\\') == std::string_view::npos) return std::string(text.substr(1, text.size() - 2));
    const nlohmann::json parsed = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
    if (!parsed.is_string()) return std::nullopt;
    return parsed.get<std::string>();
}

}  // namespace aa::json_text
