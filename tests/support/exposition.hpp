#pragma once
// A small reader of the Prometheus text exposition format 0.0.4, strict
// enough to validate what aa-nats prints for node_exporter's textfile
// collector: every line is blank, a comment, or `name{labels} value`; every
// sample's family has # HELP and # TYPE before its first sample; a family's
// samples stand together; no series twice; label values unescape (\\ \" \n).

#include <cstdlib>
#include <limits>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace aa::test {

struct ExpositionSample {
    std::string name;
    std::map<std::string, std::string> labels;
    double value = 0;
};

struct ParsedExposition {
    std::vector<ExpositionSample> samples;
    std::map<std::string, std::string> help;  // family -> its HELP text
    std::map<std::string, std::string> type;  // family -> gauge, counter...
    std::vector<std::string> errors;          // one per broken rule, with the line

    // The value of the series NAME{LABELS} (exact label set), if present.
    std::optional<double> value(const std::string& name, const std::map<std::string, std::string>& labels = {}) const {
        for (const auto& s : samples) {
            if (s.name == name && s.labels == labels) return s.value;
        }
        return std::nullopt;
    }
    std::size_t count(const std::string& name) const {
        std::size_t n = 0;
        for (const auto& s : samples) n += s.name == name ? 1 : 0;
        return n;
    }
};

namespace exposition_detail {

inline bool name_char(char c, bool first, bool colon) {
    const bool alpha = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || (colon && c == ':');
    return alpha || (!first && c >= '0' && c <= '9');
}

// Reads a metric (COLON) or label name at POS; empty when there is none.
inline std::string read_name(const std::string& line, std::size_t& pos, bool colon) {
    const std::size_t start = pos;
    while (pos < line.size() && name_char(line[pos], pos == start, colon)) ++pos;
    return line.substr(start, pos - start);
}

// Reads `"..."` at POS, unescaping; nullopt when malformed.
inline std::optional<std::string> read_quoted(const std::string& line, std::size_t& pos) {
    if (pos >= line.size() || line[pos] != '"') return std::nullopt;
    std::string value;
    for (++pos; pos < line.size(); ++pos) {
        const char c = line[pos];
        if (c == '"') {
            ++pos;
            return value;
        }
        if (c != '\\') {
            value += c;
            continue;
        }
        if (++pos >= line.size()) return std::nullopt;
        const char e = line[pos];
        if (e == '\\' || e == '"') {
            value += e;
        } else if (e == 'n') {
            value += '\n';
        } else {
            return std::nullopt;
        }
    }
    return std::nullopt;
}

inline std::optional<std::map<std::string, std::string>> read_labels(const std::string& line, std::size_t& pos) {
    std::map<std::string, std::string> labels;
    if (pos >= line.size() || line[pos] != '{') return labels;
    ++pos;
    while (pos < line.size() && line[pos] != '}') {
        const std::string name = read_name(line, pos, false);
        if (name.empty() || pos >= line.size() || line[pos] != '=') return std::nullopt;
        ++pos;
        const auto value = read_quoted(line, pos);
        if (!value || !labels.emplace(name, *value).second) return std::nullopt;
        if (pos < line.size() && line[pos] == ',') ++pos;
    }
    if (pos >= line.size()) return std::nullopt;
    ++pos;
    return labels;
}

inline std::optional<double> read_value(const std::string& text) {
    if (text == "NaN") return std::numeric_limits<double>::quiet_NaN();
    if (text == "+Inf") return std::numeric_limits<double>::infinity();
    if (text == "-Inf") return -std::numeric_limits<double>::infinity();
    char* end = nullptr;
    const double value = std::strtod(text.c_str(), &end);
    if (text.empty() || end != text.c_str() + text.size()) return std::nullopt;
    return value;
}

}  // namespace exposition_detail

inline ParsedExposition parse_exposition(const std::string& text) {
    using namespace exposition_detail;
    ParsedExposition parsed;
    if (!text.empty() && text.back() != '\n') parsed.errors.push_back("the last line does not end with a newline");
    std::set<std::string> closed;  // families whose samples ended
    std::set<std::string> series;
    std::string current;
    std::size_t start = 0;
    while (start < text.size()) {
        const std::size_t end = text.find('\n', start);
        const std::string line = text.substr(start, end == std::string::npos ? std::string::npos : end - start);
        start = end == std::string::npos ? text.size() : end + 1;
        if (line.empty()) continue;
        if (line.starts_with("# HELP ") || line.starts_with("# TYPE ")) {
            std::size_t pos = 7;
            const std::string name = read_name(line, pos, true);
            if (name.empty() || pos >= line.size() || line[pos] != ' ') {
                parsed.errors.push_back("bad comment: " + line);
                continue;
            }
            auto& table = line[2] == 'H' ? parsed.help : parsed.type;
            if (!table.emplace(name, line.substr(pos + 1)).second) parsed.errors.push_back("repeated: " + line);
            continue;
        }
        if (line.starts_with("#")) continue;
        std::size_t pos = 0;
        ExpositionSample sample;
        sample.name = read_name(line, pos, true);
        const auto labels = read_labels(line, pos);
        const auto value = pos < line.size() && line[pos] == ' ' ? read_value(line.substr(pos + 1)) : std::nullopt;
        if (sample.name.empty() || !labels || !value) {
            parsed.errors.push_back("not a sample: " + line);
            continue;
        }
        sample.labels = *labels;
        sample.value = *value;
        if (!parsed.help.contains(sample.name)) parsed.errors.push_back("no HELP before " + line);
        if (!parsed.type.contains(sample.name)) parsed.errors.push_back("no TYPE before " + line);
        if (sample.name != current) {
            if (closed.contains(sample.name)) parsed.errors.push_back("family not together: " + line);
            if (!current.empty()) closed.insert(current);
            current = sample.name;
        }
        std::string key = sample.name;
        for (const auto& [k, v] : sample.labels) key += '\x1f' + k + '=' + v;
        if (!series.insert(key).second) parsed.errors.push_back("series twice: " + line);
        parsed.samples.push_back(std::move(sample));
    }
    return parsed;
}

}  // namespace aa::test
