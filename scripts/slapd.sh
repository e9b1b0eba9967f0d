#!/usr/bin/env bash
# A private OpenLDAP server (Debian packages slapd + ldap-utils) for Roster's tests and benchmark.
#
#   scripts/slapd.sh start            start (idempotent: when already running, only says so)
#   scripts/slapd.sh stop             stop the instance this directory belongs to
#   scripts/slapd.sh status           "running: ..." (exit 0) or "stopped: ..." (exit 3)
#   scripts/slapd.sh env              KEY=value lines for tests (see env() below)
#   scripts/slapd.sh reset            stop, wipe the data and configuration, start empty
#   scripts/slapd.sh seed FILE.ldif   ldapadd FILE into the running server (started if needed);
#                                     the memberof overlay maintains memberOf; entries that
#                                     already exist are skipped, any other error fails
#   scripts/slapd.sh bulk FILE.ldif   stop, REPLACE the whole database with FILE via slapadd -q,
#                                     start; slapadd bypasses overlays, so FILE must carry memberOf
#                                     (gen-openldap.py --memberof does). FILE may be - for stdin.
#
# The server listens on ldap://127.0.0.1:10389 (StartTLS available) and ldaps://127.0.0.1:10636
# only, with a private cn=config, an mdb database for dc=example,dc=org, the memberof overlay
# (groupOfNames member <-> memberOf), the schemas core, cosine, nis, inetorgperson and the ppolicy
# schema (built into the ppolicy module in OpenLDAP 2.5: pwdAccountLockedTime, ...). A private CA
# and a server certificate for localhost / 127.0.0.1 are made with openssl; the CA is also written
# as a PKCS12 trust store (password changeit) for Java. The system's slapd service is never used or
# touched. slapd runs as the calling user (no privileged ports are needed).
#
# Environment (all optional):
#   ROSTER_OPENLDAP_DIR         data directory (default <repo>/target/openldap)
#   ROSTER_OPENLDAP_PORT        LDAP/StartTLS port (default 10389)
#   ROSTER_OPENLDAP_LDAPS_PORT  LDAPS port (default 10636)
#   ROSTER_OPENLDAP_BASE_DN     suffix (default dc=example,dc=org; must start with dc=)
#   ROSTER_OPENLDAP_PASSWORD    password of cn=admin,<suffix> (default admin-secret)
#   ROSTER_OPENLDAP_SIZE_LIMIT  olcSizeLimit for ordinary binds (default unlimited); paged
#                               searches are never capped in total (size.prtotal=unlimited) and
#                               the rootdn is always unlimited
#   ROSTER_OPENLDAP_DEBUG       slapd -d level (default 0: errors only), written to DIR/slapd.log
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DIR="${ROSTER_OPENLDAP_DIR:-$REPO/target/openldap}"
HOST=127.0.0.1
PORT="${ROSTER_OPENLDAP_PORT:-10389}"
LDAPS_PORT="${ROSTER_OPENLDAP_LDAPS_PORT:-10636}"
BASE="${ROSTER_OPENLDAP_BASE_DN:-dc=example,dc=org}"
ADMIN_DN="cn=admin,$BASE"
PASSWORD="${ROSTER_OPENLDAP_PASSWORD:-admin-secret}"
SIZE_LIMIT="${ROSTER_OPENLDAP_SIZE_LIMIT:-unlimited}"
DEBUG_LEVEL="${ROSTER_OPENLDAP_DEBUG:-0}"
TRUSTSTORE_PASSWORD=changeit
MODULE_DIR=/usr/lib/ldap
SCHEMA_DIR=/etc/ldap/schema

CONF_DIR="$DIR/slapd.d"
DATA_DIR="$DIR/data"
TLS_DIR="$DIR/tls"
PID_FILE="$DIR/slapd.pid"
LOG_FILE="$DIR/slapd.log"

# shellcheck source=ldap-testdata/tls.sh
source "$REPO/scripts/ldap-testdata/tls.sh"

die() {
  echo "slapd.sh: $*" >&2
  exit 1
}

need() {
  local bin="$1" pkg="$2"
  command -v "$bin" >/dev/null 2>&1 || [[ -x "/usr/sbin/$bin" ]] \
    || die "$bin not found: install the Debian package $pkg (apt-get install --no-install-recommends $pkg)"
}

check_binaries() {
  need slapd slapd
  need slapadd slapd
  need slappasswd slapd
  need ldapsearch ldap-utils
  need ldapadd ldap-utils
  need openssl openssl
  [[ -f "$MODULE_DIR/back_mdb.la" || -f "$MODULE_DIR/back_mdb.so" ]] \
    || die "no mdb backend in $MODULE_DIR: install the Debian package slapd"
  [[ -f "$SCHEMA_DIR/inetorgperson.ldif" ]] || die "no schema in $SCHEMA_DIR: install the Debian package slapd"
}
PATH="$PATH:/usr/sbin:/sbin"

pid_of_instance() {
  local pid
  [[ -s "$PID_FILE" ]] || return 1
  pid="$(tr -dc 0-9 <"$PID_FILE")"
  [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null || return 1
  # The pid must still be our slapd (pids get reused).
  tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -- "slapd.* -F $CONF_DIR" >/dev/null || return 1
  echo "$pid"
}

running() {
  pid_of_instance >/dev/null
}

port_taken() {
  (exec 3<>"/dev/tcp/$HOST/$1") 2>/dev/null
}

# "dc=example,dc=org" -> "example"
first_rdn_value() {
  local rdn="${BASE%%,*}"
  echo "${rdn#*=}"
}

write_config() {
  local hash ppolicy_module=""
  hash="$(slappasswd -s "$PASSWORD")"
  if [[ -f "$MODULE_DIR/ppolicy.la" || -f "$MODULE_DIR/ppolicy.so" ]]; then
    ppolicy_module="olcModuleLoad: ppolicy"
  fi
  cat >"$DIR/config.ldif" <<EOF
dn: cn=config
objectClass: olcGlobal
cn: config
olcPidFile: $PID_FILE
olcArgsFile: $DIR/slapd.args
olcLogLevel: none
olcToolThreads: 2
olcTLSCACertificateFile: $TLS_DIR/ca.pem
olcTLSCertificateFile: $TLS_DIR/server.pem
olcTLSCertificateKeyFile: $TLS_DIR/server.key

dn: cn=module{0},cn=config
objectClass: olcModuleList
cn: module{0}
olcModulePath: $MODULE_DIR
olcModuleLoad: back_mdb
olcModuleLoad: memberof
$ppolicy_module

dn: cn=schema,cn=config
objectClass: olcSchemaConfig
cn: schema

include: file://$SCHEMA_DIR/core.ldif

include: file://$SCHEMA_DIR/cosine.ldif

include: file://$SCHEMA_DIR/nis.ldif

include: file://$SCHEMA_DIR/inetorgperson.ldif

dn: olcDatabase={-1}frontend,cn=config
objectClass: olcDatabaseConfig
objectClass: olcFrontendConfig
olcDatabase: {-1}frontend
olcSizeLimit: size.soft=$SIZE_LIMIT size.hard=$SIZE_LIMIT size.prtotal=unlimited

dn: olcDatabase={0}config,cn=config
objectClass: olcDatabaseConfig
olcDatabase: {0}config
olcRootDN: cn=admin,cn=config
olcRootPW: $hash

dn: olcDatabase={1}mdb,cn=config
objectClass: olcDatabaseConfig
objectClass: olcMdbConfig
olcDatabase: {1}mdb
olcSuffix: $BASE
olcRootDN: $ADMIN_DN
olcRootPW: $hash
olcDbDirectory: $DATA_DIR
olcDbMaxSize: 8589934592
olcDbNoSync: TRUE
olcDbIndex: objectClass eq
olcDbIndex: uid,cn,mail,sn,givenName eq,sub
olcDbIndex: member,memberOf eq
olcDbIndex: entryUUID,entryCSN eq
olcDbIndex: modifyTimestamp,createTimestamp eq
olcSizeLimit: size.soft=$SIZE_LIMIT size.hard=$SIZE_LIMIT size.prtotal=unlimited
olcLimits: dn.exact="$ADMIN_DN" size=unlimited time=unlimited
olcAccess: to attrs=userPassword by self write by anonymous auth by * none
olcAccess: to * by * read

dn: olcOverlay={0}memberof,olcDatabase={1}mdb,cn=config
objectClass: olcOverlayConfig
objectClass: olcMemberOf
olcOverlay: {0}memberof
olcMemberOfRefInt: TRUE
olcMemberOfDangling: ignore
olcMemberOfGroupOC: groupOfNames
olcMemberOfMemberAD: member
olcMemberOfMemberOfAD: memberOf
EOF
  if [[ -n "$ppolicy_module" ]]; then
    # The default policy is an entry in the data (openldap-small.ldif has it, with pwdLockout
    # TRUE, so a pwdAccountLockedTime of 000001010000Z refuses binds). Where that entry is absent
    # (generated bulk data) no policy applies: binds are not checked, the attributes still exist.
    cat >>"$DIR/config.ldif" <<EOF

dn: olcOverlay={1}ppolicy,olcDatabase={1}mdb,cn=config
objectClass: olcOverlayConfig
objectClass: olcPPolicyConfig
olcOverlay: {1}ppolicy
olcPPolicyDefault: cn=default,ou=policies,$BASE
EOF
  fi
}

# Rebuilds cn=config from the generated LDIF on every start, so the script's settings and the
# environment (password, size limit) always apply; the data directory is kept.
build_config() {
  mkdir -p "$DIR" "$DATA_DIR"
  chmod 700 "$DIR"
  if [[ -s "$DIR/base-dn" && "$(cat "$DIR/base-dn")" != "$BASE" ]]; then
    die "$DIR holds $(cat "$DIR/base-dn"), not $BASE: run '$0 reset' (wipes the data)"
  fi
  # libldap checks a connection to "localhost" against the machine's host name, so add it too.
  make_test_certs "$TLS_DIR" localhost "$HOST" "$(hostname 2>/dev/null || echo localhost)" || die "could not create TLS certificates in $TLS_DIR"
  write_config
  rm -rf "$CONF_DIR"
  mkdir -p "$CONF_DIR"
  slapadd -n 0 -F "$CONF_DIR" -l "$DIR/config.ldif" >"$DIR/slapadd-config.log" 2>&1 \
    || { cat "$DIR/slapadd-config.log" >&2; die "could not build cn=config in $CONF_DIR"; }
  echo "$BASE" >"$DIR/base-dn"
}

base_entry_ldif() {
  cat <<EOF
dn: $BASE
objectClass: top
objectClass: dcObject
objectClass: organization
dc: $(first_rdn_value)
o: $(first_rdn_value)

EOF
}

# An empty database gets the suffix entry, so that the server answers searches at once.
init_data() {
  [[ -s "$DATA_DIR/data.mdb" ]] && return
  base_entry_ldif | slapadd -q -F "$CONF_DIR" -b "$BASE" >"$DIR/slapadd.log" 2>&1 \
    || { cat "$DIR/slapadd.log" >&2; die "slapadd of the suffix entry failed"; }
}

launch() {
  local port
  for port in "$PORT" "$LDAPS_PORT"; do
    port_taken "$port" && die "port $HOST:$port is already in use by another process (set ROSTER_OPENLDAP_PORT / ROSTER_OPENLDAP_LDAPS_PORT)"
  done
  rm -f "$PID_FILE"
  echo "=== $(date -Is) slapd start" >>"$LOG_FILE"
  # Own session, no inherited lock fd, no stdio tied to the caller.
  setsid slapd -d "$DEBUG_LEVEL" -F "$CONF_DIR" \
    -h "ldap://$HOST:$PORT/ ldaps://$HOST:$LDAPS_PORT/" \
    </dev/null >>"$LOG_FILE" 2>&1 9>&- &
  local child=$! i
  for ((i = 0; i < 300; i++)); do
    if ! kill -0 "$child" 2>/dev/null; then
      tail -n 20 "$LOG_FILE" >&2
      die "slapd exited during start-up, see $LOG_FILE"
    fi
    if [[ -s "$PID_FILE" ]] && LDAPTLS_REQCERT=never ldapsearch -x -LLL -H "ldap://$HOST:$PORT" \
        -b "" -s base -o nettimeout=2 namingContexts >/dev/null 2>&1; then
      return 0
    fi
    sleep 0.1
  done
  kill "$child" 2>/dev/null || true
  tail -n 20 "$LOG_FILE" >&2
  die "slapd did not answer on ldap://$HOST:$PORT within 30 s, see $LOG_FILE"
}

start() {
  if running; then
    echo "slapd already running: pid $(pid_of_instance), ldap://$HOST:$PORT ldaps://$HOST:$LDAPS_PORT ($DIR)"
    return
  fi
  check_binaries
  build_config
  init_data
  launch
  echo "slapd started: pid $(pid_of_instance), ldap://$HOST:$PORT ldaps://$HOST:$LDAPS_PORT ($DIR)"
}

stop() {
  local pid i
  if ! pid="$(pid_of_instance)"; then
    rm -f "$PID_FILE"
    echo "slapd in $DIR is not running"
    return
  fi
  kill -TERM "$pid"
  for ((i = 0; i < 300; i++)); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  if kill -0 "$pid" 2>/dev/null; then
    echo "slapd.sh: pid $pid did not stop within 30 s, killing it" >&2
    kill -KILL "$pid" 2>/dev/null || true
    sleep 0.5
  fi
  rm -f "$PID_FILE"
  echo "stopped slapd (pid $pid) in $DIR"
}

status() {
  if running; then
    echo "running: pid $(pid_of_instance), ldap://$HOST:$PORT ldaps://$HOST:$LDAPS_PORT ($DIR)"
  else
    echo "stopped: $DIR"
    return 3
  fi
}

# Prints a value for a shell assignment: bare when safe, else single-quoted.
shell_value() {
  if [[ "$1" =~ ^[A-Za-z0-9_./:,=@+%-]*$ ]]; then
    printf '%s' "$1"
  else
    printf "'%s'" "${1//\'/\'\\\'\'}"
  fi
}

env_lines() {
  local k v
  while IFS='|' read -r k v; do
    printf '%s=%s\n' "$k" "$(shell_value "$v")"
  done <<EOF
ROSTER_OPENLDAP_HOST|$HOST
ROSTER_OPENLDAP_PORT|$PORT
ROSTER_OPENLDAP_LDAPS_PORT|$LDAPS_PORT
ROSTER_OPENLDAP_URL|ldap://$HOST:$PORT
ROSTER_OPENLDAP_LDAPS_URL|ldaps://$HOST:$LDAPS_PORT
ROSTER_OPENLDAP_BASE_DN|$BASE
ROSTER_OPENLDAP_USERS_DN|ou=people,$BASE
ROSTER_OPENLDAP_GROUPS_DN|ou=groups,$BASE
ROSTER_OPENLDAP_BIND_DN|$ADMIN_DN
ROSTER_OPENLDAP_BIND_PASSWORD|$PASSWORD
ROSTER_OPENLDAP_CA_PEM|$TLS_DIR/ca.pem
ROSTER_OPENLDAP_TRUSTSTORE|$TLS_DIR/truststore.p12
ROSTER_OPENLDAP_TRUSTSTORE_TYPE|PKCS12
ROSTER_OPENLDAP_TRUSTSTORE_PASSWORD|$TRUSTSTORE_PASSWORD
ROSTER_OPENLDAP_DIR|$DIR
EOF
}

# ldapadd FILE; "Already exists (68)" is not an error, so seeding the same file twice is harmless.
seed() {
  local file="$1" out rc=0
  [[ "$file" == - || -r "$file" ]] || die "cannot read $file"
  [[ "$file" == - ]] && file=/dev/stdin
  running || start
  out="$(ldapadd -c -x -H "ldap://$HOST:$PORT" -D "$ADMIN_DN" -w "$PASSWORD" -f "$file" 2>&1 >/dev/null)" || rc=$?
  if ((rc != 0)); then
    ldap_errors_tolerable "$out" || { echo "$out" >&2; die "ldapadd of $1 failed"; }
    echo "seeded $1 (entries that already existed were skipped)"
  else
    echo "seeded $1"
  fi
}

# ldapadd -c reports each failure as 'ldap_<op>: <text> (<code>)'. True when there is at least one
# and all are 68 (already exists) or 20 (value exists), i.e. the data was there already.
ldap_errors_tolerable() {
  local errors
  errors="$(grep -E '^ldap_' <<<"$1" || true)"
  [[ -n "$errors" ]] && ! grep -qvE '\((68|20)\)$' <<<"$errors"
}

# Replaces the database with FILE (slapadd -q); prepends the suffix entry when FILE lacks it.
bulk() {
  local file="$1" t0 t1 count
  [[ "$file" == - || -r "$file" ]] || die "cannot read $file"
  check_binaries
  stop >/dev/null
  build_config
  rm -rf "$DATA_DIR"
  mkdir -p "$DATA_DIR"
  t0="$(date +%s%N)"
  {
    if [[ "$file" == - ]]; then
      cat
    else
      # grep reads all of head's output (no -q): an early exit would SIGPIPE head, and with
      # pipefail the test would fail and the suffix entry be added twice
      if ! head -c 65536 "$file" | grep -iE "^dn: *$BASE *\$" >/dev/null; then
        base_entry_ldif
      fi
      cat "$file"
    fi
  } | slapadd -q -F "$CONF_DIR" -b "$BASE" >"$DIR/slapadd.log" 2>&1 \
    || { tail -n 20 "$DIR/slapadd.log" >&2; die "slapadd of $1 failed, see $DIR/slapadd.log"; }
  t1="$(date +%s%N)"
  launch
  printf 'bulk-loaded %s with slapadd -q in %d ms; slapd running on ldap://%s:%s\n' \
    "$1" "$(((t1 - t0) / 1000000))" "$HOST" "$PORT"
}

cmd="${1:-}"
case "$cmd" in
  start | stop | reset | seed | bulk)
    mkdir -p "$(dirname "$DIR")"
    # One caller at a time: parallel test JVMs may all call start.
    exec 9>"$DIR.lock"
    flock 9
    case "$cmd" in
      start | stop) "$cmd" ;;
      reset)
        stop
        # Keep tls/ so trust stores that clients already loaded stay valid.
        rm -rf "$CONF_DIR" "$DATA_DIR" "$DIR/config.ldif" "$DIR/base-dn" "$DIR"/*.log "$DIR/slapd.args"
        start
        ;;
      seed | bulk)
        [[ $# -eq 2 ]] || die "usage: $0 $cmd FILE.ldif"
        "$cmd" "$2"
        ;;
    esac
    ;;
  status) status ;;
  env) env_lines ;;
  *)
    echo "usage: $0 start|stop|status|env|reset|seed FILE.ldif|bulk FILE.ldif" >&2
    exit 2
    ;;
esac
