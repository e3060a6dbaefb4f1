#!/usr/bin/env bash
# Measures what docs/BENCHMARKS.md reports under "Latency": the ingest rate of telemetry-service's latency stream
# beside plain batched SQL inserts of the same samples into the same PostgreSQL (the reference), and the time of a
# 30-day report for one prefix while 10,000 monitored prefixes hold 30 days of hourly roll-ups. It runs the
# JUnit-tagged benchmark LatencyBenchmark (excluded from the normal build) in one telemetry-service test boot with
# an embedded PostgreSQL; client and service share the JVM and the two cores.
#
# Usage: bench/latency.sh [-n samples] [-p prefixes] [-b batch] [-r reports]
#   defaults: 1,000,000 samples, 10,000 prefixes, batches of 1,000 samples, 30 timed reports (after 20 warm-up calls)
set -euo pipefail
cd "$(dirname "$0")/.."
samples=1000000 prefixes=10000 batch=1000 reports=30
while getopts "n:p:b:r:" o; do
  case "$o" in
    n) samples=$OPTARG ;; p) prefixes=$OPTARG ;; b) batch=$OPTARG ;; r) reports=$OPTARG ;;
    *) sed -n '2,10p' "$0"; exit 2 ;;
  esac
done
log=$(mktemp /tmp/latency-bench-XXXX.log)
./mvnw -B -ntp -q install -DskipTests -pl telemetry-service -am >/dev/null
timeout 3600 ./mvnw -B -ntp test -pl telemetry-service -Dtest=LatencyBenchmark -Dbenchmark.excluded=none \
  -Dsurefire.failIfNoSpecifiedTests=false -Dbench.samples="$samples" -Dbench.prefixes="$prefixes" \
  -Dbench.batch="$batch" -Dbench.reports="$reports" >"$log" 2>&1 || { tail -50 "$log"; exit 1; }
sed -n '/^LATENCY BENCHMARK/,/^report:/p' "$log"
echo "(full log: $log)"
