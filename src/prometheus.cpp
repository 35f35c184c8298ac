#include "src/prometheus.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

namespace aa {
namespace {

std::string_view type_name(MetricType type) { return type == MetricType::counter ? "counter" : "gauge"; }

// Text as the exposition writes it: '\' as "\\" and a newline as "\n"
// everywhere, and in a label value (between double quotes) '"' as "\"".
// Everything else is kept (UTF-8).
std::string escaped(std::string_view text, bool in_quotes) {
    std::string out;
    for (const char c : text) {
        if (c == '\\') {
            out += "\\\\";
        } else if (c == '\n') {
            out += "\\n";
        } else if (c == '"' && in_quotes) {
            out += "\\\"";
        } else {
            out += c;
        }
    }
    return out;
}

std::string value_text(double value) {
    if (std::isnan(value)) return "NaN";
    if (value == std::floor(value) && std::fabs(value) < 1e15) return fmt::format("{:.0f}", value);
    return fmt::format("{}", value);
}

std::string labels_text(const Labels& labels) {
    if (labels.empty()) return "";
    std::string out = "{";
    for (std::size_t i = 0; i < labels.size(); ++i) {
        if (i > 0) out += ',';
        out += labels[i].first + "=\"" + escaped(labels[i].second, /*in_quotes=*/true) + '"';
    }
    return out + '}';
}

}  // namespace

void Exposition::add(const MetricFamily& family, Labels labels, double value) {
    auto found = std::find_if(families_.begin(), families_.end(),
                              [&](const auto& entry) { return entry.first.name == family.name; });
    if (found == families_.end()) {
        families_.push_back({family, {}});
        found = families_.end() - 1;
    }
    found->second.push_back({std::move(labels), value});
}

std::string Exposition::text() const {
    std::string out;
    for (const auto& [family, samples] : families_) {
        out += fmt::format("# HELP {} {}\n# TYPE {} {}\n", family.name, escaped(family.help, /*in_quotes=*/false), family.name,
                           type_name(family.type));
        for (const auto& sample : samples) {
            out += fmt::format("{}{} {}\n", family.name, labels_text(sample.labels), value_text(sample.value));
        }
    }
    return out;
}

void add_completed_run(Exposition& exposition, std::string_view command, bool check_ok) {
    exposition.add(kUpFamily, {{"command", std::string(command)}}, 1);
    exposition.add(kCheckOkFamily, {{"command", std::string(command)}}, check_ok ? 1 : 0);
}

std::string failed_run_exposition(std::string_view command) {
    Exposition exposition;
    exposition.add(kUpFamily, {{"command", std::string(command)}}, 0);
    return exposition.text();
}

}  // namespace aa
