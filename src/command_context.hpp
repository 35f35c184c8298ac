#pragma once
// What every command gets: the resolved settings, where to print, and a
// JetStream client that connects on first use (so --help and usage errors
// never touch the network).

#include <functional>
#include <memory>
#include <optional>

#include "src/jetstream_client.hpp"
#include "src/nats_connection.hpp"
#include "src/output.hpp"
#include "src/server_info.hpp"
#include "src/settings.hpp"

namespace aa {

class GreetingProbe;

class CommandContext {
public:
    CommandContext(Settings settings, Output output);
    ~CommandContext();

    const Settings& settings() const { return settings_; }
    const Output& output() const { return output_; }

    // The command line as the operator typed it, secrets replaced, for
    // messages that name a command to run again (empty when not set). Built
    // on demand: only a torn subject move needs it.
    std::string command_line() const { return command_line_ ? command_line_() : std::string(); }
    void set_command_line(std::function<std::string()> make) { command_line_ = std::move(make); }

    // Connects on first call, reading the servers' greetings meanwhile;
    // throws ConnectionError when it cannot.
    JetStreamClient& jetstream();

    // The identity of the server connected to, from its INFO greeting (read
    // beside the connect: src/greeting_probe.hpp); its clustering stays
    // unknown unless the greeting names no cluster. Call it once the
    // command's requests are answered: it may wait for the greeting.
    const ServerFacts& server();

private:
    Settings settings_;
    Output output_;
    std::function<std::string()> command_line_;
    std::unique_ptr<GreetingProbe> greetings_;  // until server() has read the connected server's
    std::string server_id_;                     // of the server connected to
    std::unique_ptr<NatsConnection> connection_;
    std::unique_ptr<JetStreamClient> client_;
    std::optional<ServerFacts> server_;
};

}  // namespace aa
