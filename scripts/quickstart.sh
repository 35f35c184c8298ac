#!/usr/bin/env bash
# The README's first command: install, build, start a throwaway JetStream
# server on 127.0.0.1:4223 (unless one already answers there) and run aa-nats
# against it.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-deps.sh
# Only the binary, in as many unity batches as there are cores: one batch
# per core parses the heavy headers least often (52 s on two cores, against
# 85 s in the default batches of 8, which keep an edit's rebuild short).
sources=$(find src commands -name '*.cpp' | wc -l)
cores=$(nproc)
bash scripts/build.sh -DBUILD_TESTING=OFF -DAA_NATS_BENCH=OFF -DCMAKE_UNITY_BUILD_BATCH_SIZE=$(( (sources + cores - 1) / cores ))
aa=./build/aa-nats

if (exec 3<>/dev/tcp/127.0.0.1/4223) 2>/dev/null; then
  echo "quickstart: a server already answers on 127.0.0.1:4223; using it"
  stop_hint=""
else
  store=$(mktemp -d /tmp/aa-nats-quickstart.XXXXXX)
  nohup nats-server -js -a 127.0.0.1 -p 4223 -sd "$store" >"$store/server.log" 2>&1 &
  echo $! >"$store/server.pid"
  for _ in $(seq 50); do
    (exec 3<>/dev/tcp/127.0.0.1/4223) 2>/dev/null && break
    sleep 0.1
  done
  echo "quickstart: started nats-server -js on 127.0.0.1:4223 (store $store, pid $(cat "$store/server.pid"))"
  stop_hint="kill \$(cat $store/server.pid) && rm -rf $store"
fi

export NATS_URL=nats://127.0.0.1:4223
# The tool's main job: converge the topology, show it, verify the migration
# state. Each step's exit code is shown; a refusal or a failed check does not
# stop the tour.
run() {
  echo
  echo "\$ aa-nats $*"
  "$aa" "$@"
  echo "(exit $?)"
}
set +e
run ensure-streams
run stream-info
run migrate-verify --detect
set -e
echo
echo "quickstart: the binary is $aa; try '$aa --help'."
if [ -n "$stop_hint" ]; then
  echo "quickstart: stop the throwaway server with: $stop_hint"
fi
