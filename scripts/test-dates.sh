#!/usr/bin/env bash
# Runs the suites whose outcome depends on the calendar and the clock (the planner, reminders,
# follow-ups, promises, dashboards, SLA clocks, demo data, and the end-to-end tests that touch
# them, and a change's time after an outage) at instants that have bitten or will: every clock of the run (Node, the hub, the pages)
# is moved there by scripts/test-at.sh. Expects a build (npm run build). CI runs it after npm test.
#   bash scripts/test-dates.sh                       every instant below
#   bash scripts/test-dates.sh 2027-03-28T00:55:00Z  one instant
set -euo pipefail
cd "$(dirname "$0")/.."

# Instants ahead of the real date: Playwright's clock, which the follow-up reminder test moves forward,
# cannot start a page before the real time. Move them on when they come near.
instants=(
  2027-12-05T08:10:00Z # a Sunday morning
  2028-01-14T17:55:00Z # Friday 17:55 in London
  2027-03-28T00:55:00Z # the night clocks go forward in Europe
  2027-10-31T00:55:00Z # the night clocks go back in Europe
  2027-03-14T06:55:00Z # the night clocks go forward in the US (01:55 in New York)
  2027-11-07T05:55:00Z # the night clocks go back in the US (01:55 in New York)
  2027-12-31T23:59:00Z # New Year's Eve, a minute to midnight
  2028-02-29T10:00:00Z # 29 February
  2029-07-02T08:30:00Z # past 2027, where the bank holidays once listed by hand ended
)
[ $# -gt 0 ] && instants=("$@")

unit=(
  tests/unit/planner.test.ts tests/unit/working-time.test.ts tests/unit/reminders.test.ts
  tests/unit/promise.test.ts tests/unit/metrics.test.ts tests/unit/demo.test.ts tests/unit/routing.test.ts
  tests/integration/follow-ups.test.ts tests/integration/supervision.test.ts tests/integration/offers.test.ts
  tests/integration/ingest.test.ts tests/unit/planner-warnings.test.ts tests/unit/metrics-gestures.test.ts
  tests/unit/timeline-history.test.ts tests/unit/region-calendars.test.ts
)
e2e=(
  tests/e2e/follow-ups.spec.ts tests/e2e/dashboard.spec.ts tests/e2e/contact.spec.ts
  tests/e2e/accessibility.spec.ts tests/e2e/history.spec.ts tests/e2e/true-times.spec.ts
)

failed=()
# What failed where, repeated at the end: a CI log shows its last lines, and a failure at the
# first instant would otherwise scroll out of sight behind the eight runs after it.
summary=$(mktemp)
trap 'rm -f "$summary"' EXIT
for instant in "${instants[@]}"; do
  log=$(mktemp)
  if ! bash scripts/test-at.sh "$instant" bash -c "npx vitest run ${unit[*]} && npx playwright test --project=chromium ${e2e[*]}" 2>&1 | tee "$log"; then
    failed+=("$instant")
    {
      echo "── failed at $instant:"
      # vitest's failed files and tests, Playwright's numbered failures and their first error lines
      sed 's/\x1b\[[0-9;]*m//g' "$log" | grep -E '^ *(FAIL|×|✘|[0-9]+\) \[chromium\])|^ *(Error|AssertionError|TimeoutError|expect\()' | grep -v '^\[WebServer\]' | head -40 || true
    } >>"$summary"
  fi
  rm -f "$log"
done
if [ ${#failed[@]} -gt 0 ]; then
  cat "$summary" >&2
  echo "Date-sensitive suites failed at: ${failed[*]}" >&2
  exit 1
fi
echo "Date-sensitive suites passed at all ${#instants[@]} instants."
