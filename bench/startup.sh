#!/usr/bin/env bash
# The first run includes building when the jars are missing or older than the sources.
# Measures what docs/BENCHMARKS.md reports for the local run: seconds from starting ./run-local.sh until the first
# successful API request through the gateway, and each service's resident memory (RSS) right after that.
# Usage: bench/startup.sh [runs]   (uncommon ports, a throw-away state directory; prints one line per run)
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-3}"
export GATEWAY_PORT=18480 PARTNER_PORT=18481 PREFIX_PORT=18482 TELEMETRY_PORT=18483 POSTGRES_PORT=18432
export LOCAL_STATE_DIR="$(mktemp -d /tmp/openpeering-bench-XXXXXX)"
url="http://localhost:$GATEWAY_PORT/subscriptions/bench/providers/Microsoft.Peering/peerAsns?api-version=2025-05-01"
token_args=()
for i in $(seq 1 "$runs"); do
  start=$(date +%s.%N)
  ./run-local.sh > "$LOCAL_STATE_DIR/run-$i.log" 2>&1 &
  pid=$!
  until code=$(curl -s -o /dev/null -w '%{http_code}' "${token_args[@]}" "$url") && [ "$code" = 200 ]; do
    if [ -s "$LOCAL_STATE_DIR/dev-token" ] && [ ${#token_args[@]} -eq 0 ]; then
      token_args=(-H "Authorization: Bearer $(cat "$LOCAL_STATE_DIR/dev-token")")
    fi
    kill -0 "$pid" 2>/dev/null || { echo "run-local.sh died; see $LOCAL_STATE_DIR/run-$i.log"; exit 1; }
    sleep 0.1
  done
  end=$(date +%s.%N)
  rss=""
  for p in $(pgrep -f 'quarkus-app/quarkus-run.jar'); do
    name=$(tr '\0' ' ' < /proc/$p/cmdline | grep -o '[a-z-]*/target/quarkus-app' | cut -d/ -f1)
    kb=$(awk '/VmRSS/ {print $2}' /proc/$p/status)
    rss="$rss $name=$((kb / 1024))MB"
  done
  printf 'run %d: first successful request after %s s;%s\n' "$i" "$(awk "BEGIN {printf \"%.1f\", $end - $start}")" "$rss"
  # a background job ignores SIGINT in a script; SIGTERM runs the same shutdown hook as Ctrl-C
  kill -TERM "$pid"; wait "$pid" || true
done
rm -rf "$LOCAL_STATE_DIR"
