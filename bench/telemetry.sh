#!/usr/bin/env bash
# Measures what docs/BENCHMARKS.md reports under "Telemetry": how fast telemetry-service's BGP listener takes in a full
# table compared with bird2 and gobgpd receiving the same table from the same sender, its peak memory, and how many
# UPDATEs per second it keeps up with under churn. Everything runs on loopback with uncommon ports in a throw-away
# directory; every process it starts is bounded by `timeout` and stopped on exit (BGP-LAB.md has the recipes).
#
# Usage: bench/telemetry.sh [-n routes] [-a routes-per-path] [-r runs] [-d churn-seconds] [-w warm-up-seconds]
#                           [-c churn-routes] [-B] [-R "telemetry gobgp bird"] [-p full|churn|all] [-k]
#   -n  IPv4 routes in the full table (default 1000000); -a how many consecutive routes share one AS path (default 4:
#       250 k distinct attribute sets at 1 M, about what a real full table has)
#   -r  runs per receiver, the table reports medians (default 3, or 1 when -n is 1000000 or more)
#   -d  churn duration in seconds (default 60), after -w seconds of the same toggling that are reported apart and not
#       counted (default 10: a fresh JVM compiles its hot code meanwhile; BIRD gets the same warm-up);
#       -c routes per toggle (default 100000); -B churn on top of the full
#       table (default: the churn routes alone on the session, so the count goes 0 -> 100 k -> 0)
#   -R  which receivers (default all three); -p which part to run (default all); -k keep the work directory (logs,
#       GC logs, raw JSON)
# Environment: TELEMETRY_JAVA_OPTS (JVM flags for telemetry-service; default below), TELEMETRY_MALLOC_ARENA_MAX (2),
#   BENCH_PORT_BASE (default 18500: BGP +79, sender +80, HTTP +81, PostgreSQL +82, gobgp API +83).
#
# The sender is one BIRD 2 at 127.0.0.2 AS 64500 with a static table (/24s from 1.0.0.0, next hop 192.0.2.2 so that
# gobgpd accepts them; AS paths of length 4 with a community) and a second, disabled static protocol of churn routes
# (/24s from 100.0.0.0, each with its own AS path, so BIRD sends one prefix per announcing UPDATE). Each receiver is
# started fresh at 127.0.0.1 AS 64496 for each run; the sender's BGP protocol is enabled once the receiver is ready.
# Time = from the session reaching Established, as the receiver reports it (telemetry-service's log line, BIRD's
# millisecond 'since' column; gobgpd's state polled every 10 ms), until the receiver holds all routes: polled every
# 100 ms for telemetry-service (/q/metrics telemetry_session_prefixes{family="ipv4"}) and BIRD (`show protocols all`
# "Routes: N imported"); for gobgpd, whose counters cost it real work even through `gobgp neighbor -j`, the end of
# its last busy 100 ms before a second of idle CPU, confirmed once with `gobgp neighbor -j` (accepted routes).
# BIRD is kept awake with `show status` every 10 ms. Churn: UPDATE/s from telemetry_session_updates_total; processing
# lag = from the sender writing a byte of the BGP stream to the receiver reading it, from the kernel's TCP counters of
# both ends (sock_diag every 10 ms; the same for every receiver); convergence lag = from the `enable`/`disable`
# command until the count is reached, polled every 20 ms (it includes the sender's own time for the toggle). Warm restart (telemetry-service,
# after each full table): the time until telemetry_rib_pending_paths is 0 (the table is in PostgreSQL), then a
# graceful stop and a fresh start on the same database, with the restore time from its log and its RSS. A summary table goes to stdout;
# the figures in docs/BENCHMARKS.md come from it. Needs: java, bird2, gobgpd, python3, curl; the jars (built if
# missing). Runs next to other work: the load averages before and after are printed.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"

routes=1000000 per_path=4 runs="" churn_seconds=60 warmup_seconds=10 churn_size=100000 churn_on_table=0 part=all keep=0
receivers="telemetry gobgp bird"
while getopts "n:a:r:d:w:c:BR:p:kh" opt; do
  case "$opt" in
    n) routes="$OPTARG" ;;
    a) per_path="$OPTARG" ;;
    r) runs="$OPTARG" ;;
    d) churn_seconds="$OPTARG" ;;
    w) warmup_seconds="$OPTARG" ;;
    c) churn_size="$OPTARG" ;;
    B) churn_on_table=1 ;;
    R) receivers="$OPTARG" ;;
    p) part="$OPTARG" ;;
    k) keep=1 ;;
    *) sed -n '2,21p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
  esac
done
[ -n "$runs" ] || runs=$(( routes >= 1000000 ? 1 : 3 ))
case "$part" in full|churn|all) ;; *) echo "-p full|churn|all" >&2; exit 2 ;; esac
if (( routes > 6000000 )); then echo "at most 6000000 routes (the table must stay below the churn routes)" >&2; exit 2; fi

# Serial GC: one collector thread, nothing competing with the event loop on two cores, the smallest footprint. A heap
# grows to -Xmx before a full collection, so RSS ≈ -Xmx + 130-150 MB outside the heap (metaspace, code, C2's arenas):
# 360 MB keeps the JVM under the issue's 500 MB and holds 1 M routes (≈ 186 MB live, docs/BENCHMARKS.md) in an old
# generation of 260 MB. A young generation of 100 MB with survivor spaces of 20 MB each (-XX:SurvivorRatio=3) keeps
# churned routes, which live for a toggle or two, out of the old generation: with 40 MB (4 MB survivors) they were
# promoted, and churn on top of a full table ended in a full collection of 0.8-1.5 s every 12-25 s.
# -Xms = -Xmx avoids full collections that only grow the heap.
java_opts="${TELEMETRY_JAVA_OPTS:--XX:+UseSerialGC -Xms360m -Xmx360m -Xmn100m -XX:SurvivorRatio=3}"
# fewer glibc malloc arenas: ~10 MB less RSS for the JVM's own native allocations
malloc_arenas="${TELEMETRY_MALLOC_ARENA_MAX:-2}"
base="${BENCH_PORT_BASE:-18500}"
bgp_port=$((base + 79)) sender_port=$((base + 80)) http_port=$((base + 81)) pg_port=$((base + 82)) gobgp_api=$((base + 83))
helper=(python3 "$root/bench/telemetry_bench.py")
jar=telemetry-service/target/quarkus-app/quarkus-run.jar
limit=$(( 900 + routes / 1000 + 4 * (churn_seconds + warmup_seconds) ))   # seconds any started process may live

for tool in java bird birdc gobgpd gobgp python3 curl; do
  command -v "$tool" >/dev/null || { echo "telemetry.sh: $tool is required" >&2; exit 1; }
done
for p in $bgp_port $sender_port $http_port $pg_port $gobgp_api; do
  if ss -Htln "sport = :$p" | grep -q .; then echo "telemetry.sh: port $p is in use (set BENCH_PORT_BASE)" >&2; exit 1; fi
done
if [ ! -f "$jar" ] || [ ! -f local-run/target/local-run.jar ]; then
  echo "Building telemetry-service and local-run (jars missing) ..."
  ./mvnw -o -q -DskipTests install -pl telemetry-service,local-run -am
fi
stale=$(find telemetry-service/src telemetry-protocol/src -newer "$jar" -type f | head -3 | tr '\n' ' ')

work="$(mktemp -d /tmp/openpeering-telemetry-bench-XXXXXX)"
# a snapshot of the built application: a concurrent `mvnw package` must not swap jars under a starting JVM
jar_built="$(date -r "$jar" '+%F %T')"
cp -r telemetry-service/target/quarkus-app "$work/telemetry-app"
mkdir -p "$work/local-run" && cp -r local-run/target/local-run.jar local-run/target/lib "$work/local-run/"
results="$work/results.jsonl"
pids=()

cleanup() {
  local p i
  trap - EXIT INT TERM
  for (( i=${#pids[@]}-1; i>=0; i-- )); do kill -TERM "${pids[$i]}" 2>/dev/null || true; done
  for p in "${pids[@]}"; do
    for i in $(seq 100); do kill -0 "$p" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$p" 2>/dev/null || true
  done
  # the embedded PostgreSQL outlives a killed JVM: stop it by the PID in its own lock file
  if [ -f "$work/pg/postmaster.pid" ]; then
    p=$(head -1 "$work/pg/postmaster.pid")
    if [ -n "$p" ] && kill -0 "$p" 2>/dev/null; then kill -INT "$p" 2>/dev/null || true; sleep 2; fi
  fi
  if [ "$keep" = 1 ]; then echo "Work directory kept: $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# start NAME COMMAND...: runs it under timeout in the background, logs to $work/NAME.log; sets $pid to the command
# itself (not the timeout wrapper), for /proc figures and for stopping it.
start() {
  local name="$1"; shift
  timeout --kill-after=10 "$limit" "$@" > "$work/$name.log" 2>&1 &
  local wrapper=$!
  pids+=("$wrapper")
  pid=""
  for _ in $(seq 100); do
    pid=$(pgrep -P "$wrapper" | head -1 || true)
    [ -n "$pid" ] && break
    sleep 0.05
  done
  if [ -z "$pid" ]; then
    echo "telemetry.sh: $name did not start; see $work/$name.log" >&2; tail -5 "$work/$name.log" >&2; exit 1
  fi
  pids+=("$pid")
  wrapper_of[$pid]=$wrapper
}
declare -A wrapper_of

# stop PID: SIGTERM, wait until it has gone (at most 30 s, then SIGKILL), reap its wrapper and forget both, so that
# the exit trap never signals a PID that may have been reused since
stop() {
  local p=$1 w=${wrapper_of[$1]:-} keep_pids=() x
  kill -TERM "$p" 2>/dev/null || true
  for _ in $(seq 300); do kill -0 "$p" 2>/dev/null || break; sleep 0.1; done
  kill -KILL "$p" 2>/dev/null || true
  [ -z "$w" ] || wait "$w" 2>/dev/null || true
  for x in "${pids[@]}"; do [ "$x" = "$p" ] || [ "$x" = "$w" ] || keep_pids+=("$x"); done
  pids=("${keep_pids[@]}")
}

# wait_for SECONDS DESCRIPTION PID COMMAND...: until COMMAND succeeds, failing if PID dies
wait_for() {
  local secs="$1" what="$2" p="$3"; shift 3
  local deadline=$(( SECONDS + secs ))
  until "$@" >/dev/null 2>&1; do
    kill -0 "$p" 2>/dev/null || { echo "telemetry.sh: $what died; log in $work" >&2; exit 1; }
    (( SECONDS < deadline )) || { echo "telemetry.sh: $what not ready after $secs s" >&2; exit 1; }
    sleep 0.1
  done
}

birdc_sender() { timeout 60 birdc -s "$work/sender.ctl" "$@" >/dev/null; }

load_before="$(uptime)"
echo "Telemetry benchmark: $routes routes ($per_path per AS path), $runs run(s) per receiver," \
  "churn $churn_size routes for $churn_seconds s after a $warmup_seconds s warm-up"
echo "Machine: $(nproc) vCPU, $(free -g | awk '/Mem:/ {print $2}') GiB; load before: ${load_before##*load average: }"
differs=$(git diff --quiet HEAD -- telemetry-service telemetry-protocol || echo ' (telemetry sources differ from HEAD)')
echo "Commit: $(git rev-parse --short HEAD)$differs;" \
  "jar built $jar_built${stale:+; sources newer than the jar: $stale}"
echo "telemetry-service JVM: $java_opts (MALLOC_ARENA_MAX=$malloc_arenas)"
echo "Work directory: $work"

# ---------------------------------------------------------------- the sender
"${helper[@]}" routes "$work/routes4.conf" "$routes" 1.0.0.0 --per-path "$per_path"
"${helper[@]}" routes "$work/churn4.conf" "$churn_size" 100.0.0.0 --per-path 1 --origin-base 4250000000
cat > "$work/sender.conf" <<EOF
router id 127.0.0.2;
protocol device { }
protocol static routes4 { ipv4;
include "$work/routes4.conf";
}
protocol static churn { disabled; ipv4;
include "$work/churn4.conf";
}
protocol bgp collector {
  disabled;
  local 127.0.0.2 port $sender_port as 64500;
  neighbor 127.0.0.1 port $bgp_port as 64496;
  strict bind yes;
  multihop;
  connect delay time 0;
  connect retry time 1;
  ipv4 { import none; export all; next hop address 192.0.2.2; };
}
EOF
start sender bird -f -c "$work/sender.conf" -s "$work/sender.ctl" -P "$work/sender.pid"
sender_pid=$pid
t0=$SECONDS
"${helper[@]}" wait-table "$work/sender.ctl" "$routes" 900
echo "Sender BIRD loaded $routes routes in $((SECONDS - t0)) s"

# ---------------------------------------------------------------- the receivers
pg_pid=""
start_postgres() {
  [ -z "$pg_pid" ] || return 0
  start postgres java -cp "$work/local-run/local-run.jar:$work/local-run/lib/*" org.openpeering.local.Main postgres \
    --dir "$work/pg" --port "$pg_port" --database telemetry
  pg_pid=$pid
  wait_for 120 PostgreSQL "$pg_pid" grep -q "PostgreSQL ready" "$work/postgres.log"
}

# an empty database: a full-table run or the churn receiver must not start warm from the table an earlier run left
fresh_postgres() {
  [ -n "$pg_pid" ] || return 0
  stop "$pg_pid"
  pg_pid=""
  rm -rf "$work/pg"
}

start_telemetry() {  # NAME
  start_postgres
  start "$1" env DB_URL="postgresql://localhost:$pg_port/telemetry" DB_USER=postgres DB_PASSWORD=postgres \
    SERVICE_TOKEN=bench QUARKUS_HTTP_PORT="$http_port" PEERING_OPERATOR_ASN=64496 MALLOC_ARENA_MAX="$malloc_arenas" \
    TELEMETRY_BGP_HOST=127.0.0.1 TELEMETRY_BGP_PORT="$bgp_port" TELEMETRY_BGP_NEIGHBORS="127.0.0.2=64500@bench-r1" \
    TELEMETRY_MAX_ROUTES_PER_SESSION=$(( routes + churn_size + 1000 )) TELEMETRY_BMP_ENABLED=false \
    java $java_opts -Xlog:gc:file="$work/$1.gc.log":uptime -jar "$work/telemetry-app/quarkus-run.jar"
  wait_for 180 telemetry-service "$pid" started "$1"
  wait_for 30 telemetry-service "$pid" grep -q "BGP listener on" "$work/$1.log"
}
started() {  # NAME: the service answers, or its start failed (a failed Quarkus start can leave the JVM running)
  if grep -q "Failed to start" "$work/$1.log"; then
    echo "telemetry.sh: telemetry-service failed to start; see $work/$1.log" >&2; exit 1
  fi
  curl -sf -m 5 "http://127.0.0.1:$http_port/q/metrics"
}
telemetry_args() {  # NAME
  echo --kind telemetry --metrics "http://127.0.0.1:$http_port/q/metrics" --log "$work/$1.log" --gc-log "$work/$1.gc.log"
}

start_gobgpd() {  # NAME
  cat > "$work/$1.toml" <<EOF
[global.config]
  as = 64496
  router-id = "127.0.0.1"
  port = $bgp_port
  local-address-list = ["127.0.0.1"]
[[neighbors]]
  [neighbors.config]
    neighbor-address = "127.0.0.2"
    peer-as = 64500
  [neighbors.transport.config]
    local-address = "127.0.0.1"
    passive-mode = true
  [[neighbors.afi-safis]]
    [neighbors.afi-safis.config]
      afi-safi-name = "ipv4-unicast"
EOF
  start "$1" gobgpd -f "$work/$1.toml" --api-hosts "127.0.0.1:$gobgp_api" --pprof-disable -p -l info
  wait_for 30 gobgpd "$pid" timeout 5 gobgp -p "$gobgp_api" global
}

start_bird() {  # NAME
  cat > "$work/$1.conf" <<EOF
router id 127.0.0.1;
timeformat protocol "%F %T.%3f";
protocol device { }
protocol bgp sender {
  local 127.0.0.1 port $bgp_port as 64496;
  neighbor 127.0.0.2 as 64500;
  strict bind yes;
  passive;
  multihop;
  ipv4 { import all; export none; };
}
EOF
  start "$1" bird -f -c "$work/$1.conf" -s "$work/$1.ctl" -P "$work/$1.pid"
  wait_for 30 bird "$pid" timeout 5 birdc -s "$work/$1.ctl" show status
}

# full KIND RUN: one fresh receiver, one full table
full() {
  local kind="$1" run="$2" name="$1-$2" args
  case "$kind" in
    telemetry) fresh_postgres; start_telemetry "$name"; args=$(telemetry_args "$name") ;;
    gobgp) start_gobgpd "$name"; args="--kind gobgp --api-port $gobgp_api --idle-confirm" ;;
    bird) start_bird "$name"; args="--kind bird --ctl $work/$name.ctl" ;;
  esac
  local rx=$pid out
  # shellcheck disable=SC2086
  out=$("${helper[@]}" full $args --pid "$rx" --sender-ctl "$work/sender.ctl" --count "$routes" --timeout "$limit")
  if [ "$kind" = telemetry ]; then
    warm "$name" "$rx"
  else
    birdc_sender disable collector
    stop "$rx"
  fi
  echo "{\"part\":\"full\",\"run\":$run,${out#\{}" >> "$results"
  "${helper[@]}" report-line "$results"
}

metric() {  # NAME: one value from telemetry-service's /q/metrics
  curl -sf -m 10 "http://127.0.0.1:$http_port/q/metrics" | awk -v m="$1" '$1 == m {print $2}'
}

# warm NAME PID: the table just received is written to PostgreSQL (time after all routes were held, peak RSS);
# the service stops (a graceful stop writes last and does not delete the session's rows), the sender is disabled,
# and a fresh service reads the table back (restore time from its log, RSS once started)
warm() {
  local name="$1" rx="$2" t0 pending written
  t0=$(date +%s%N)
  while :; do
    pending=$(metric telemetry_rib_pending_paths)
    [ -n "$pending" ] && [ "${pending%.*}" = 0 ] && break
    if (( ($(date +%s%N) - t0) / 1000000000 > 600 )); then echo "  warm $name: not written after 600 s"; break; fi
    sleep 0.2
  done
  written=$(metric telemetry_rib_rows_written_total)
  echo "  warm $name: ${written%.*} rows written $(( ($(date +%s%N) - t0) / 1000000 )) ms after all routes were" \
    "held; peak RSS $(( $(awk '/VmHWM/ {print $2}' "/proc/$rx/status") / 1024 )) MB"
  stop "$rx"
  birdc_sender disable collector
  start_telemetry "$name-restart"
  echo "  warm $name-restart: $(grep -o 'Restored [0-9]* routes of [0-9]* sessions from the database in [0-9]* ms' \
    "$work/$name-restart.log"); RSS once started $(( $(awk '/VmRSS/ {print $2}' "/proc/$pid/status") / 1024 )) MB," \
    "peak $(( $(awk '/VmHWM/ {print $2}' "/proc/$pid/status") / 1024 )) MB;" \
    "IPv4 prefixes held: $(curl -sf -m 10 "http://127.0.0.1:$http_port/q/metrics" \
      | awk '/^telemetry_session_prefixes\{/ && /family="ipv4"/ {print $2}')"
  stop "$pid"
}

# churn KIND: a fresh receiver takes the base (nothing, or the full table with -B), then the churn protocol toggles
churn() {
  local kind="$1" name="$1-churn" args base=0
  if [ "$churn_on_table" = 1 ]; then base=$routes; else birdc_sender disable routes4; fi
  case "$kind" in
    telemetry) fresh_postgres; start_telemetry "$name"; args=$(telemetry_args "$name") ;;
    bird) start_bird "$name"; args="--kind bird --ctl $work/$name.ctl" ;;
  esac
  local rx=$pid out
  # shellcheck disable=SC2086
  out=$("${helper[@]}" full $args --pid "$rx" --sender-ctl "$work/sender.ctl" --count "$base" --timeout "$limit")
  echo "{\"part\":\"base\",\"run\":0,${out#\{}" >> "$results"
  # shellcheck disable=SC2086
  out=$("${helper[@]}" churn $args --pid "$rx" --sender-ctl "$work/sender.ctl" --size "$churn_size" \
    --seconds "$churn_seconds" --warmup "$warmup_seconds" --bgp-port "$bgp_port")
  birdc_sender disable collector
  stop "$rx"
  echo "{\"part\":\"churn\",\"run\":0,${out#\{}" >> "$results"
  "${helper[@]}" report-line "$results"
}

if [ "$part" != churn ]; then
  for run in $(seq 1 "$runs"); do
    for kind in $receivers; do full "$kind" "$run"; done
  done
fi
if [ "$part" != full ]; then
  [[ " $receivers " != *" telemetry "* ]] || churn telemetry
  [[ " $receivers " != *" bird "* ]] || churn bird   # the same churn into BIRD: what the sender and polling allow
fi
sender_hwm=$(awk '/VmHWM/ {print $2}' "/proc/$sender_pid/status")
stop "$sender_pid"

echo
echo "Load after: $(uptime | sed 's/.*load average: //')  (before: ${load_before##*load average: })"
"${helper[@]}" report "$results" --routes "$routes" --runs "$runs" --sender-hwm-kb "$sender_hwm"
