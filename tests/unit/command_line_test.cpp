// The command line shown back to the operator: pasteable, and never a secret.

#include <doctest/doctest.h>

#include "src/command_line.hpp"

using aa::shell_command_line;

TEST_CASE("plain arguments stay as typed") {
    CHECK(shell_command_line({"aa-nats", "ensure-streams", "--phase", "1", "-s", "nats://10.0.0.5:4222"}, {}) ==
          "aa-nats ensure-streams --phase 1 -s nats://10.0.0.5:4222");
}

TEST_CASE("secrets are replaced, as values and inside URLs and --flag=value") {
    const std::vector<std::string> secrets{"s3cret", "ops:s3cret", "tok-42"};
    CHECK(shell_command_line({"aa-nats", "--password", "s3cret", "--token=tok-42", "-s", "nats://ops:s3cret@h:4222"},
                             secrets) ==
          "aa-nats --password '[REDACTED]' '--token=[REDACTED]' -s 'nats://ops:[REDACTED]@h:4222'");
}

TEST_CASE("arguments the shell would split or expand are quoted; control characters escaped") {
    CHECK(shell_command_line({"aa-nats", "--context", "my ctx", ""}, {}) == "aa-nats --context 'my ctx' ''");
    CHECK(shell_command_line({"it's"}, {}) == "'it'\\''s'");
    CHECK(shell_command_line({"a\x1b[31mb", "c'\\"}, {}) == "$'a\\x1b[31mb' 'c'\\''\\'");
}

TEST_CASE("variables from the environment lead the line, quoted and scrubbed like arguments") {
    CHECK(shell_command_line({{"NODE_ENV", "production"}, {"STREAM_CORE_NAME", "my core"}},
                             {"aa-nats", "ensure-streams", "--phase", "1"}, {}) ==
          "NODE_ENV=production STREAM_CORE_NAME='my core' aa-nats ensure-streams --phase 1");
    CHECK(shell_command_line({{"STREAM_DLQ_NAME", "x-s3cret"}}, {"aa-nats"}, {"s3cret"}) ==
          "STREAM_DLQ_NAME='x-[REDACTED]' aa-nats");
    CHECK(shell_command_line(std::vector<std::pair<std::string, std::string>>{}, {"aa-nats"}, {}) == "aa-nats");
}
