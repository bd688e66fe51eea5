/**
 * Each mutation's rule touches only the entities it declares. The desktop
 * opens its transaction over those tables alone, so a rule that reads one
 * more would fail there (and only on the branch that reads it). Here every
 * mutation runs on a store that refuses any other entity, once as a desktop
 * would run it and once as the hub does (the hub's rules read rows a desktop
 * may not hold), on a scenario where it writes something.
 */
import { describe, expect, it } from 'vitest';
import { newPresence, type ScriptStageId } from '@core/domain/model';
import type { EntityName, EntityRow } from '@core/sync/entities';
import { MADE_AT_MAX_AGE_MS, MADE_AT_SKEW_MS, MUTATION_ENTITIES, MUTATION_NAMES, madeAtOf, parseMutationArgs, runMutator, type Actor, type MutationInput, type MutationName, type MutationStore } from '@core/sync/mutations';
import { smallWorld, T0 } from '../helpers/world';

const HOUR = 3_600_000;
const ava: Actor = { userId: 'usr_ava', role: 'agent', teamIds: ['team_care'] };
const sam: Actor = { userId: 'usr_sam', role: 'supervisor', teamIds: ['team_care'] };
const ada: Actor = { userId: 'usr_ada', role: 'admin', teamIds: [] };

type Rows = Map<EntityName, Map<string, unknown>>;

class OutsideDeclaredEntities extends Error {}

/** The small world's rows, as a store that lets a rule touch `allowed` entities only and records what it writes. */
function guardedStore(rows: Rows, allowed: readonly EntityName[], written: string[]): MutationStore {
  const check = (entity: EntityName) => {
    if (!allowed.includes(entity)) throw new OutsideDeclaredEntities(`touched ${entity}, which it does not declare`);
  };
  const table = (entity: EntityName) => rows.get(entity) ?? rows.set(entity, new Map()).get(entity)!;
  return {
    async get<E extends EntityName>(entity: E, id: string) {
      check(entity);
      return table(entity).get(id) as EntityRow<E> | undefined;
    },
    async put(entity, row) {
      check(entity);
      table(entity).set(row.id, row);
      written.push(`${entity}:${row.id}`);
    },
    async scriptVersions(scriptId) {
      check('script');
      return [...table('script').values()].filter((row) => (row as { scriptId: string }).scriptId === scriptId) as EntityRow<'script'>[];
    },
    async shareScope() {},
    async customerRows(customerId) {
      const of = <E extends 'contact' | 'followUp' | 'survey' | 'queueItem'>(entity: E) => {
        check(entity);
        return [...table(entity).values()].filter((row) => (row as { customerId: string }).customerId === customerId) as EntityRow<E>[];
      };
      return { contact: of('contact'), followUp: of('followUp'), survey: of('survey'), queueItem: of('queueItem') };
    },
    async usernameHolder(username) {
      check('user');
      const holder = [...table('user').values()].find((row) => (row as { username: string }).username === username) as { id: string } | undefined;
      return holder?.id ?? null;
    },
  };
}

function worldRows(): Rows {
  const rows: Rows = new Map();
  for (const { entity, row } of smallWorld().entries) {
    if (!rows.has(entity)) rows.set(entity, new Map());
    rows.get(entity)!.set((row as { id: string }).id, row);
  }
  rows.get('presence')!.set('usr_ada', newPresence('usr_ada', T0));
  return rows;
}

type Step = { [N in MutationName]: { name: N; actor: Actor; args: MutationInput<N> } }[MutationName];
const step = <N extends MutationName>(name: N, actor: Actor, args: MutationInput<N>): Step => ({ name, actor, args }) as Step;

/** For each mutation: what comes before it (run with every entity allowed), then the mutation itself. */
const stage = (id: ScriptStageId) => ({ id, steps: [{ id: `${id}-1`, kind: 'say' as const, text: `Say something to ${id}.`, when: [], branches: [], articleIds: [] }] });
const STAGES = (['greet', 'understand', 'empathise', 'resolve', 'expectations', 'close'] as const).map(stage);
const benAvailable = step('presence.set', { userId: 'usr_ben', role: 'agent', teamIds: ['team_care'] }, { presence: 'available' });
const ben: Actor = { userId: 'usr_ben', role: 'agent', teamIds: ['team_care'] };
const toBen = [
  benAvailable,
  step('contact.claim', ava, { contactId: 'con_1' }),
  step('contact.transfer', ava, { id: 'tr_1', contactId: 'con_1', queueId: 'q_care', agentId: 'usr_ben', reason: 'Billing question', note: 'Wants a refund.', fromQueueId: 'q_care' }),
];
const escalated = [step('contact.claim', ava, { contactId: 'con_1' }), step('contact.escalate', ava, { contactId: 'con_1', reason: 'Threatens to leave.' })];
const plan = step('followUp.schedule', ava, { id: 'fu_1', customerId: 'cus_1', kind: 'callback', channel: 'call', dueAt: T0 + 24 * HOUR });
const SCENARIOS: { [N in MutationName]: Step[] } = {
  'contact.claim': [step('contact.claim', ava, { contactId: 'con_1' })],
  'contact.release': [step('contact.claim', ava, { contactId: 'con_1' }), step('contact.release', ava, { contactId: 'con_1' })],
  'contact.decline': [...toBen, step('contact.decline', ben, { contactId: 'con_1' })],
  'contact.endConversation': [step('contact.claim', ava, { contactId: 'con_1' }), step('contact.endConversation', ava, { contactId: 'con_1' })],
  'contact.addNote': [step('contact.addNote', ava, { id: 'note_1', customerId: 'cus_1', parentId: 'con_1', body: 'Asked for a refund, @Ben?', mentions: ['usr_ben'] })],
  'contact.reply': [step('contact.claim', ava, { contactId: 'con_1' }), step('contact.reply', ava, { id: 'reply_1', contactId: 'con_1', body: 'On its way.' })],
  'contact.wrapUp': [
    step('contact.claim', ava, { contactId: 'con_1' }),
    step('contact.endConversation', ava, { contactId: 'con_1' }),
    step('contact.wrapUp', ava, { contactId: 'con_1', disposition: 'Information given', resolution: 'resolved' }),
  ],
  'contact.transfer': toBen,
  'contact.escalate': escalated,
  'contact.takeOver': [...escalated, step('contact.takeOver', sam, { id: 'tk_1', contactId: 'con_1' })],
  'contact.advise': [...escalated, step('contact.advise', sam, { id: 'adv_1', contactId: 'con_1', body: 'Offer the goodwill credit.' })],
  'customer.create': [step('customer.create', ava, { id: 'cus_new', firstName: 'Robin', lastName: 'Hale', phones: ['+447700900777'] })],
  'customer.merge': [step('contact.addNote', ava, { id: 'note_2', customerId: 'cus_2', body: 'Same person as customer 1.' }), step('customer.merge', sam, { survivorId: 'cus_1', mergedId: 'cus_2', noteId: 'merge_1' })],
  'customer.unmerge': [step('customer.merge', sam, { survivorId: 'cus_1', mergedId: 'cus_2', noteId: 'merge_1' }), step('customer.unmerge', sam, { mergedId: 'cus_2', noteId: 'unmerge_1' })],
  'customer.update': [step('customer.update', sam, { customerId: 'cus_1', patch: { tier: 'vip', tags: ['checked'] } })],
  'followUp.schedule': [step('followUp.schedule', sam, { id: 'fu_1', customerId: 'cus_1', kind: 'callback', channel: 'call', dueAt: T0 + HOUR, ownerId: 'usr_ben' })],
  'followUp.reschedule': [plan, step('followUp.reschedule', sam, { id: 'fu_1', dueAt: T0 + 48 * HOUR })],
  'followUp.snooze': [plan, step('followUp.snooze', ava, { id: 'fu_1', until: T0 + 2 * HOUR })],
  'followUp.reassign': [plan, step('followUp.reassign', sam, { id: 'fu_1', ownerId: 'usr_ben' })],
  'followUp.complete': [
    plan,
    step('followUp.complete', ava, {
      id: 'fu_1',
      outcome: 'needs-another',
      note: 'Not in yet.',
      outcomeContactId: 'fuo_1',
      survey: { id: 'srv_1', csat: 4 },
      next: { id: 'fu_2', kind: 'check-in', channel: 'email', dueAt: T0 + 72 * HOUR },
    }),
  ],
  'followUp.cancel': [plan, step('followUp.cancel', sam, { id: 'fu_1', reason: 'The customer asked us not to call.' })],
  'survey.record': [step('survey.record', sam, { id: 'srv_1', contactId: 'con_old_1', status: 'answered', csat: 5 })],
  'presence.set': [step('presence.set', ava, { presence: 'available' })],
  'presence.setFor': [step('presence.setFor', sam, { id: 'ps_1', userId: 'usr_ava', presence: 'away' })],
  'notification.read': [...toBen, step('notification.read', ben, { ids: ['tr_1'] })],
  'script.save': [step('script.save', sam, { scriptId: 'scr_1', name: 'Late delivery', stages: STAGES })],
  'script.publish': [step('script.save', sam, { scriptId: 'scr_1', name: 'Late delivery', stages: STAGES }), step('script.publish', sam, { scriptId: 'scr_1', version: 1 })],
  'target.set': [step('target.set', sam, { scope: 'queue', scopeId: 'q_care', fcr: 0.8, slaSeconds: 120 })],
  'article.save': [step('article.save', sam, { id: 'kb_1', kind: 'how-to', title: 'Late deliveries', body: 'Check the courier first.' })],
  'article.archive': [
    step('article.save', sam, { id: 'kb_1', kind: 'how-to', title: 'Late deliveries', body: 'Check the courier first.' }),
    step('article.archive', sam, { id: 'kb_1', archived: true }),
  ],
  'user.create': [step('user.create', ada, { id: 'usr_nina', username: 'nina', name: 'Nina Newcomer', role: 'agent', teamIds: ['team_care'] })],
  'user.update': [step('user.update', ada, { userId: 'usr_ben', name: 'Ben O.', teamIds: ['team_care', 'team_other'], disabled: true })],
  'team.save': [step('team.save', ada, { id: 'team_new', name: 'Retention', agentsMayMerge: true })],
  'queue.save': [step('queue.save', ada, { id: 'q_new', name: 'Retention', teamId: 'team_care', channels: ['call'], slaSeconds: 60 })],
};

/** Runs the scenario; the last step on a store limited to its declared entities. Returns what the last step wrote. */
async function run(
  steps: Step[],
  authoritative: boolean,
  entities: (name: MutationName) => readonly EntityName[] = (name) => MUTATION_ENTITIES[name],
  { rows = worldRows(), lag = 0 }: { rows?: Rows; lag?: number } = {},
): Promise<string[]> {
  // Customer 2's chat is on offer to Ava.
  const item = rows.get('queueItem')!.get('con_2') as EntityRow<'queueItem'>;
  rows.get('queueItem')!.set('con_2', { ...item, offeredTo: 'usr_ava', offeredAt: T0 });
  let written: string[] = [];
  for (const [index, { name, actor, args }] of steps.entries()) {
    const last = index === steps.length - 1;
    written = [];
    const now = T0 + (index + 1) * 1000;
    const store = guardedStore(rows, last ? entities(name) : [...rows.keys(), 'followUp', 'survey', 'script', 'article', 'target', 'notification'], written);
    await runMutator({ store, actor, now, madeAt: now - lag, authoritative }, name, parseMutationArgs(name, args));
  }
  return written;
}

describe('each mutation touches only the entities it declares', () => {
  it('has a scenario for every mutation', () => {
    expect(Object.keys(SCENARIOS).sort()).toEqual([...MUTATION_NAMES].sort());
  });

  for (const name of MUTATION_NAMES) {
    it(`${name}, on a desktop and on the hub`, async () => {
      for (const authoritative of [false, true]) {
        const written = await run(SCENARIOS[name], authoritative);
        expect(written.length, `${name} wrote nothing (authoritative: ${authoritative})`).toBeGreaterThan(0);
      }
    });
  }

  it('and a rule that touches one more is caught', async () => {
    // Claiming moves the agent's presence; leave presence out of what it may touch.
    const without = (name: MutationName) => MUTATION_ENTITIES[name].filter((entity) => entity !== 'presence');
    await expect(run(SCENARIOS['contact.claim'], true, without)).rejects.toThrow('touched presence, which it does not declare');
  });
});

describe('records carry when the person made the change; routing state, when the hub applied it', () => {
  // Every step is made two hours before the hub applies it (an outage): step i is applied at T0 + i s.
  const LAG = 2 * HOUR;
  const applied = (step: number) => T0 + step * 1000;
  const made = (step: number) => applied(step) - LAG;
  const afterOutage = async (steps: Step[]) => {
    const rows = worldRows();
    await run(steps, true, undefined, { rows, lag: LAG });
    return <E extends EntityName>(entity: E, id: string) => rows.get(entity)?.get(id) as EntityRow<E>;
  };

  it('a note and its mention read when they were written', async () => {
    const rows = worldRows();
    await run(SCENARIOS['contact.addNote'], true, undefined, { rows, lag: LAG });
    expect((rows.get('contact')!.get('note_1') as EntityRow<'contact'>).at).toBe(made(1));
    const mention = [...rows.get('notification')!.values()].map((row) => row as EntityRow<'notification'>).find((row) => row.userId === 'usr_ben');
    expect(mention?.at).toBe(made(1));
  });

  it('a reply and a wrap-up read when they happened; the claim is the hub’s', async () => {
    const row = await afterOutage([...SCENARIOS['contact.wrapUp'].slice(0, 2), step('contact.reply', ava, { id: 'reply_1', contactId: 'con_1', body: 'On its way.' }), SCENARIOS['contact.wrapUp'][2]!]);
    expect(row('contact', 'reply_1').at).toBe(made(3));
    expect(row('contact', 'con_1')).toMatchObject({ endedAt: made(2), acwSeconds: 2 });
    expect(row('queueItem', 'con_1')).toMatchObject({ claimedAt: applied(1), wrapUpAt: made(2), doneAt: made(4) });
  });

  it('a transfer’s note reads when it was made; the offer runs on the hub’s clock', async () => {
    const row = await afterOutage(SCENARIOS['contact.transfer']);
    expect(row('contact', 'tr_1').at).toBe(made(3));
    expect(row('queueItem', 'con_1')).toMatchObject({ offeredAt: applied(3), handoff: { at: applied(3) } });
  });

  it('a follow-up, its outcome, survey and next one read when they were done', async () => {
    const row = await afterOutage(SCENARIOS['followUp.complete']);
    expect(row('followUp', 'fu_1')).toMatchObject({ createdAt: made(1), completedAt: made(2) });
    expect(row('contact', 'fuo_1').at).toBe(made(2));
    expect(row('survey', 'srv_1').at).toBe(made(2));
    expect(row('followUp', 'fu_2').createdAt).toBe(made(2));
  });

  it('the hub trusts a desktop clock a little ahead and up to a fortnight behind', () => {
    const twelve = Date.UTC(2026, 2, 29, 12);
    expect(madeAtOf(twelve - LAG, twelve)).toBe(twelve - LAG);
    expect(madeAtOf(twelve + 25 * HOUR, twelve)).toBe(twelve + MADE_AT_SKEW_MS);
    expect(madeAtOf(Date.UTC(2019, 0, 1), twelve)).toBe(twelve - MADE_AT_MAX_AGE_MS);
    expect(madeAtOf(twelve - 13 * 24 * HOUR, twelve)).toBe(twelve - 13 * 24 * HOUR);
  });
});
