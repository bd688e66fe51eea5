/**
 * The load generator (npm run load) for a few agents and a few seconds, so it
 * cannot rot unnoticed: hub processes built from the current sources, on
 * PostgreSQL (two processes, desktops split between them) where it answers,
 * otherwise on PGlite (whose fresh start alone takes about ten seconds here,
 * twice per run, so it is not run as well); notes reach teammates, new
 * contacts are seen offered, changes arrive on the event streams, nothing
 * fails. Speed is not judged here.
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildHubForTests } from '../helpers/hub-processes';
import { storageTargets } from '../helpers/storage-targets';
import { defaultOptions, REPO_ROOT, type LoadOptions } from './options';
import { formatTable } from './report';
import { runLoad } from './run';

const targets = await storageTargets();
const target = targets.find((candidate) => candidate.kind === 'postgres' && !candidate.skipReason) ?? targets.find((candidate) => candidate.kind === 'pglite')!;

/** Inside the repository, so the built hub finds node_modules. */
const hubOut = path.join(REPO_ROOT, 'out', `load-test-hub-${process.pid}`);

let hubCli = '';
beforeAll(() => {
  hubCli = buildHubForTests(hubOut);
}, 60_000);

afterAll(() => rmSync(hubOut, { recursive: true, force: true }));

describe(`npm run load on ${target.label}`, () => {
  it(
    'desktops sync, notes reach teammates, offers are seen, and nothing fails',
    async () => {
      const options: LoadOptions = {
        ...defaultOptions(),
        agents: 12,
        teamSize: 4,
        // Busy enough that a few seconds hold several notes and new contacts.
        rate: 30,
        hubs: target.kind === 'postgres' ? 2 : 1,
        warmupS: 2,
        durationS: 6,
        storage: target.kind,
        hubCli,
        seed: 7,
      };
      const figures = await runLoad(options);
      const table = formatTable(figures);
      expect(figures.errors, table).toEqual({});
      expect(figures.streamDrops, table).toBe(0);
      expect(figures.mutationGaps + figures.resets, table).toBe(0);
      expect(figures.readings.hubs, table).toHaveLength(options.hubs);
      expect(figures.changes.mutationsApplied, table).toBeGreaterThan(0);
      // Changes reach the desktops on their event streams, with no pull once the first sync is done.
      expect(figures.deliveries.events, table).toBeGreaterThan(0);
      // Every event followed on from its desktop's cursor: none needed a pull to fill a gap.
      expect(figures.deliveries.missed, table).toBe(0);
      expect(figures.noteSeen.samples, table).toBeGreaterThan(0);
      expect(figures.noteSeen.notesSeen, table).toBeGreaterThan(0);
      expect(figures.offerSeen.samples, table).toBeGreaterThan(0);
      expect(figures.push.p50, table).not.toBeNull();
    },
    120_000,
  );
});
