#pragma once
// A check's result as a Prometheus text exposition (format 0.0.4), as
// node_exporter's textfile collector reads it: each metric family's # HELP
// and # TYPE lines, then its samples, all together; label values escaped
// (backslash, double quote, newline). Metric names: docs/monitoring.md.

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace aa {

enum class MetricType { gauge, counter };

struct MetricFamily {
    std::string_view name;  // "aa_nats_consumer_pending_messages"
    MetricType type = MetricType::gauge;
    std::string_view help;
};

using Labels = std::vector<std::pair<std::string, std::string>>;  // name, value

// Samples collected in any order and printed grouped by family, in the order
// each family got its first sample (a family without samples is left out).
class Exposition {
public:
    void add(const MetricFamily& family, Labels labels, double value);
    std::string text() const;

private:
    struct Sample {
        Labels labels;
        double value;
    };
    std::vector<std::pair<MetricFamily, std::vector<Sample>>> families_;
};

// Whether a run of COMMAND read what it needed from NATS (1) or ended by an
// error (0): every exposition aa-nats prints has it, failures included.
inline constexpr MetricFamily kUpFamily{
    "aa_nats_up", MetricType::gauge,
    "1 when aa-nats read what the check needs from NATS, 0 when the run ended by an error (see the exit code)"};
// Whether COMMAND's check passed: what its exit code 0 or 1 says.
inline constexpr MetricFamily kCheckOkFamily{"aa_nats_check_ok", MetricType::gauge,
                                             "1 when the check passed (exit 0), 0 when it failed (exit 1)"};

// Adds what every exposition of a run of COMMAND that read what it needed
// starts with: aa_nats_up 1, and aa_nats_check_ok as CHECK_OK says.
void add_completed_run(Exposition& exposition, std::string_view command, bool check_ok);

// The exposition of a run of COMMAND that ended by an error: aa_nats_up 0.
std::string failed_run_exposition(std::string_view command);

}  // namespace aa
