# shellcheck shell=bash
# Sourced by scripts/slapd.sh and scripts/samba-ad.sh: a private test CA and a server certificate.
#
#   make_test_certs DIR HOSTNAME...
#
# Creates, when missing, in DIR:
#   ca.pem ca.key                  the test CA (self-signed, 10 years)
#   server.pem server.key          a server certificate signed by it, subjectAltName = localhost,
#                                  127.0.0.1, ::1 and every HOSTNAME given (DNS names or IPv4)
#   truststore.p12                 the CA as a Java PKCS12 trust store, password $TRUSTSTORE_PASSWORD
#                                  (default changeit); made with keytool, because OpenSSL 3.0 cannot
#                                  mark a certificate as trusted for Java (no -jdktrust before 3.2)
# Existing files are kept, so a restart keeps the certificates clients already trust; only a server
# certificate that does not name every HOSTNAME is remade (with the same CA).

make_test_certs() {
  local dir="$1"
  shift
  command -v openssl >/dev/null 2>&1 || { echo "openssl missing: install the Debian package openssl" >&2; return 1; }
  mkdir -p "$dir"
  local old_umask
  old_umask="$(umask)"
  umask 077
  if [[ ! -s "$dir/ca.pem" || ! -s "$dir/ca.key" ]]; then
    rm -f "$dir/server.pem" "$dir/server.key" "$dir/truststore.p12"
    openssl req -x509 -newkey rsa:2048 -nodes -sha256 -days 3650 \
      -keyout "$dir/ca.key" -out "$dir/ca.pem" -subj "/O=Roster tests/CN=Roster test CA" \
      -addext "basicConstraints=critical,CA:TRUE" \
      -addext "keyUsage=critical,keyCertSign,cRLSign" >/dev/null 2>&1 \
      || { umask "$old_umask"; echo "openssl could not create the test CA in $dir" >&2; return 1; }
  fi
  # A server certificate that lacks one of the names (another host name or address) is remade;
  # the CA stays, so trust stores made earlier still work.
  local name
  if [[ -s "$dir/server.pem" ]]; then
    for name in localhost 127.0.0.1 "$@"; do
      if [[ "$name" =~ ^[0-9.]+$ ]]; then
        openssl x509 -in "$dir/server.pem" -noout -checkip "$name" 2>/dev/null | grep -q 'does match' || rm -f "$dir/server.pem"
      else
        openssl x509 -in "$dir/server.pem" -noout -checkhost "$name" 2>/dev/null | grep -q 'does match' || rm -f "$dir/server.pem"
      fi
    done
  fi
  if [[ ! -s "$dir/server.pem" || ! -s "$dir/server.key" ]]; then
    local san="DNS:localhost,IP:127.0.0.1,IP:::1" h
    for h in "$@"; do
      if [[ "$h" =~ ^[0-9.]+$ ]]; then
        [[ "$h" == 127.0.0.1 ]] || san+=",IP:$h"
      elif [[ "$h" != localhost ]]; then
        san+=",DNS:$h"
      fi
    done
    openssl req -newkey rsa:2048 -nodes -sha256 -keyout "$dir/server.key" -out "$dir/server.csr" \
      -subj "/O=Roster tests/CN=${1:-localhost}" >/dev/null 2>&1 \
      && printf '%s\n' \
        "basicConstraints=critical,CA:FALSE" \
        "keyUsage=critical,digitalSignature,keyEncipherment" \
        "extendedKeyUsage=serverAuth" \
        "subjectAltName=$san" >"$dir/server.ext" \
      && openssl x509 -req -sha256 -days 3650 -in "$dir/server.csr" -CA "$dir/ca.pem" \
        -CAkey "$dir/ca.key" -set_serial "0x$(openssl rand -hex 8)" -extfile "$dir/server.ext" \
        -out "$dir/server.pem" >/dev/null 2>&1 \
      || { umask "$old_umask"; echo "openssl could not create the server certificate in $dir" >&2; return 1; }
    rm -f "$dir/server.csr" "$dir/server.ext"
  fi
  umask "$old_umask"
  chmod 600 "$dir/ca.key" "$dir/server.key"
  chmod 644 "$dir/ca.pem" "$dir/server.pem"
  if [[ ! -s "$dir/truststore.p12" ]]; then
    if command -v keytool >/dev/null 2>&1; then
      keytool -importcert -noprompt -alias roster-test-ca -file "$dir/ca.pem" \
        -keystore "$dir/truststore.p12" -storetype PKCS12 \
        -storepass "${TRUSTSTORE_PASSWORD:-changeit}" >/dev/null 2>&1 \
        || { echo "keytool could not write $dir/truststore.p12" >&2; return 1; }
      chmod 644 "$dir/truststore.p12"
    else
      echo "warning: keytool (a JDK) not found: no $dir/truststore.p12, use $dir/ca.pem" >&2
    fi
  fi
}
