/**
 * Randomized sync runs (sync-faults, multi-hub): a desktop's next step drawn
 * from a seeded PRNG (a change of one of many kinds, a sync, going offline,
 * a reload), and the check at the end that every change a desktop made was
 * taken by the hub exactly once.
 */
import { expect } from 'vitest';
import { MutationRefused } from '@core/sync/local';
import type { MutationInput, MutationName } from '@core/sync/mutations';
import type { Queryable } from '../../hub/storage';
import { pick } from './random';
import type { Desktop } from './sync-harness';

export interface RunStats {
  made: number;
  refusedHere: number;
  syncs: number;
  failedSyncs: number;
  reloads: number;
  offline: number;
}

export const newRunStats = (): RunStats => ({ made: 0, refusedHere: 0, syncs: 0, failedSyncs: 0, reloads: 0, offline: 0 });

export interface StepOptions {
  random: () => number;
  /** Makes the ids of new rows unique to the run (the seed). */
  tag: number | string;
  stats: RunStats;
  /**
   * Nobody becomes available (no presence "available", conversations end instead of being wrapped up), so the
   * hub's offer passes write nothing and the hub's log alone explains its rows.
   */
  noOffers?: boolean;
}

async function attempt<N extends MutationName>(desktop: Desktop, stats: RunStats, name: N, args: MutationInput<N>): Promise<void> {
  try {
    await desktop.mutate(name, args);
    stats.made += 1;
  } catch (error) {
    if (!(error instanceof MutationRefused)) throw error;
    stats.refusedHere += 1;
  }
}

/** One random step by `desktop`: a change the local rules may refuse, a sync that may fail, going offline, or a reload. */
export async function randomStep(desktop: Desktop, step: number, { random, tag, stats, noOffers = false }: StepOptions): Promise<void> {
  const db = desktop.db;
  const me = desktop.user.id;
  const customers = await db.customers.toArray();
  const customer = pick(random, customers);
  const roll = random();
  if (roll < 0.14 && customer) {
    await attempt(desktop, stats, 'contact.addNote', { id: `n-${tag}-${step}`, customerId: customer.id, body: `Note ${step} by ${desktop.user.username}` });
  } else if (roll < 0.24 && customer) {
    const patch = pick(random, [
      { phones: [`+44770090${String(step).padStart(4, '0')}`] },
      { tags: [pick(random, ['vip-watch', 'complaint', 'broadband', 'tv'])!] },
      { language: pick(random, ['en-GB', 'fr-FR', 'es-ES'])! },
      { quietHours: { start: '21:00', end: '08:00' } },
    ])!;
    await attempt(desktop, stats, 'customer.update', { customerId: customer.id, patch });
  } else if (roll < 0.38) {
    const open = await db.queueItems.where('[state+slaDueAt]').between(['waiting', -Infinity], ['waiting', Infinity]).toArray();
    const item = pick(random, open);
    if (item) await attempt(desktop, stats, 'contact.claim', { contactId: item.id });
  } else if (roll < 0.46 || roll < 0.52) {
    const mine = await db.queueItems.where('assigneeId').equals(me).filter((item) => item.state === 'claimed').toArray();
    const item = pick(random, mine);
    if (item && roll < 0.46) await attempt(desktop, stats, 'contact.release', { contactId: item.id });
    else if (item && noOffers) await attempt(desktop, stats, 'contact.endConversation', { contactId: item.id });
    else if (item) await attempt(desktop, stats, 'contact.wrapUp', { contactId: item.id, disposition: 'Information given', resolution: random() < 0.7 ? 'resolved' : 'unresolved', summary: `Wrapped at step ${step}` });
  } else if (roll < 0.6 && customer) {
    const owner = desktop.user.role === 'supervisor' ? pick(random, ['usr_ava', 'usr_ben', 'usr_olga', 'usr_sam'])! : me;
    await attempt(desktop, stats, 'followUp.schedule', {
      id: `fu-${tag}-${step}`,
      customerId: customer.id,
      kind: 'callback',
      channel: 'call',
      dueAt: Date.now() + 86_400_000 * (1 + Math.floor(random() * 5)),
      ownerId: owner,
      reason: `Planned at step ${step}`,
    });
  } else if (roll < 0.7) {
    const open = await db.followUps.filter((f) => f.state === 'scheduled').toArray();
    const followUp = pick(random, open);
    if (followUp) {
      const choice = random();
      if (choice < 0.4) await attempt(desktop, stats, 'followUp.complete', { id: followUp.id, outcome: pick(random, ['reached', 'no-answer', 'left-message', 'resolved'] as const)!, note: `Done at ${step}`, outcomeContactId: `fuo-${step}` });
      else if (choice < 0.7) await attempt(desktop, stats, 'followUp.reschedule', { id: followUp.id, dueAt: followUp.dueAt + 3_600_000 });
      else await attempt(desktop, stats, 'followUp.cancel', { id: followUp.id, reason: 'No longer needed' });
    }
  } else if (roll < 0.74) {
    const contacts = await db.contacts.filter((c) => c.channel !== 'note').toArray();
    const target = pick(random, contacts);
    if (target) await attempt(desktop, stats, 'survey.record', { id: `s-${target.id}`, contactId: target.id, status: 'answered', csat: 1 + Math.floor(random() * 5), nps: Math.floor(random() * 11) });
  } else if (roll < 0.77) {
    const presences = noOffers ? (['busy', 'away', 'after-contact-work'] as const) : (['available', 'busy', 'away', 'after-contact-work'] as const);
    await attempt(desktop, stats, 'presence.set', { presence: pick(random, presences)! });
  } else if (roll < 0.79 && desktop.user.role === 'supervisor') {
    const scriptId = pick(random, ['billing', 'outage'])!;
    if (random() < 0.6) {
      await attempt(desktop, stats, 'script.save', { scriptId, name: `Script ${scriptId} ${step}`, stages: [{ id: 'greet', steps: [{ id: 'hello', kind: 'say', text: `Hello from step ${step}` }] }] });
    } else {
      const versions = await db.scripts.where('scriptId').equals(scriptId).toArray();
      const draft = versions.find((v) => v.status === 'draft');
      if (draft) await attempt(desktop, stats, 'script.publish', { scriptId, version: draft.version });
    }
  } else if (roll < 0.95) {
    stats.syncs += 1;
    await desktop.sync().catch(() => {
      stats.failedSyncs += 1;
    });
  } else if (roll < 0.97) {
    desktop.link.online = false;
    stats.offline += 1;
  } else {
    stats.reloads += 1;
    await desktop.reload();
  }
}

/** None lost: every change each desktop made was taken by the hub, in order, once (ids 1…made, each once). */
export async function expectEveryChangeTakenOnce(db: Queryable, desktops: readonly Desktop[]): Promise<void> {
  for (const desktop of desktops) {
    const clientId = (await desktop.db.getMeta<string>('clientId'))!;
    const made = ((await desktop.db.getMeta<number>('nextMutationId')) ?? 1) - 1;
    const taken = await db.query<{ n: number; max: number | null }>('SELECT count(*) AS n, max(id) AS max FROM mutations WHERE client_id = $1', [clientId]);
    expect({ user: desktop.user.username, taken: Number(taken[0]!.n), last: Number(taken[0]!.max ?? 0) }).toEqual({ user: desktop.user.username, taken: made, last: made });
  }
}
