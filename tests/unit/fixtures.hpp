#pragma once
// Reads the fixtures captured from real nats-server replies (tests/fixtures/README.md).

#include <fstream>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

namespace aa::test {

inline std::string fixture_text(const std::string& name) {
    std::ifstream in(std::string(AA_FIXTURES_DIR) + "/" + name);
    if (!in) throw std::runtime_error("missing fixture " + name);
    std::ostringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

inline nlohmann::json fixture(const std::string& name) { return nlohmann::json::parse(fixture_text(name)); }

}  // namespace aa::test
