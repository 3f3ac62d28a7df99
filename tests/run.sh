#!/usr/bin/env bash
# The whole test suite, from a fresh clone: makes sure its peers are there (installing what is
# missing), builds the binary the end-to-end tests drive, and runs every test.
# A missing peer is a failure, never a silent skip.
set -euo pipefail
cd "$(dirname "$0")/.."

log() { printf '\n== %s\n' "$*" >&2; }
have() { command -v "$1" >/dev/null 2>&1; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; elif have sudo; then sudo "$@"; else "$@"; fi; }

apt_updated=
apt_install() {
  have apt-get || { echo "error: apt-get is not available to install $*" >&2; return 1; }
  if [ -z "$apt_updated" ]; then as_root apt-get update -qq; apt_updated=1; fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

# --- PostgreSQL: SCHALTER_TEST_POSTGRES_URL (a user that may create databases; a password in
# the URL is fine), by default 127.0.0.1:5432 (user postgres, trust auth), which is started or
# installed if it is not there; each test makes its own database.
export SCHALTER_TEST_POSTGRES_URL="${SCHALTER_TEST_POSTGRES_URL:-postgres://postgres@127.0.0.1:5432/postgres}"
pg_hostport="${SCHALTER_TEST_POSTGRES_URL#*://}"
pg_hostport="${pg_hostport##*@}"
pg_hostport="${pg_hostport%%/*}"
pg_hostport="${pg_hostport%%\?*}"
pg_host="${pg_hostport%%:*}"
pg_port="${pg_hostport##*:}"
[ "$pg_port" = "$pg_hostport" ] && pg_port=5432
pg_up() { (exec 3<>"/dev/tcp/$pg_host/$pg_port") 2>/dev/null; }
pg_local() { [ "$pg_host" = 127.0.0.1 ] || [ "$pg_host" = localhost ]; }
start_pg() {
  have pg_ctlcluster || return 0
  for version in $(ls /etc/postgresql 2>/dev/null); do
    as_root pg_ctlcluster --skip-systemctl-redirect "$version" main start 2>/dev/null || true
  done
}
if ! pg_up && pg_local && [ "$pg_port" = 5432 ]; then
  log "PostgreSQL is not listening on 127.0.0.1:5432; starting it"
  start_pg
  if ! pg_up && ! have pg_ctlcluster; then
    log "installing PostgreSQL"
    apt_install postgresql
    for hba in /etc/postgresql/*/main/pg_hba.conf; do
      # A throwaway test server: trust loopback connections, as CI's does.
      as_root sed -i -E 's/^(host\s+all\s+all\s+(127\.0\.0\.1\/32|::1\/128)\s+)\S+/\1trust/' "$hba"
    done
    start_pg
  fi
  for _ in $(seq 1 30); do pg_up && break; sleep 1; done
fi
if ! pg_up; then
  echo "error: PostgreSQL is required at $pg_host:$pg_port (SCHALTER_TEST_POSTGRES_URL) and is not reachable" >&2
  exit 1
fi
# pg_dump and pg_restore, for the backup test (the server's own package brings them).
have pg_restore || apt_install postgresql-client
have pg_restore || {
  echo "error: pg_dump and pg_restore are required for the backup test (Debian's postgresql-client)" >&2
  exit 1
}

# --- Synapse from PyPI in a virtualenv, for the Matrix end-to-end tests.
export SCHALTER_TEST_SYNAPSE="${SCHALTER_TEST_SYNAPSE:-$PWD/.test-env/synapse}"
if [ ! -x "$SCHALTER_TEST_SYNAPSE/bin/register_new_matrix_user" ]; then
  log "installing Synapse into $SCHALTER_TEST_SYNAPSE"
  if ! python3 -m venv "$SCHALTER_TEST_SYNAPSE" 2>/dev/null; then
    apt_install python3-venv
    python3 -m venv "$SCHALTER_TEST_SYNAPSE"
  fi
  "$SCHALTER_TEST_SYNAPSE/bin/pip" install --quiet --upgrade pip
  "$SCHALTER_TEST_SYNAPSE/bin/pip" install --quiet matrix-synapse
fi
"$SCHALTER_TEST_SYNAPSE/bin/python" -c 'import synapse' || {
  echo "error: Synapse is required for the tests and could not be installed" >&2
  exit 1
}
# The same virtualenv holds Python's icalendar: the calendar test reads Schalter's .ics files
# with a parser of its own.
"$SCHALTER_TEST_SYNAPSE/bin/python" -c 'import icalendar' 2>/dev/null \
  || "$SCHALTER_TEST_SYNAPSE/bin/pip" install --quiet icalendar
"$SCHALTER_TEST_SYNAPSE/bin/python" -c 'import icalendar' || {
  echo "error: the Python package icalendar is required for the tests and could not be installed" >&2
  exit 1
}

# The same virtualenv holds aiosmtpd: a real SMTP server on loopback that the web chat's
# e-mail test sends to (and stops, to show that a relay that is down loses nothing).
"$SCHALTER_TEST_SYNAPSE/bin/python" -c 'import aiosmtpd' 2>/dev/null \
  || "$SCHALTER_TEST_SYNAPSE/bin/pip" install --quiet aiosmtpd
"$SCHALTER_TEST_SYNAPSE/bin/python" -c 'import aiosmtpd' || {
  echo "error: the Python package aiosmtpd is required for the tests and could not be installed" >&2
  exit 1
}

# The same virtualenv holds holidays: an independent list of German public holidays that the
# holiday test compares Schalter's computed ones with, for every state and year.
"$SCHALTER_TEST_SYNAPSE/bin/python" -c 'import holidays' 2>/dev/null \
  || "$SCHALTER_TEST_SYNAPSE/bin/pip" install --quiet holidays
"$SCHALTER_TEST_SYNAPSE/bin/python" -c 'import holidays' || {
  echo "error: the Python package holidays is required for the tests and could not be installed" >&2
  exit 1
}

# The same virtualenv holds check-jsonschema and kubernetes-validate: the deployment test
# (tests/tests/deploy.rs, tests/deploy/validate.sh) checks deploy/compose/ against the vendored
# Compose Specification schema and deploy/kubernetes/ against the Kubernetes schemas, offline.
"$SCHALTER_TEST_SYNAPSE/bin/python" -c 'import check_jsonschema, kubernetes_validate' 2>/dev/null \
  || "$SCHALTER_TEST_SYNAPSE/bin/pip" install --quiet check-jsonschema kubernetes-validate
"$SCHALTER_TEST_SYNAPSE/bin/python" -c 'import check_jsonschema, kubernetes_validate' || {
  echo "error: the Python packages check-jsonschema and kubernetes-validate are required for the tests and could not be installed" >&2
  exit 1
}

# --- promtool (Debian's prometheus package), which checks deploy/prometheus/alerts.yml. Only
# the tool is used: the package also brings a Prometheus server, which Debian enables and
# starts where systemd runs (a container's policy-rc.d refuses it); no test talks to it, so
# one this script installed is stopped and disabled again.
if ! have promtool; then
  log "installing promtool (Debian's prometheus package)"
  apt_install --no-install-recommends prometheus
  if have systemctl && [ -d /run/systemd/system ]; then
    as_root systemctl disable --now prometheus.service >/dev/null 2>&1 || true
  fi
fi
have promtool || {
  echo "error: promtool is required to check deploy/prometheus/alerts.yml (Debian's prometheus package)" >&2
  exit 1
}

# --- buildah (Debian's package), the daemonless builder the container image test builds with.
if ! have buildah; then
  log "installing buildah"
  apt_install buildah
fi
have buildah || {
  echo "error: buildah is required to build and check the container image (Debian's buildah)" >&2
  exit 1
}

# --- Headless Chromium and its WebDriver (Debian's packages), for the admin page's browser test.
if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
  log "installing chromium and chromium-driver"
  apt_install chromium chromium-driver
fi
if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
  echo "error: chromium and chromium-driver are required for the browser test" >&2
  exit 1
fi

# --- axe-core from the npm registry: the accessibility checker the browser tests run in
# Chromium on every page people use (pinned; package-lock.json in tests/axe/).
export SCHALTER_TEST_AXE="${SCHALTER_TEST_AXE:-$PWD/.test-env/axe/node_modules/axe-core/axe.min.js}"
if [ ! -f "$SCHALTER_TEST_AXE" ]; then
  log "installing axe-core"
  have npm || apt_install npm
  mkdir -p .test-env/axe
  cp tests/axe/package.json tests/axe/package-lock.json .test-env/axe/
  (cd .test-env/axe && npm ci --silent --no-audit --no-fund)
fi
if [ ! -f "$SCHALTER_TEST_AXE" ]; then
  echo "error: axe-core is required for the accessibility tests and could not be installed" >&2
  exit 1
fi

# --- A real OpenID provider (the npm package oidc-provider) for staff sign-in (pinned;
# package-lock.json in tests/oidc/).
source tests/oidc/install.sh

# --- Build what the end-to-end tests run, then every test of the workspace.
log "building schalter"
cargo build --locked -p schalter
log "running the tests"
cargo test --locked --workspace "$@"
