#!/usr/bin/env bash
# Installs what AgentDesk's tests need on a Debian machine, then the npm packages:
#   - Chromium from Debian (Playwright drives /usr/bin/chromium; it never downloads a browser)
#   - PostgreSQL, started, with a role and database the hub tests use
#   - nginx (the multi-process hub test runs its own, as the current user on a free port;
#     the system service a fresh install starts is stopped and disabled)
#   - npm ci, without the Electron binary (the desktop smoke test runs only where one exists)
# Safe to run again: it skips what is already there.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "$(id -u)" -eq 0 ]; then SUDO=""; as_postgres() { runuser -u postgres -- "$@"; }
else SUDO="sudo"; as_postgres() { sudo -u postgres "$@"; }; fi

packages=()
command -v chromium >/dev/null 2>&1 || packages+=(chromium)
ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1 || packages+=(postgresql)
fc-list 2>/dev/null | grep -qi dejavu || packages+=(fonts-dejavu-core)
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || packages+=(nginx)
if [ ${#packages[@]} -gt 0 ]; then
  echo "Installing from Debian: ${packages[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${packages[@]}"
fi

# Debian starts nginx on port 80 when it installs it. The tests need only the binary: stop the
# service this script brought (an nginx that was already here is left as it was).
if [[ " ${packages[*]} " == *" nginx "* ]]; then
  if [ -d /run/systemd/system ]; then
    $SUDO systemctl disable --now nginx >/dev/null 2>&1 || true
  else
    $SUDO service nginx stop >/dev/null 2>&1 || true
    $SUDO update-rc.d nginx disable >/dev/null 2>&1 || true
  fi
fi

# PostgreSQL: start the newest cluster, create the test role and database once.
version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
if ! pg_lsclusters -h 2>/dev/null | awk '{print $1" "$2}' | grep -q "^$version main$"; then
  $SUDO pg_createcluster "$version" main
fi
$SUDO pg_ctlcluster "$version" main start 2>/dev/null || true
for _ in $(seq 1 30); do
  as_postgres psql -qtAc 'SELECT 1' >/dev/null 2>&1 && break
  sleep 1
done
if ! as_postgres psql -qtAc "SELECT 1 FROM pg_roles WHERE rolname = 'agentdesk'" | grep -q 1; then
  as_postgres psql -qc "CREATE ROLE agentdesk LOGIN PASSWORD 'agentdesk' CREATEDB"
fi
if ! as_postgres psql -qtAc "SELECT 1 FROM pg_database WHERE datname = 'agentdesk'" | grep -q 1; then
  as_postgres psql -qc "CREATE DATABASE agentdesk OWNER agentdesk"
fi
echo "PostgreSQL $version is running: postgres://agentdesk:agentdesk@127.0.0.1:5432/agentdesk"

ELECTRON_SKIP_BINARY_DOWNLOAD=1 npm ci --no-audit --no-fund
