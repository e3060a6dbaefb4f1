#!/usr/bin/env bash
# Starts the whole suite on this machine: an embedded PostgreSQL (unless DATABASE_URL is set) and the four
# services, built first when needed. Prints the gateway URL when everything is ready; Ctrl-C stops it all.
# Settings (environment): GATEWAY_PORT (8080), PARTNER_PORT (8081), PREFIX_PORT (8082), TELEMETRY_PORT (8083),
# POSTGRES_PORT (5432 or the next free one), DATABASE_URL / DATABASE_USER / DATABASE_PASSWORD (an external
# PostgreSQL server, e.g. postgresql://db.example.com:5432, holding databases partner, prefix and telemetry),
# LOCAL_STATE_DIR (.local: database files and logs), READY_TIMEOUT_SECONDS (180).
set -euo pipefail
cd "$(dirname "$0")"

if ! command -v java >/dev/null 2>&1; then
  echo "run-local: java (JDK 17 or newer) is required" >&2
  exit 1
fi

state="${LOCAL_STATE_DIR:-.local}"
mkdir -p "$state"
stamp="local-run/target/build-stamp"

needs_build() {
  [ -f local-run/target/local-run.jar ] || return 0
  for m in partner-service prefix-service telemetry-service gateway; do
    [ -f "$m/target/quarkus-app/quarkus-run.jar" ] || return 0
  done
  [ -f "$stamp" ] || return 0
  [ -n "$(find . -path ./.local -prune -o -path '*/target' -prune -o -path ./k8s -prune -o \
    \( -name '*.java' -o -name '*.proto' -o -name '*.properties' -o -name '*.sql' -o -name 'pom.xml' \) \
    -newer "$stamp" -print -quit)" ]
}

if needs_build; then
  echo "Building the services (first run, or sources changed) ..."
  ./mvnw -B -q -ntp -DskipTests package -pl local-run,partner-service,prefix-service,telemetry-service,gateway -am
  touch "$stamp"
fi

# No Class-Path in the jar's manifest: on a test classpath it would bring the embedded binaries in twice.
exec java -Dopenpeering.root="$PWD" -cp "local-run/target/local-run.jar:local-run/target/lib/*" org.openpeering.local.Main "$@"
