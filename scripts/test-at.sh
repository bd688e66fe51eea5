#!/usr/bin/env bash
# Runs a command with every clock of the test run at a chosen instant:
#   bash scripts/test-at.sh 2026-12-06T08:10:00Z npm run test:dated
# AGENTDESK_CLOCK_OFFSET_MS moves this run's Node processes (tests/helpers/test-clock.ts), the
# hub (its clock) and the pages (Playwright's clock) by the same amount; time runs on from there.
set -euo pipefail
if [ $# -lt 2 ]; then
  echo "usage: $0 <ISO instant, e.g. 2027-03-28T00:59:00Z> <command…>" >&2
  exit 2
fi
instant="$1"; shift
target_ms=$(node -e 'const t = Date.parse(process.argv[1]); if (Number.isNaN(t)) { console.error(`not an instant: ${process.argv[1]}`); process.exit(2); } console.log(t)' "$instant")
now_ms=$(node -e 'console.log(Date.now())')
export AGENTDESK_CLOCK_OFFSET_MS=$((target_ms - now_ms))
echo "── at $instant ($(TZ=Europe/London date -d "@$((target_ms / 1000))" '+%A %d %B %Y %H:%M %Z') in London): $*"
exec "$@"
