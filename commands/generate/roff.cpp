#include "commands/generate/roff.hpp"

namespace aa::generate {

std::string roff(std::string_view text) {
    std::string out;
    for (const char c : text) {
        if (c == '\\') {
            out += "\\e";
        } else if (c == '-') {
            out += "\\-";
        } else if (c == '\n') {
            out += '\n';
        } else {
            out += c;
        }
        // A line that starts with a control character would be a request.
        const bool line_start = out.size() == 1 || (out.size() >= 2 && out[out.size() - 2] == '\n');
        if (line_start && (c == '.' || c == '\'')) out.insert(out.size() - 1, "\\&");
    }
    return out;
}

std::string bold(std::string_view text) { return "\\fB" + roff(text) + "\\fR"; }

std::string italic(std::string_view text) { return "\\fI" + roff(text) + "\\fR"; }

std::string tagged(const std::string& tag, std::string_view body) { return ".TP\n" + tag + "\n" + roff(body) + "\n"; }

std::string paragraphs(std::string_view text) {
    std::string out;
    std::size_t start = 0;
    while (start <= text.size()) {
        const std::size_t end = text.find("\n\n", start);
        const std::string_view paragraph = text.substr(start, end == std::string_view::npos ? end : end - start);
        out += ".PP\n" + roff(paragraph) + "\n";
        if (end == std::string_view::npos) break;
        start = end + 2;
    }
    return out;
}

}  // namespace aa::generate
