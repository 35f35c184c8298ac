// json_text: checking a text is valid JSON, as nlohmann::json::accept would.

#include <cmath>
#include <cstdlib>

#include <fmt/format.h>

#include "src/errors.hpp"
#include "src/json_text.hpp"

namespace aa::json_text {
namespace {

bool digit(char c) { return c >= '0' && c <= '9'; }
unsigned char byte(char c) { return static_cast<unsigned char>(c); }

[[noreturn]] void fail(std::size_t at, const char* what) {
    throw ParseError("not valid JSON at byte " + std::to_string(at) + ": " + what);
}

// One pass over the text, checking as it goes. Containers nest without
// recursion (a stack of their kinds), so depth costs memory, not the stack.
class Validator {
public:
    explicit Validator(std::string_view text) : text_(text) {}

    void run() {
        if (text_.starts_with("\xEF\xBB\xBF")) pos_ = 3;
        value();
        skip_blanks();
        // nlohmann reads a NUL byte as the end of the input.
        if (pos_ != text_.size() && text_[pos_] != '\0') fail(pos_, "more after the value");
    }

private:
    void skip_blanks() {
        while (pos_ < text_.size() && is_blank(text_[pos_])) ++pos_;
    }
    char peek() const { return pos_ < text_.size() ? text_[pos_] : '\0'; }
    bool at_end() const { return pos_ >= text_.size(); }

    // Expects C (after blanks) and steps over it.
    void expect(char c, const char* what) {
        skip_blanks();
        if (at_end() || text_[pos_] != c) fail(pos_, what);
        ++pos_;
    }

    // A value, containers included: opens a container and walks it through
    // its members or items until every container opened here is closed.
    void value() {
        std::vector<char> open;  // '{' or '[' for each container not yet closed
        scalar_or_open(open);
        while (!open.empty()) {
            skip_blanks();
            const char close = open.back() == '{' ? '}' : ']';
            if (peek() == close) {
                ++pos_;
                open.pop_back();
                continue;
            }
            expect(',', "expected ',' or the container's end");
            next_in(open);
        }
    }

    // The first member or item of the container just opened, or its end.
    void first_in(std::vector<char>& open) {
        skip_blanks();
        if (peek() == (open.back() == '{' ? '}' : ']')) {
            ++pos_;
            open.pop_back();
            return;
        }
        next_in(open);
    }

    void next_in(std::vector<char>& open) {
        if (open.back() == '{') {
            skip_blanks();
            if (peek() != '"') fail(pos_, "expected a member name");
            string();
            expect(':', "expected ':'");
        }
        scalar_or_open(open);
    }

    void scalar_or_open(std::vector<char>& open) {
        skip_blanks();
        if (at_end()) fail(pos_, "expected a value");
        const char c = text_[pos_];
        if (c == '{' || c == '[') {
            if (open.size() == kMaxDepth) {
                throw ParseError(fmt::format("nested deeper than {} levels at byte {}", kMaxDepth, pos_));
            }
            ++pos_;
            open.push_back(c);
            first_in(open);
        } else if (c == '"') {
            string();
        } else if (c == '-' || digit(c)) {
            number();
        } else {
            literal();
        }
    }

    void literal() {
        for (const std::string_view word : {"true", "false", "null"}) {
            if (text_.substr(pos_, word.size()) == word) {
                pos_ += word.size();
                return;
            }
        }
        fail(pos_, "expected a value");
    }

    void digits(const char* what) {
        if (!digit(peek())) fail(pos_, what);
        while (digit(peek())) ++pos_;
    }

    void number() {
        const std::size_t start = pos_;
        if (peek() == '-') ++pos_;
        if (peek() == '0') {
            ++pos_;
        } else {
            digits("expected a digit");
        }
        if (peek() == '.') {
            ++pos_;
            digits("expected a digit after '.'");
        }
        if (peek() == 'e' || peek() == 'E') {
            ++pos_;
            if (peek() == '+' || peek() == '-') ++pos_;
            digits("expected an exponent");
        }
        // A fraction, an exponent or more digits than 64 bits hold make
        // nlohmann read a double, and refuse an infinite one.
        const std::string_view token = text_.substr(start, pos_ - start);
        if (token.size() > 18 || token.find_first_of(".eE") != std::string_view::npos) {
            const std::string copy(token);
            if (!std::isfinite(std::strtod(copy.c_str(), nullptr))) fail(start, "number out of range");
        }
    }

    unsigned hex4() {
        unsigned value = 0;
        for (int i = 0; i < 4; ++i, ++pos_) {
            const char c = peek();
            value <<= 4;
            if (digit(c)) value |= static_cast<unsigned>(c - '0');
            else if (c >= 'a' && c <= 'f') value |= static_cast<unsigned>(c - 'a' + 10);
            else if (c >= 'A' && c <= 'F') value |= static_cast<unsigned>(c - 'A' + 10);
            else fail(pos_, "expected four hex digits after \\u");
        }
        return value;
    }

    void escape() {
        ++pos_;  // the backslash
        const char c = peek();
        ++pos_;
        switch (c) {
            case '"': case '\\': case '/': case 'b': case 'f': case 'n': case 'r': case 't': return;
            case 'u': break;
            default: fail(pos_ - 1, "unknown escape");
        }
        const unsigned unit = hex4();
        if (unit >= 0xDC00 && unit <= 0xDFFF) fail(pos_, "a low surrogate without a high one");
        if (unit < 0xD800 || unit > 0xDBFF) return;
        if (text_.substr(pos_, 2) != "\\u") fail(pos_, "a high surrogate without a low one");
        pos_ += 2;
        const unsigned low = hex4();
        if (low < 0xDC00 || low > 0xDFFF) fail(pos_, "a high surrogate without a low one");
    }

    // A multibyte UTF-8 character at pos_ (RFC 3629: no overlong forms, no
    // surrogates, nothing past U+10FFFF).
    void multibyte() {
        const unsigned char lead = byte(text_[pos_]);
        std::size_t length = 0;
        unsigned char low = 0x80;
        unsigned char high = 0xBF;
        if (lead >= 0xC2 && lead <= 0xDF) {
            length = 2;
        } else if (lead >= 0xE0 && lead <= 0xEF) {
            length = 3;
            if (lead == 0xE0) low = 0xA0;
            if (lead == 0xED) high = 0x9F;
        } else if (lead >= 0xF0 && lead <= 0xF4) {
            length = 4;
            if (lead == 0xF0) low = 0x90;
            if (lead == 0xF4) high = 0x8F;
        } else {
            fail(pos_, "not UTF-8");
        }
        for (std::size_t i = 1; i < length; ++i) {
            const unsigned char next = pos_ + i < text_.size() ? byte(text_[pos_ + i]) : 0;
            const bool ok = i == 1 ? next >= low && next <= high : next >= 0x80 && next <= 0xBF;
            if (!ok) fail(pos_ + i, "not UTF-8");
        }
        pos_ += length;
    }

    void string() {
        ++pos_;  // the opening quote
        while (true) {
            if (at_end()) fail(pos_, "a string without its closing quote");
            const unsigned char c = byte(text_[pos_]);
            if (c == '"') {
                ++pos_;
                return;
            }
            if (c == '\\') {
                escape();
            } else if (c < 0x20) {
                fail(pos_, "a control character in a string");
            } else if (c < 0x80) {
                ++pos_;
            } else {
                multibyte();
            }
        }
    }

    std::string_view text_;
    std::size_t pos_ = 0;
};

}  // namespace

void validate(std::string_view text) { Validator(text).run(); }

}  // namespace aa::json_text
