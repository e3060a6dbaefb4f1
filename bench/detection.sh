#!/usr/bin/env bash
# Measures what docs/BENCHMARKS.md reports under "Detection": 100 exact-prefix hijacks injected one at a time
# through a real gobgpd (a partner session of AS 65549 announcing 2001:db8:101::/48 … with origin AS64511 while the
# activated customer prefixes expect AS64510), each timed from the injection command until the anomaly is readable
# through the gateway, beside the daemon's own propagation (command → the UPDATE applied by the collector). The whole
# stack runs as in the end-to-end tests (local-run: the four services, embedded PostgreSQL), in one run of the
# JUnit-tagged DetectionBenchmarkIT (excluded from the normal build). Needs gobgpd/gobgp.
#
# Usage: bench/detection.sh
set -euo pipefail
cd "$(dirname "$0")/.."
log=$(mktemp /tmp/detection-bench-XXXX.log)
echo "Machine: $(nproc) vCPU; load before: $(uptime | sed 's/.*load average: //'); commit $(git rev-parse --short HEAD)"
./mvnw -B -ntp -q install -DskipTests >/dev/null
timeout 1800 ./mvnw -B -ntp verify -pl e2e -Dit.test=DetectionBenchmarkIT -Dbenchmark.excluded=none \
  -Dfailsafe.failIfNoSpecifiedTests=false >"$log" 2>&1 || { tail -60 "$log"; exit 1; }
sed -n '/^Detection: /,/^| from then/p' "$log"
echo "Load after: $(uptime | sed 's/.*load average: //')  (full log: $log)"
