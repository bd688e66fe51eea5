/** docs/benchmarks.md, rewritten at the end of every `npm run bench`. */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fullNames, isFromThisRun, markdownTable, REPO_ROOT, type BenchResult } from './results';

export function machine(results: readonly BenchResult[]): string[] {
  const cpus = os.cpus();
  const chromium = results.find((result) => result.chromium)?.chromium;
  return [
    `${cpus.length} cores (\`os.cpus().length\`), ${cpus[0]?.model.trim() ?? 'unknown CPU'}`,
    `${Math.round(os.totalmem() / 2 ** 30)} GiB RAM, ${os.type()} ${os.release()}`,
    `Node ${process.version}`,
    `Chromium ${chromium ?? '(no browser benchmark in this run)'}`,
    `Date ${new Date().toISOString()}`,
  ];
}

const WHAT: Record<string, string[]> = {
  '1-apply': [
    'A first sync writes tens of thousands of rows; the workstation must stay responsive while it does. This benchmark builds 50,000 rows from the medium demo set (customers with their whole histories: contacts, queue items, follow-ups, surveys), shaped as the pull pages the hub sends (`{op, entity, id, version, row}`, 1,000 a page, through JSON).',
    '**Figure:** `applyPulledPage` for every page into an `AgentDeskDb`, in a dedicated module worker (where the sync worker runs it), each repetition into a new database. **Baseline:** raw IndexedDB (no Dexie, no validation) putting the same rows into object stores with the same key paths and indexes (read from the same schema declaration), one transaction per page, in the same worker. Target: ≥ 0.8× the baseline\'s rows/s.',
    '**Main thread:** while the worker applies, the page keeps the live queries a signed-in workstation keeps (a customer\'s timeline through `[customerId+at]`, the waiting queue through `[state+slaDueAt]`, the outbox count) subscribed to the same database, so Dexie\'s cross-context change notifications are part of the measurement. It records the longest task (`PerformanceObserver` \'longtask\') and the longest gap between animation frames. Target: never blocked more than 50 ms.',
    '**Diagnostics:** validation alone (`prepareChanges`, zod), and Dexie `bulkPut` of already-validated rows, both timed in the same repetitions, to show where `applyPulledPage`\'s time goes.',
  ],
  '2-bootstrap': [
    'What an agent waits for the first time they sign in on a new desktop. A hub on PGlite (a temporary folder) is started with the medium demo set (its seeding is timed too) and serves the workstation (built from the current sources into `out/bench/workstation`). In Chromium, Ava signs in through the sign-in screen with the keyboard.',
    '**Figures:** from the Enter that presses Sign in to (a) a usable screen: the app shell signed in and at least one waiting queue item in the local IndexedDB; (b) complete: the connection indicator reads exactly "Online" and the local IndexedDB holds every row of Ava\'s scope. The page reads IndexedDB directly every 50 ms. The workstation stays on the queue screen, as an agent would have it. **Baselines** (same run, after each sign-in, in the same browser and profile): the floors, that is Ava\'s scope fetched page by page with plain `fetch` of `/sync/pull` in the page, then the same rows put with raw IndexedDB (no Dexie, no validation, nothing shown) into a fresh database with the workstation\'s stores and indexes (copied from its own database), one transaction per page. The series floor is the two one after the other; the overlap floor the slower of the two, what a desktop that fetched while it wrote could reach. Targets: complete at or under the series floor (≥ 1.00×), aiming at the overlap floor (≥ 1.40×); usable within 1.5 s; no main-thread task of 50 ms or more meanwhile. The same rows pulled from Node (a worker thread) are shown too.',
  ],
  '3-note': [
    'The architecture promises that a change shows within a frame, online or not. On the customer screen of a signed-in, synced workstation, a note is typed into "Add a note" and Ctrl+Enter pressed.',
    '**Figure:** from the keydown (a listener on the window in the capture phase, installed before the workstation\'s code, `performance.now()`) to the note\'s text in a `timeline-entry` (a `MutationObserver`), median and p95 over 30 notes, for a customer with a typical history and for the longest history in Ava\'s scope. **Baseline:** the frame budget (16.7 ms at 60 Hz; the page\'s measured idle frame interval is shown beside it). Target: within one frame. A breakdown times the page\'s IndexedDB transactions from outside the workstation\'s code.',
  ],
  '4-hub': [
    'The hub serves every desktop of a site; push and pull are its hot paths. For each storage (PGlite in a temporary folder; PostgreSQL in a throw-away database, skipped with the reason when none answers) a hub is loaded with the small demo set and four agents sign in.',
    '**Push:** four desktops each push batches of 50 `contact.addNote` mutations (consecutive ids, a fresh client id each) as fast as answers come; mutations/s and request latency. Baseline: single-row INSERT commits of as many rows into a scratch table of the same database (each mutation is committed on its own, by design). **Pull:** four desktops make first pulls (cursor 0, pages of 1,000) in a loop; rows/s, requests/s and page latency. Baseline: plain `SELECT data FROM entities` of as many rows in pages of 1,000, same concurrency, same database. No targets are set; the ratios show what the sync machinery costs over the database.',
  ],
  '5-customer-open': [
    'An agent opens a customer while the customer waits: the first screen (who it is, the newest of the history) must be there at once however long the history. A hub on PGlite with the small demo set gets a business customer with 5,000 contacts over two years (the demo set\'s own contacts of every channel, notes and replies, copied with new ids and times; the newest waiting in one of the team\'s queues, which brings the customer into the team\'s scope), imported through the hub\'s write path (`hub/import.ts`) before Ava signs in; her first sync completes ("Online", every row of her scope local) before anything is timed.',
    '**Figure:** from an in-app route change (`history.pushState` + `popstate`, which the workstation\'s router listens to), started on the queue screen, to the first screen being usable: an `<h1>` with the customer\'s name and a `timeline-entry` in the DOM (a `MutationObserver`), p95 and median over 25 opens after warm-up, back to the queue between opens. **Baseline:** the same for a customer with about 10 contacts, interleaved with the long one in the same run. Target: ≤ 100 ms p95. Also shown: when each half appeared, how many IndexedDB read transactions the page started before usable and when the last was answered (timed from outside the workstation\'s code), the next frame, and the longest main-thread task (`PerformanceObserver` \'longtask\') from the route change to 500 ms after usable.',
  ],
  '6-queue-scroll': [
    'A busy day: thousands of contacts waiting in the agent\'s team queues. The same hub as benchmark 5 holds 2,000 imported waiting contacts (the demo\'s inbound texts on every reachable channel, enqueued over the last 40 minutes) besides the demo\'s own; nobody is available, so nothing is offered or taken.',
    '**Figures:** the list rendered after navigation (from /settings by an in-app route change to the "Queue" heading and a `queue-row` in the listbox), coming back to it (the workstation keeps the queue\'s last answer while the agent is elsewhere) and as the first open after a start (the page reloaded on Settings, nothing kept); then, with the listbox focused, End/Home twice, PageDown to the end one press per animation frame and Home, `scrollTop` moved by the list\'s height every frame to the bottom and back, and mouse-wheel steps down and up, while a `PerformanceObserver` records long tasks and a `requestAnimationFrame` loop the frame gaps; worst over three repetitions after a warm-up. Targets: rendered within 100 ms p95 with no task of 50 ms or more, and no task over 50 ms while scrolling. **Baseline:** the same over a queue of 50 (a second hub, same run), and the page\'s idle frame interval; the idle queue screen (its clock ticks every second) is measured too, to tell the ticking from the scrolling.',
  ],
  '7-offer': [
    'A contact arriving from a channel gateway must reach an available agent\'s screen quickly. A hub on PGlite with the small demo set; the deck is cleared through the API as the end-to-end test does (Ben takes the team\'s backlog, Ava\'s contacts in hand are wrapped up), Ava signs in and makes herself available from the keyboard, the queue screen open.',
    '**Figure:** from just before `POST /api/v1/contacts` (Node, `performance.timeOrigin + performance.now()`) to the offer banner showing the contact\'s subject in the page (a `MutationObserver`, same clock), p95 and median over 25 chats after warm-up, one at a time; each is declined with D and then taken by Ben through the API, so every chat meets an empty deck. **Baselines** (same run): the POST\'s own round trip (it answers 201 once the contact is stored, the offer pass has written the offer and desktops are poked), and a plain change seen by a second desktop: a note pushed by Ben through `/sync/push` to its text in Ava\'s open timeline (push → poke → pull → render, without ingestion or offers).',
  ],
  '8-dashboard': [
    'A supervisor\'s dashboard (contacts handled, AHT and ACW, FCR, CSAT and NPS, service level, backlog, follow-ups, adherence, sentiment, the per-agent table; definitions in `src/metrics/definitions.ts`) must stay live as contacts arrive, over a site\'s whole history. In Node, a deterministic year of a four-team contact centre is generated as plain objects: 1,000,000 contacts (inbound, replies, outbound, notes) with their queue items, surveys and follow-ups.',
    '**Figure:** with the incremental aggregates (`createAggregates`: sums per day × queue × channel × agent, FCR groups per customer and topic) built from every row, one new contact arrives with its queue item and survey: the three `apply` calls plus `figures` for the last 30 days of one team, p95 and median over 300 arrivals after warm-up. **Baseline:** `computeDashboard`, the full recomputation over every row for the same filter, interleaved with the arrivals in the same run (the two are checked to give the same figures). Target: ≤ 200 ms p95. Also shown: building the aggregates from scratch (time, and the heap they hold, read after full garbage collections), against one full recomputation and the rows\' own heap.',
  ],
  '10-cold-start': [
    'An agent opens the workstation at the start of a shift: the sign-in screen must come up quickly, and the browser must not fetch and compile every screen of the app to show it. The renderer is split by screen (`React.lazy`), so the sign-in screen and the queue load only what they use and the other screens follow while the agent is idle.',
    '**Figures:** from spawning `node out/hub/cli.js` (on a fresh copy of a PGlite folder the small demo set was loaded into beforehand, as a desktop starts on its data) to the hub answering, the first contentful paint and the sign-in form visible in a fresh Chromium context; then sign-in to the queue. The scripts the page fetched up to each point, sized from the build (raw and gzip). **Baseline:** the same measurements of an older commit (`BENCH_BASE_COMMIT`, default cae775f, the last single-chunk renderer) built in its own worktree and started in the same run, rounds interleaved. Run it alone with `npx vitest run --config tests/bench/vitest.config.ts tests/bench/cold-start.bench.ts` (it runs `npm run build` first).',
  ],
  '11-search': [
    'An agent searches a customer\'s history, the customers on the desktop and all cached history (Ctrl+K) while typing, over everything the desktop holds. In Node, the large demo set is generated (500,000 contacts of 25,000 customers, in English, German and Spanish, with reference numbers such as BW-482133) and indexed by `HistoryIndex` (`src/search/history-index.ts`), the code the search worker runs: FlexSearch keeps the words, folded (no accents), whole and by every start from three letters, and queries read its word lists (the rarest word\'s, checked against the others); the index is then taken as the worker saves it (one segment) and read back, and the queries run on the index read back, as after a restart.',
    '**Figures:** 300 queries after 30 warm-up, drawn from the data with a fixed seed: words from the history, three- and four-letter prefixes, two words, reference numbers and their first four digits, customer names, and names typed without their accents; each asked of one customer\'s history (every match) and of all cached history (the best 50); customer names are asked of the customers (one figure for both scopes). p95 and median. **Baseline:** MiniSearch over the same texts with the same words (prefix search, every word required; a customer\'s history by MiniSearch\'s result filter), asked the same queries, alternating which goes first, in the same run; the two must find the same contacts for a customer. Targets: ≤ 50 ms p95 and ≥ 10× faster than MiniSearch. Also shown: building each index and the heap it holds (read after full garbage collections), the saved snapshot\'s size, and reading it back against rebuilding.',
  ],
  '9-floor': [
    'A supervisor runs the floor from the live view: it must follow the floor within a second or two, whatever its size, without making the page stutter.',
    '**Figure:** on a hub whose teams are grown to 200 people (a busy mix of presence) with 2,000 contacts waiting (offers running), an administrator on another desktop sets someone available or away; timed from the push leaving to Sam\'s floor showing the new count of people available (a MutationObserver in the page), and the longest main-thread task on Sam\'s page over all the changes. **Baseline:** the same change on the demo\'s own floor (7 people), alternating with the large one in the same run. Targets: ≤ 1 s p95, no task of 50 ms or more.',
  ],
};

/** Observations computed from this run's numbers. */
function observations(results: readonly BenchResult[]): string[] {
  const notes: string[] = [];
  const misses = results.flatMap((result) => {
    const names = fullNames(result);
    return result.measures.flatMap((measure, index) => (measure.status === 'miss' ? [`${result.title.split(' ')[0]} ${names[index]} (${measure.figure} against ${measure.target})`] : []));
  });
  notes.push(misses.length ? `Targets missed in this run: ${misses.join('; ')}.` : 'Every target with a threshold was met in this run.');
  const apply = results.find((result) => result.id === '1-apply');
  const applyRaw = apply?.raw as { ours?: { main: { liveQueryAnswers: number } }[]; info?: { pages: number } } | undefined;
  if (applyRaw?.ours?.length && applyRaw.info) {
    const answers = applyRaw.ours.map((run) => run.main.liveQueryAnswers);
    notes.push(
      `While ${applyRaw.info.pages} pages were applied, the page's three live queries answered ${answers.join(' / ')} times per run, although the watched customer's rows are in very few pages: Dexie records a \`bulkPut\` of 50 or more rows as touching every index range of its table, so every page wakes every live query on contacts and queue items (and in the workstation, the components that render them).`,
    );
  }
  const boot = results.find((result) => result.id === '2-bootstrap');
  const bootRaw = boot?.raw as { boots?: { completeMs: number }[]; pulls?: { elapsedMs: number }[]; expectedRows?: number; rawIdbRate?: number } | undefined;
  if (bootRaw?.boots?.length && bootRaw.pulls?.length && bootRaw.expectedRows && bootRaw.rawIdbRate) {
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)]!;
    const desktop = median(bootRaw.boots.map((run) => run.completeMs)) / 1000;
    const pull = median(bootRaw.pulls.map((run) => run.elapsedMs)) / 1000;
    const puts = bootRaw.expectedRows / bootRaw.rawIdbRate;
    const overlapped = Math.max(pull, puts);
    notes.push(
      `A first sync of ${bootRaw.expectedRows.toLocaleString('en-GB')} rows took ${desktop.toFixed(1)} s on the desktop. The same rows took ${pull.toFixed(1)} s to pull with plain HTTP and ${puts.toFixed(1)} s to put into raw IndexedDB: ${(pull + puts).toFixed(1)} s one after the other, ${overlapped.toFixed(1)} s if the two overlapped perfectly. The desktop's time above that is its own overhead: validation, Dexie, the rebase bookkeeping, and the workstation's live queries re-reading and re-rendering after every page, all sharing the cores with the hub.`,
    );
  }
  const hub = results.find((result) => result.id === '4-hub');
  const pushes = hub?.measures.filter((measure) => measure.name.includes('push (mutations/s)') && measure.ratio !== null) ?? [];
  if (pushes.length) {
    const rates = pushes.map((measure) => Number(measure.figure.replace(/[^\d.]/g, '')));
    const alike = rates.length > 1 && Math.max(...rates) <= 1.35 * Math.min(...rates);
    notes.push(
      `Push reaches ${pushes.map((measure) => `${measure.figure.trim()} on ${measure.name.split(':')[0]} (${(measure.ratio ?? 0).toFixed(2)}× its single-row INSERT rate)`).join(' and ')}${alike ? ': about the same on both storages and far below what either database commits, so the limit lies in how the hub applies mutations rather than in the storage' : ''}.`,
    );
  }
  notes.push(...contactObservations(results));
  return notes;
}

const fmt = (value: number) => (Number.isFinite(value) ? `${Math.round(value)} ms` : '—');

/** Benchmarks 5–7: where the time goes, from the figures' own breakdowns. */
function contactObservations(results: readonly BenchResult[]): string[] {
  const notes: string[] = [];
  /** A benchmark's summary figures, read by name (NaN when missing). */
  const summary = (id: string): ((key: string) => number) | null => {
    const figures = (results.find((result) => result.id === id)?.raw as { summary?: Record<string, number> } | undefined)?.summary;
    return figures ? (key) => figures[key] ?? Number.NaN : null;
  };
  const open = summary('5-customer-open');
  if (open) {
    notes.push(
      `Opening a customer is a waterfall of live queries: the customer's row is read once the route has rendered, the timeline's and profile panel's reads (${Math.round(open('reads'))} transactions in all) start only after the screen has rendered around that row (${fmt(open('contactsStartLong'))} after the route change, median), and the entries come after their answers. The heading needed ${fmt(open('headingLong'))} with ${open('contacts').toLocaleString('en-GB')} contacts and ${fmt(open('headingSmall'))} with ${open('smallContacts')}: that part does not depend on the history. The entries came ${fmt(open('rowsLong') - open('headingLong'))} after the heading for the long history and ${fmt(open('rowsSmall') - open('headingSmall'))} for the short one; read directly from IndexedDB the same rows take ${fmt(open('rawLong'))} and ${fmt(open('rawSmall'))}, ${open('rawLong') < open('rowsLong') / 2 ? 'so most of each opening is the workstation\'s own work (waiting on one live query before starting the next, rendering, layout, Dexie\'s bookkeeping) rather than IndexedDB reading' : 'so reading IndexedDB is a large part of each opening'}.`,
    );
  }
  const queue = summary('6-queue-scroll');
  if (queue) {
    notes.push(
      `The queue of ${queue('waiting').toLocaleString('en-GB')} rendered in ${fmt(queue('renderP95'))} p95 against ${fmt(queue('renderSmallP95'))} for ${queue('smallWaiting')}, with a longest task of ${fmt(queue('renderTask'))} while it did; its reads done directly take ${fmt(queue('rawMs'))}. Once rendered, scrolling ${queue('scrollTasks') === 0 ? 'had no task of 50 ms or more' : `had ${queue('scrollTasks')} tasks of 50 ms or more, the longest ${fmt(queue('scrollTask'))}`} and a longest frame gap of ${fmt(queue('gap'))} (${fmt(queue('gapSmall'))} over ${queue('smallWaiting')} rows, idle frame ${fmt(queue('idleFrame'))}): the list is virtualised, so the cost of a long queue is in reading and building its rows, not in scrolling them. On the hub, each offer pass with this backlog took ${fmt(queue('offerPassMs'))}.`,
    );
  }
  const offer = summary('7-offer');
  if (offer) {
    notes.push(
      `From the POST to the offer on Ava's screen: ${fmt(offer('seenMedian'))} median. The hub answered 201 after ${fmt(offer('postMedian'))} and poked at ${fmt(offer('pokeMedian'))}; her desktop's pull reached the hub at ${fmt(offer('pullStartMedian'))} and was answered at ${fmt(offer('pullEndMedian'))}; the remaining ${fmt(offer('seenMedian') - offer('pullEndMedian'))} is the desktop applying the page and its live queries and React putting it on screen. A plain note pushed by another agent took ${fmt(offer('noteSeenMedian'))} to show (pull answered at ${fmt(offer('notePullEndMedian'))}), so an offer costs about what any change costs to reach a screen.`,
    );
  }
  return notes;
}

const runDate = (result: BenchResult) => (result.savedAt ? `the run of ${new Date(result.savedAt).toISOString()}` : 'an earlier run');

/**
 * Rewrites docs/benchmarks.md from the latest figures of every benchmark.
 * Those not saved by this run (started at `startedAt`) are shown with the
 * date of the run that measured them.
 */
export function writeReport(results: readonly BenchResult[], durationMs: number, startedAt = 0): string {
  const fresh = results.filter((result) => isFromThisRun(result, startedAt));
  const kept = results.filter((result) => !isFromThisRun(result, startedAt));
  const file = path.join(REPO_ROOT, 'docs/benchmarks.md');
  mkdirSync(path.dirname(file), { recursive: true });
  const lines: string[] = [
    '# Benchmarks',
    '',
    '<!-- Written by `npm run bench` (tests/bench/lib/report.ts); edits here are overwritten by the next run. -->',
    '',
    'Speed targets are checked here, by benchmarks, never by timed assertions in tests. Machines are shared and noisy, so every figure is printed next to a **baseline measured in the same run on the same machine**, and judged by the **ratio** where a ratio means something. A "miss" is reported, never a failure: the run exits 0 unless something crashed.',
    '',
    '## How to run',
    '',
    '```sh',
    'npm run bench',
    '```',
    '',
    'It builds what the browser benchmarks load (`tests/bench/vite.config.ts` → `out/bench/apply`; the workstation renderer from the current sources with `tests/bench/workstation.vite.config.ts` → `out/bench/workstation`, so `npm run build` is not needed and `out/renderer` is left alone), then runs `tests/bench/**/*.bench.ts` with `vitest run --config tests/bench/vitest.config.ts`, one file after another, prints a table per benchmark and rewrites this page. Chromium is Debian\'s `/usr/bin/chromium` (or `CHROMIUM_PATH`), launched with the end-to-end tests\' flags and a throw-away on-disk profile (an incognito profile would keep IndexedDB in memory). PostgreSQL is the local test server (`DATABASE_URL` or postgres://agentdesk@127.0.0.1:5432/agentdesk, as in tests/helpers/storage-targets.ts); without it the PostgreSQL figures are skipped with the reason.',
    '',
    '## Machine of the latest run',
    '',
    ...machine(fresh.length ? fresh : results).map((line) => `- ${line}`),
    `- Whole run ${Math.round(durationMs / 1000)} s (benchmarks only, builds excluded)${kept.length ? `; it ran ${fresh.map((result) => result.id).join(', ')}, and the figures of ${kept.map((result) => result.id).join(', ')} are kept from earlier runs (dated below)` : ''}`,
    '',
    '## Latest figures',
    '',
    'Columns: the figure; the baseline measured in the same run; the ratio figure ÷ baseline (for rates, higher is better; for times, lower is better; the measure\'s notes say which); the target; pass, miss, or info where no target is set.',
    '',
  ];
  for (const result of results) {
    const earlier = isFromThisRun(result, startedAt) ? [] : [`_Not run this time: figures of ${runDate(result)}._`, ''];
    lines.push(`### ${result.title}`, '', ...earlier, markdownTable(result), '', ...result.notes.map((note) => `- ${note}`), '');
  }
  lines.push('## Notes on this run', '', ...observations(results).map((note) => `- ${note}`), '');
  lines.push('## What each benchmark measures, and why', '');
  for (const result of results) {
    lines.push(`### ${result.title}`, '', ...(WHAT[result.id] ?? []).flatMap((paragraph) => [paragraph, '']));
  }
  lines.push(
    '## Method',
    '',
    '- **Warm-up, then repetitions.** Every benchmark first runs its workload once (or a shortened version) without counting it, then repeats it; medians are reported, p95 where a latency distribution matters, and the worst case for "never blocked" targets.',
    '- **Same-run baselines.** A baseline is the same work done by the simplest thing that could do it (raw IndexedDB, a plain HTTP pull, a plain SQL statement, the display\'s frame), measured minutes apart on the same machine, interleaved or rotated with the figure where the workload allows, so that a slow or busy machine moves both.',
    '- **Fresh state.** Each IndexedDB run writes into a new database; each sign-in uses a new browser profile on disk; each hub runs on a new PGlite folder or PostgreSQL database, removed afterwards.',
    '- **One at a time.** Benchmark files run one after another in one process; the hub under test runs in that process\'s main thread, the load clients in a worker thread, Chromium in its own processes. All share the machine\'s cores, as an embedded hub and the workstation do on a desktop.',
    '',
    // How to run the load generator: its own text, kept in tests/load so it is edited next to the generator.
    readFileSync(path.join(REPO_ROOT, 'tests/load/benchmarks-section.md'), 'utf8').trimEnd(),
    '',
  );
  writeFileSync(file, lines.join('\n'));
  return file;
}
