#!/usr/bin/env bash
# Measures what docs/BENCHMARKS.md reports under "RPKI": loading about 800,000 generated VRPs from rpki-client JSON
# (parse, deduplicate, build the lookup set) and RFC 6811 origin validation of one million routes against them. It
# runs the JUnit-tagged RpkiBenchmark of telemetry-protocol (excluded from the normal build) in one JVM.
#
# Usage: bench/rpki.sh [-v vrps] [-n routes]
set -euo pipefail
cd "$(dirname "$0")/.."
vrps=800000 routes=1000000
while getopts "v:n:" o; do
  case "$o" in
    v) vrps=$OPTARG ;; n) routes=$OPTARG ;;
    *) sed -n '2,7p' "$0"; exit 2 ;;
  esac
done
log=$(mktemp /tmp/rpki-bench-XXXX.log)
timeout 1800 ./mvnw -B -ntp test -pl telemetry-protocol -Dtest=RpkiBenchmark -Dbenchmark.excluded=none \
  -Dsurefire.failIfNoSpecifiedTests=false -Dbench.vrps="$vrps" -Dbench.routes="$routes" >"$log" 2>&1 \
  || { tail -50 "$log"; exit 1; }
sed -n '/^RPKI BENCHMARK/,/^validation:/p' "$log"
echo "(full log: $log)"
