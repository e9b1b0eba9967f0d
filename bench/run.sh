#!/usr/bin/env bash
# Roster's benchmark (DESIGN.md, "Performance bar"):
#
#   bench/run.sh [users] [groups]        default 100000 5000
#
# Generates a directory of that size (scripts/ldap-testdata/gen-openldap.py --memberof), loads it
# into a private slapd with slapadd (scripts/slapd.sh bulk), starts a private PostgreSQL
# (scripts/postgres.sh), builds bench/target/roster-bench.jar when the sources are newer, and runs
# org.roster.bench.SyncBenchmark under -Xmx256m: raw read, raw insert, then per membership setting
# a full first sync, a no-change re-sync and a 1 % incremental run, each against its bar. Prints a
# table and writes JSON lines to bench/results/<UTC timestamp>.json. Stops the servers it started.
# Exit status: 0 every bar holds, 1 one does not, 2 error.
#
# It runs its own slapd and PostgreSQL (data under bench/target), not the test instances:
#   BENCH_PG_PORT     PostgreSQL port       (default 55433)
#   BENCH_LDAP_PORT   slapd LDAP port       (default 10489; LDAPS on BENCH_LDAPS_PORT, 10736)
# Other knobs:
#   BENCH_MODES       membership settings to measure, comma-separated (default memberOf;
#                     "memberOf,member" measures both)
#   BENCH_ROUNDS      rounds of the three sync runs per setting, each on a fresh database; the
#                     median round is reported (default 3; 1 for a single shot)
#   BENCH_BREAKDOWN=0 no timing proxies around the engine's ports (the "where the time went"
#                     tables; they cost well under 1 % of a run)
#   BENCH_JFR=1       also record a JFR profile to bench/results/<timestamp>.jfr and print the
#                     hot methods of the sync (org.roster.bench.JfrHotspots)
#   BENCH_KEEP_DB=1   keep the sync databases (roster_bench_memberof, ...) for inspection
#   BENCH_HEAP        the -Xmx (and -Xms) to run with (default 256m: the heap bar is part of the check)
#   BENCH_JAVA_OPTS   more JVM options, e.g. -Xlog:gc:file=bench/target/gc.log
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BENCH="$REPO/bench"
NUSERS="${1:-100000}"
NGROUPS="${2:-5000}"
[[ "$NUSERS" =~ ^[0-9]+$ && "$NGROUPS" =~ ^[0-9]+$ && "$NGROUPS" -ge 1 ]] \
  || { echo "usage: $0 [users] [groups]" >&2; exit 2; }
BASE_DN=dc=example,dc=org
JAR="$BENCH/target/roster-bench.jar"
STAMP="$(date -u +%Y%m%d-%H%M%S)"

export ROSTER_PG_DIR="$BENCH/target/pgdata"
export ROSTER_PG_PORT="${BENCH_PG_PORT:-55433}"
export ROSTER_OPENLDAP_DIR="$BENCH/target/openldap"
export ROSTER_OPENLDAP_PORT="${BENCH_LDAP_PORT:-10489}"
export ROSTER_OPENLDAP_LDAPS_PORT="${BENCH_LDAPS_PORT:-10736}"
export ROSTER_OPENLDAP_BASE_DN="$BASE_DN"

log() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*"; }

# Stop, at the end, only the servers this run started.
started_pg=false
started_slapd=false
cleanup() {
  if [[ "$started_slapd" == true ]]; then "$REPO/scripts/slapd.sh" stop || true; fi
  if [[ "$started_pg" == true ]]; then "$REPO/scripts/postgres.sh" stop || true; fi
}
trap cleanup EXIT

mkdir -p "$BENCH/target/ldif" "$BENCH/results"
t0=$SECONDS

# 1. The directory: generated once per size and kept. Every entry gets createTimestamp and
# modifyTimestamp of one day before generation, as a directory that was not all written in the
# last minute: slapadd would stamp every entry "now", and an incremental read looks back
# overlapSeconds (60 s) before its watermark, so it would read the whole directory again.
LDIF="$BENCH/target/ldif/openldap-$NUSERS-$NGROUPS.ldif"
GEN="$REPO/scripts/ldap-testdata/gen-openldap.py"
if [[ ! -s "$LDIF" || "$GEN" -nt "$LDIF" || "$0" -nt "$LDIF" ]]; then
  log "generating $NUSERS users / $NGROUPS groups"
  aged="$(date -u -d '1 day ago' +%Y%m%d%H%M%SZ)"
  python3 "$GEN" --users "$NUSERS" --groups "$NGROUPS" --base "$BASE_DN" --memberof \
    | awk -v ts="$aged" '{ print } /^dn: / { print "createTimestamp: " ts; print "modifyTimestamp: " ts }' \
    >"$LDIF.tmp"
  mv "$LDIF.tmp" "$LDIF"
fi

# 2. slapd with that directory: bulk stops the benchmark's slapd, replaces its data with slapadd -q
# and starts it; so it is this run's to stop.
log "loading $(basename "$LDIF") into slapd"
started_slapd=true
"$REPO/scripts/slapd.sh" bulk "$LDIF"
eval "$("$REPO/scripts/slapd.sh" env)"

# 3. PostgreSQL.
if ! "$REPO/scripts/postgres.sh" status >/dev/null 2>&1; then
  started_pg=true
fi
PG_URL="$("$REPO/scripts/postgres.sh" start | tail -n 1)"
log "PostgreSQL: $PG_URL"

# 4. The benchmark jar, rebuilt when a main source, resource or pom of a module it is made of is
# newer than it (what other modules' tests do is not its business).
MODULES=(domain connectors/api application connectors/ldap store bench)
newer="$(find "$REPO/pom.xml" "${MODULES[@]/#/$REPO/}" -path '*/target' -prune -o -path '*/src/test' -prune \
  -o -type f \( -path '*/src/main/*' -o -name pom.xml \) -newer "$JAR" -print -quit 2>/dev/null || true)"
if [[ ! -f "$JAR" || -n "$newer" ]]; then
  log "building $JAR"
  (cd "$REPO" && { ./mvnw -B -o -q -pl bench -am package -DskipTests \
    || ./mvnw -B -q -pl bench -am package -DskipTests; })
fi

# 5. Run it.
# A fixed heap, as a server runs: the System.gc() before each phase would otherwise shrink the heap
# and the phase would begin by growing it back (young collections every few milliseconds).
JAVA_OPTS=(-Xmx"${BENCH_HEAP:-256m}" -Xms"${BENCH_HEAP:-256m}")
# shellcheck disable=SC2206 # extra JVM options, split on blanks on purpose
[[ -n "${BENCH_JAVA_OPTS:-}" ]] && JAVA_OPTS+=(${BENCH_JAVA_OPTS})
JFR_FILE=""
if [[ "${BENCH_JFR:-0}" == 1 ]]; then
  JFR_FILE="$BENCH/results/$STAMP.jfr"
  JAVA_OPTS+=(-XX:FlightRecorderOptions=stackdepth=256
    -XX:StartFlightRecording=filename="$JFR_FILE",settings=profile,dumponexit=true)
fi
log "running the benchmark (java ${JAVA_OPTS[*]})"
status=0
java "${JAVA_OPTS[@]}" \
  -Dbench.ldap.url="$ROSTER_OPENLDAP_URL" \
  -Dbench.ldap.bindDn="$ROSTER_OPENLDAP_BIND_DN" \
  -Dbench.ldap.password="$ROSTER_OPENLDAP_BIND_PASSWORD" \
  -Dbench.ldap.baseDn="$BASE_DN" \
  -Dbench.postgres.url="$PG_URL" \
  -Dbench.users="$NUSERS" -Dbench.groups="$NGROUPS" \
  -Dbench.modes="${BENCH_MODES:-memberOf}" \
  -Dbench.rounds="${BENCH_ROUNDS:-3}" \
  -Dbench.breakdown="$([[ "${BENCH_BREAKDOWN:-1}" == 0 ]] && echo false || echo true)" \
  -Dbench.results="$BENCH/results" \
  -Dbench.keepDatabases="$([[ "${BENCH_KEEP_DB:-0}" == 1 ]] && echo true || echo false)" \
  -Dbench.slapdVersion="$(/usr/sbin/slapd -VV 2>&1 | head -n 1 | sed -e 's/^@(#) \$//' -e 's/[[:space:]]*\$$//' -e 's/[[:space:]]\+/ /g')" \
  -jar "$JAR" || status=$?

if [[ -n "$JFR_FILE" && -s "$JFR_FILE" ]]; then
  log "hot methods of the sync (JFR $JFR_FILE)"
  java -cp "$JAR" org.roster.bench.JfrHotspots "$JFR_FILE" || true
fi
log "done in $((SECONDS - t0)) s, exit status $status"
exit "$status"
