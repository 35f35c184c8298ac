#pragma once
// What every login test checks: how a refused login is told, and the natscli
// context an operator would have written.

#include <map>
#include <string>
#include <vector>

#include "tests/support/harness.hpp"

namespace aa::test {

// Runs `aa-nats stream-info --json ARGS` in ENV and checks that it logged in
// and had the server's answer (exit 0).
void check_logs_in(const std::vector<std::string>& args, const std::map<std::string, std::string>& env = {});

// Runs `aa-nats stream-info ARGS` in ENV, as text and as --json, against a
// server that refuses the login, and checks what the operator is told: exit
// 3, one line that names how it logged in (METHOD, "NKey from --nkey"), and
// SECRET nowhere, neither in the line nor in the JSON document.
void check_login_refused(const std::vector<std::string>& args, const std::map<std::string, std::string>& env,
                         const std::string& method, const std::string& secret);

// Writes VALUES as the natscli context NAME under CONFIG and selects it, as
// `nats context save NAME` and `nats context select NAME` do; returns the
// environment that makes aa-nats read it (XDG_CONFIG_HOME).
std::map<std::string, std::string> selected_context(const TempDir& config, const std::string& name, const Json& values);

}  // namespace aa::test
