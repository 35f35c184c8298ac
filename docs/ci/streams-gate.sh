#!/usr/bin/env bash
# CI gate for a repository that runs on the AA event streams: converge a
# throwaway (or staging) JetStream on the streams that EVENT_STREAM_MODE's
# services expect, then fail the job unless every event subject family is
# captured and nothing differs from the target. docs/ci/README.md explains it.
#
# Environment: NATS_URL (or any aa-nats connection setting), EVENT_STREAM_MODE
# (single | multi, default multi), NODE_ENV (production: 3 replicas).
# Writes ensure-streams.json and migrate-verify.json for the job's artifacts.
# Exit: 0 gate passed, 1 gate failed, 2 bad settings, 3 NATS unreachable.
set -euo pipefail

case "${EVENT_STREAM_MODE:-multi}" in
  # Single-mode services read the legacy stream and dead-letter to the DLQ:
  # that is migration phase 0.
  single) target=(--phase 0) ;;
  multi) target=() ;;
  *) echo "streams-gate: EVENT_STREAM_MODE must be single or multi" >&2; exit 2 ;;
esac

aa-nats ensure-streams "${target[@]}"
# Nothing may differ from the target and no family may be lost (exit 1).
aa-nats ensure-streams "${target[@]}" --check --json >ensure-streams.json
# Every family captured by one stream and the DLQ capturing the HRV DLQ subject.
aa-nats migrate-verify 0 --json >migrate-verify.json
echo "streams-gate: ${EVENT_STREAM_MODE:-multi} mode streams verified"
