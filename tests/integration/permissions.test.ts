/**
 * Who may do what, cell by cell, through a real hub on PGlite and on
 * PostgreSQL: every mutation of src/sync/permissions.ts made by each of the
 * six people its columns name (Ava owns or handles the row; Ben is in her
 * team; Olga in another; Sam supervises Ava's team, Oscar another team; Ada
 * is an admin). Each cell gets fresh rows, the person's desktop opens the
 * customer and makes the change; what they see (applied, or refused with a
 * code and message, on the desktop at once or later from the hub) must be
 * what the matrix says, the hub must say the same as a desktop that holds
 * every row, and a refused change must leave the hub's rows as they were.
 * Then the survey cases that were reported, and desktops that hold only part
 * of the picture.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { newNotification, newPresence, newUser, presenceMoved, type Contact, type Customer, type FollowUp, type QueueItem, type ScriptStageId, type SurveyResponse } from '@core/domain/model';
import type { EntityName, EntityRow } from '@core/sync/entities';
import { MutationRefused } from '@core/sync/local';
import { MUTATION_NAMES, type MutationInput, type MutationName } from '@core/sync/mutations';
import { PERMISSION_ACTOR_LABELS, PERMISSION_ACTORS, PERMISSIONS, permissionText, type PermissionActor } from '@core/sync/permissions';
import { PROTOCOL_VERSION, PushResponseSchema, type RejectionCode } from '@core/sync/protocol';
import { importRows, type ImportEntry } from '../../hub/import';
import { getRow } from '../../hub/sync/store';
import { expectConverged } from '../helpers/convergence';
import { hubPerFile } from '../helpers/hub-per-file';
import { storageTargets } from '../helpers/storage-targets';
import { type Desktop } from '../helpers/sync-harness';
import { contact, customer, PASSWORD, smallWorld, teams, user, waiting } from '../helpers/world';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const AVA = 'usr_ava';
const BEN = 'usr_ben';

const targets = await storageTargets();

const USERNAMES: Record<PermissionActor, string> = { owner: 'ava', teammate: 'ben', otherAgent: 'olga', supervisor: 'sam', otherSupervisor: 'oscar', admin: 'ada' };

/** The small world plus a supervisor of the other team and an admin (in no team). */
function permissionWorld() {
  const base = smallWorld();
  const extra = [user('oscar', 'Oscar Lindqvist', 'supervisor', ['team_other']), user('ada', 'Ada Mensah', 'admin', [])];
  return {
    entries: [...base.entries, ...extra.flatMap((row): ImportEntry[] => [entry('user', row), entry('presence', newPresence(row.id, Date.now()))])],
    accounts: [...base.accounts, ...extra.map((u) => ({ userId: u.id, username: u.username, password: PASSWORD }))],
  };
}

// ---------------------------------------------------------------- rows for one cell

const entry = <E extends EntityName>(entity: E, row: EntityRow<E>): ImportEntry => ({ entity, row });
const customerOf = (key: string) => entry('customer', customer(1, { id: `cus-${key}`, lastName: key.slice(0, 80) }));

/** A chat in Ava's team's queue: waiting (on offer to someone or no one), or taken by Ava. */
function queued(key: string, state: { offeredTo: string | null } | 'taken'): ImportEntry[] {
  const now = Date.now();
  const row = contact(`con-${key}`, `cus-${key}`, now - 10 * MINUTE, { queueId: 'q_care', channel: 'chat', agentId: state === 'taken' ? AVA : null });
  const item =
    state === 'taken'
      ? { ...waiting(row, 'q_care'), state: 'claimed' as const, assigneeId: AVA, claimedAt: now - 5 * MINUTE }
      : { ...waiting(row, 'q_care'), offeredTo: state.offeredTo, offeredAt: state.offeredTo ? now : null };
  return [customerOf(key), entry('contact', row), entry('queueItem', item)];
}

/** Ava's chat, taken, on which she asked for help. */
function escalated(key: string): ImportEntry[] {
  return queued(key, 'taken').map((row) =>
    row.entity === 'queueItem' ? entry('queueItem', { ...(row.row as QueueItem), escalation: { byId: AVA, reason: 'Wants to cancel.', at: Date.now() - MINUTE, state: 'open', supervisorId: null, answeredAt: null } }) : row,
  );
}

/** A contact Ava handled and wrapped up (its survey is hers). */
function handledBy(key: string, agentId: string, queueId: string | null = 'q_care'): { rows: ImportEntry[]; contact: Contact } {
  const now = Date.now();
  const row = contact(`con-${key}`, `cus-${key}`, now - 2 * HOUR, { queueId, channel: 'call', agentId, endedAt: now - HOUR, disposition: 'Information given', resolution: 'resolved' });
  const rows = [customerOf(key), entry('contact', row)];
  if (queueId) rows.push(entry('queueItem', { ...waiting(row, queueId), state: 'done', assigneeId: agentId, claimedAt: now - 2 * HOUR, doneAt: now - HOUR }));
  return { rows, contact: row };
}

function survey(id: string, of: Contact, patch: Partial<SurveyResponse> = {}): SurveyResponse {
  return { id, contactId: of.id, customerId: of.customerId, agentId: of.agentId, status: 'answered', csat: 1, nps: 2, comment: 'Nobody called back.', at: Date.now() - 30 * MINUTE, ...patch };
}

function followUpOf(key: string, ownerId: string, createdBy = ownerId): FollowUp {
  return {
    id: `fu-${key}`,
    customerId: `cus-${key}`,
    contactId: null,
    kind: 'callback',
    channel: 'call',
    dueAt: Date.now() + DAY,
    ownerId,
    state: 'scheduled',
    reason: 'Check the refund landed',
    outcome: null,
    note: '',
    createdAt: Date.now() - HOUR,
    createdBy,
    completedAt: null,
    completedBy: null,
    cancelReason: null,
    remindAt: null,
    ruleId: null,
    previousId: null,
    outcomeContactId: null,
  };
}

const stage = (id: ScriptStageId) => ({ id, steps: [{ id: `${id}-1`, kind: 'say' as const, text: `Say something to ${id}.`, when: [], branches: [], articleIds: [] }] });
const STAGES = (['greet', 'understand', 'empathise', 'resolve', 'expectations', 'close'] as const).map(stage);

// ---------------------------------------------------------------- what each mutation does in its cells

/** yes / no: the cell; met / unmet: the two sides of a conditional cell. */
type Mode = 'yes' | 'no' | 'met' | 'unmet';
type Refusal = { code: RejectionCode; message: string } | 'no effect';

interface Cell<N extends MutationName> {
  rows: ImportEntry[];
  /** The customer the person opens first (as from a search), so their desktop holds every row involved. */
  customerId?: string;
  /** Other customers the change names, opened too. */
  alsoOpen?: string[];
  args: MutationInput<N>;
  /** Rows the change alters when applied and a refusal leaves as they were. */
  watch: Watched[];
}

/** A row to watch, and whose desktops hold it when not everyone's (a presence syncs to its owner and their supervisors). */
type Watched = [entity: EntityName, id: string, heldBy?: readonly PermissionActor[]];

interface Spec<N extends MutationName> {
  cell(key: string, actor: PermissionActor, mode: Mode): Cell<N>;
  /** What a "no" (or an unmet condition) looks like to this person. */
  refusal(actor: PermissionActor): Refusal;
}

const forbidden = (message: string): Refusal => ({ code: 'forbidden', message });
const notAssignee = (message: string): Refusal => ({ code: 'not_assignee', message });
const AVA_HAS_IT = notAssignee('Ava has this contact, not you.');
const AVAS_FOLLOW_UP = (actor: PermissionActor) =>
  actor === 'otherSupervisor' ? forbidden('This follow-up belongs to Ava Thompson, who is not in one of your teams.') : notAssignee('This follow-up belongs to Ava.');

let targetValue = 0;

/** The follow-up mutations share their cells: Ava's open follow-up, planned by her or (met, for Oscar) by Oscar. */
const onAvasFollowUp =
  <N extends 'followUp.reschedule' | 'followUp.snooze' | 'followUp.cancel' | 'followUp.complete' | 'followUp.reassign'>(
    args: (key: string, actor: PermissionActor, mode: Mode) => MutationInput<N>,
    extraWatch: (key: string) => [EntityName, string][] = () => [],
  ) =>
  (key: string, actor: PermissionActor, mode: Mode): Cell<N> => ({
    rows: [customerOf(key), entry('followUp', followUpOf(key, AVA, actor === 'otherSupervisor' && mode === 'met' ? 'usr_oscar' : AVA))],
    customerId: `cus-${key}`,
    args: args(key, actor, mode),
    watch: [['followUp', `fu-${key}`], ...extraWatch(key)],
  });

const SPECS: { [N in MutationName]: Spec<N> } = {
  'contact.claim': {
    cell: (key, actor, mode) => ({
      rows: queued(key, { offeredTo: actor === 'teammate' && mode === 'met' ? null : AVA }),
      customerId: `cus-${key}`,
      args: { contactId: `con-${key}` },
      watch: [['queueItem', `con-${key}`]],
    }),
    refusal: (actor) => (actor === 'teammate' ? { code: 'offered_elsewhere', message: 'This contact is being offered to Ava.' } : forbidden('This contact is in a queue of another team.')),
  },
  'contact.release': {
    cell: (key) => ({ rows: queued(key, 'taken'), customerId: `cus-${key}`, args: { contactId: `con-${key}` }, watch: [['queueItem', `con-${key}`]] }),
    refusal: (actor) => (actor === 'otherSupervisor' ? forbidden('This contact is in a queue of another team.') : AVA_HAS_IT),
  },
  'contact.decline': {
    cell: (key) => ({ rows: queued(key, { offeredTo: AVA }), customerId: `cus-${key}`, args: { contactId: `con-${key}` }, watch: [['queueItem', `con-${key}`]] }),
    refusal: () => 'no effect',
  },
  'contact.endConversation': {
    cell: (key) => ({ rows: queued(key, 'taken'), customerId: `cus-${key}`, args: { contactId: `con-${key}` }, watch: [['queueItem', `con-${key}`]] }),
    refusal: () => AVA_HAS_IT,
  },
  'contact.addNote': {
    cell: (key) => ({
      rows: [customerOf(key)],
      customerId: `cus-${key}`,
      args: { id: `note-${key}`, customerId: `cus-${key}`, body: 'Prefers a call after six.' },
      watch: [['contact', `note-${key}`]],
    }),
    refusal: () => {
      throw new Error('everyone may add notes');
    },
  },
  'contact.reply': {
    cell: (key) => ({
      rows: queued(key, 'taken'),
      customerId: `cus-${key}`,
      args: { id: `reply-${key}`, contactId: `con-${key}`, body: 'Your refund is on its way.' },
      watch: [['contact', `reply-${key}`]],
    }),
    refusal: () => AVA_HAS_IT,
  },
  'contact.wrapUp': {
    cell: (key) => ({
      rows: queued(key, 'taken'),
      customerId: `cus-${key}`,
      args: { contactId: `con-${key}`, disposition: 'Information given', resolution: 'resolved' },
      watch: [
        ['queueItem', `con-${key}`],
        ['contact', `con-${key}`],
      ],
    }),
    refusal: () => AVA_HAS_IT,
  },
  'contact.transfer': {
    // Ava's chat goes to the other team's queue.
    cell: (key) => ({
      rows: queued(key, 'taken'),
      customerId: `cus-${key}`,
      args: { id: `tr-${key}`, contactId: `con-${key}`, queueId: 'q_other', reason: 'Needs the other team', note: 'Asked twice already.', fromQueueId: 'q_care' },
      watch: [['queueItem', `con-${key}`]],
    }),
    refusal: () => AVA_HAS_IT,
  },
  'contact.escalate': {
    cell: (key) => ({
      rows: queued(key, 'taken'),
      customerId: `cus-${key}`,
      args: { contactId: `con-${key}`, reason: 'Wants to cancel everything.' },
      watch: [['queueItem', `con-${key}`]],
    }),
    refusal: () => AVA_HAS_IT,
  },
  'contact.takeOver': {
    cell: (key) => ({ rows: queued(key, 'taken'), customerId: `cus-${key}`, args: { id: `tk-${key}`, contactId: `con-${key}` }, watch: [['queueItem', `con-${key}`]] }),
    // Ava already holds it: taking it "over" changes nothing.
    refusal: (actor) => (actor === 'owner' ? 'no effect' : forbidden('Only a supervisor of its team takes a contact over.')),
  },
  'contact.advise': {
    cell: (key) => ({
      rows: escalated(key),
      customerId: `cus-${key}`,
      args: { id: `adv-${key}`, contactId: `con-${key}`, body: 'Offer the goodwill credit.' },
      watch: [
        ['contact', `adv-${key}`],
        ['queueItem', `con-${key}`],
      ],
    }),
    refusal: () => forbidden('Only a supervisor of its team answers an escalation.'),
  },
  'customer.update': {
    // Met: details anyone may correct; otherwise the tier.
    cell: (key, _actor, mode) => ({
      rows: [customerOf(key)],
      customerId: `cus-${key}`,
      args: { customerId: `cus-${key}`, patch: mode === 'met' ? { tags: ['checked'] } : { tier: 'vip' } },
      watch: [['customer', `cus-${key}`]],
    }),
    refusal: () => forbidden("Only supervisors can change a customer's tier."),
  },
  'customer.create': {
    cell: (key) => ({
      rows: [],
      args: { id: `cus-new-${key}`, firstName: 'Robin', lastName: 'Hale', phones: ['+447700900777'] },
      watch: [['customer', `cus-new-${key}`]],
    }),
    refusal: () => {
      throw new Error('everyone may make customers');
    },
  },
  'customer.merge': {
    // Agents: their team's policy allows merging (met) or not (unmet); it is set for every cell, both teams.
    cell: (key, _actor, mode) => ({
      rows: [customerOf(`${key}-a`), customerOf(`${key}-b`), ...teams.map((team) => entry('team', { ...team, agentsMayMerge: mode === 'met' }))],
      customerId: `cus-${key}-a`,
      alsoOpen: [`cus-${key}-b`],
      args: { survivorId: `cus-${key}-a`, mergedId: `cus-${key}-b`, noteId: `merge-${key}` },
      watch: [
        ['customer', `cus-${key}-a`],
        ['customer', `cus-${key}-b`],
      ],
    }),
    refusal: () => forbidden('Only supervisors, or agents of a team allowed to, can merge customers.'),
  },
  'customer.unmerge': {
    cell: (key) => {
      const survivor = customerOf(`${key}-a`);
      const merged = customer(2, { id: `cus-${key}-b`, emails: [], phones: [], mergedInto: `cus-${key}-a`, merge: { at: Date.now() - HOUR, by: 'usr_sam', moved: { contact: [], followUp: [], survey: [], queueItem: [] }, emails: ['c2@example.com'], phones: [], socialHandle: null, addedEmails: ['c2@example.com'], addedPhones: [] } });
      return {
        rows: [{ ...survivor, row: { ...(survivor.row as Customer), emails: ['c1@example.com', 'c2@example.com'] } }, entry('customer', merged)],
        customerId: `cus-${key}-a`,
        alsoOpen: [`cus-${key}-b`],
        args: { mergedId: `cus-${key}-b`, noteId: `unmerge-${key}` },
        watch: [
          ['customer', `cus-${key}-a`],
          ['customer', `cus-${key}-b`],
        ],
      };
    },
    refusal: () => forbidden('Only supervisors can undo a merge.'),
  },
  'followUp.schedule': {
    cell: (key) => ({
      rows: [customerOf(key)],
      customerId: `cus-${key}`,
      args: { id: `fu-${key}`, customerId: `cus-${key}`, kind: 'callback', channel: 'call', dueAt: Date.now() + DAY, ownerId: AVA },
      watch: [['followUp', `fu-${key}`]],
    }),
    refusal: () => forbidden('Only supervisors can plan follow-ups for someone else.'),
  },
  'followUp.reschedule': { cell: onAvasFollowUp((key) => ({ id: `fu-${key}`, dueAt: Date.now() + 2 * DAY })), refusal: AVAS_FOLLOW_UP },
  'followUp.snooze': { cell: onAvasFollowUp((key) => ({ id: `fu-${key}`, until: Date.now() + HOUR })), refusal: AVAS_FOLLOW_UP },
  'followUp.reassign': {
    // To Ben, in Ava's and Sam's team; to Olga, in Oscar's: Sam's unmet case, Oscar's met one.
    cell: onAvasFollowUp((key, actor, mode) => ({ id: `fu-${key}`, ownerId: (actor === 'supervisor' && mode === 'unmet') || (actor === 'otherSupervisor' && mode === 'met') ? 'usr_olga' : BEN })),
    refusal: (actor) =>
      actor === 'supervisor'
        ? forbidden('Olga Petrova is not in one of your teams.')
        : actor === 'otherSupervisor'
          ? forbidden('This follow-up belongs to Ava Thompson, who is not in one of your teams.')
          : forbidden('Only supervisors can reassign follow-ups.'),
  },
  'followUp.complete': {
    cell: onAvasFollowUp(
      (key) => ({ id: `fu-${key}`, outcome: 'reached', note: 'Refund confirmed.', outcomeContactId: `fuo-${key}`, survey: { id: `srv-${key}`, csat: 4 } }),
      (key) => [
        ['contact', `fuo-${key}`],
        ['survey', `srv-${key}`],
      ],
    ),
    refusal: AVAS_FOLLOW_UP,
  },
  'followUp.cancel': { cell: onAvasFollowUp((key) => ({ id: `fu-${key}`, reason: 'The customer asked us not to call.' })), refusal: AVAS_FOLLOW_UP },
  'survey.record': {
    // Ava's contact already has a survey: sent (met: her answer may come in) or answered (a change is a correction).
    cell: (key, _actor, mode) => {
      const handled = handledBy(key, AVA);
      return {
        rows: [...handled.rows, entry('survey', survey(`srv-${key}`, handled.contact, mode === 'met' ? { status: 'sent', csat: null, nps: null, comment: '' } : {}))],
        customerId: `cus-${key}`,
        args: { id: `srv-${key}`, contactId: `con-${key}`, status: 'answered', csat: 5, nps: 10 },
        watch: [['survey', `srv-${key}`]],
      };
    },
    refusal: (actor) =>
      actor === 'owner'
        ? forbidden('This survey was already answered: only a supervisor of your team can correct it.')
        : forbidden('This contact was handled by Ava Thompson: only Ava or a supervisor of Ava’s team can record its survey.'),
  },
  'presence.set': {
    // Ava is offline; each person sets "away", which can only ever be their own.
    cell: () => ({ rows: [entry('presence', newPresence(AVA, Date.now() - HOUR))], args: { presence: 'away' }, watch: [['presence', AVA, ['owner', 'supervisor']]] }),
    refusal: () => 'no effect',
  },
  'presence.setFor': {
    // Ava is offline; each person sets her "away".
    cell: (key) => ({ rows: [entry('presence', newPresence(AVA, Date.now() - HOUR))], args: { id: `ps-${key}`, userId: AVA, presence: 'away' }, watch: [['presence', AVA, ['owner', 'supervisor']]] }),
    refusal: (actor) => (actor === 'otherSupervisor' ? forbidden('Ava Thompson is not in one of your teams.') : forbidden("Only supervisors can set someone else's presence.")),
  },
  'notification.read': {
    // A notification for Ava: anyone else's desktop never holds it, and marking it read does nothing.
    cell: (key) => ({
      rows: [entry('notification', newNotification({ id: `ntf-${key}`, userId: AVA, kind: 'mention', fromId: BEN, text: 'Ben mentioned you.', at: Date.now() - HOUR }))],
      args: { ids: [`ntf-${key}`] },
      watch: [['notification', `ntf-${key}`, ['owner']]],
    }),
    refusal: () => 'no effect',
  },
  'script.save': {
    cell: (key) => ({ rows: [], args: { scriptId: `scr-${key}`, name: 'Late delivery', stages: STAGES }, watch: [['script', `scr-${key}@1`]] }),
    refusal: () => forbidden('Only supervisors can edit scripts.'),
  },
  'script.publish': {
    cell: (key) => ({
      rows: [
        entry('script', {
          id: `scr-${key}@1`,
          scriptId: `scr-${key}`,
          version: 1,
          status: 'draft',
          name: 'Late delivery',
          description: '',
          topics: [],
          stages: STAGES,
          language: 'en-GB',
          variants: {},
          updatedAt: Date.now() - HOUR,
          updatedBy: 'usr_sam',
          publishedAt: null,
        }),
      ],
      args: { scriptId: `scr-${key}`, version: 1 },
      watch: [['script', `scr-${key}@1`]],
    }),
    refusal: () => forbidden('Only supervisors can publish scripts.'),
  },
  'target.set': {
    // A new FCR target every time, so an applied change always shows.
    cell: () => ({ rows: [], args: { scope: 'team', scopeId: 'team_care', fcr: 0.5 + (targetValue += 1) / 1000 }, watch: [['target', 'team:team_care']] }),
    refusal: (actor) => forbidden(actor === 'otherSupervisor' ? 'You can set targets for your own teams only.' : 'Only supervisors can set targets.'),
  },
  'article.save': {
    cell: (key) => ({ rows: [], args: { id: `kb-${key}`, kind: 'how-to', title: 'Late deliveries', body: 'Check the courier first.' }, watch: [['article', `kb-${key}`]] }),
    refusal: () => forbidden('Only supervisors can write knowledge articles.'),
  },
  'article.archive': {
    cell: (key) => ({
      rows: [entry('article', { id: `kb-${key}`, kind: 'how-to', title: 'Late deliveries', body: 'Check the courier first.', tags: [], archived: false, language: 'en-GB', variants: {}, updatedAt: Date.now() - HOUR, updatedBy: 'usr_sam' })],
      args: { id: `kb-${key}`, archived: true },
      watch: [['article', `kb-${key}`]],
    }),
    refusal: () => forbidden('Only supervisors can archive knowledge articles.'),
  },
  'user.create': {
    // A new agent of Ava's team, offline: Sam holds her presence, Ada (in no team) does not.
    cell: (key) => ({
      rows: [],
      args: { id: `usr-${key}`, username: key.toLowerCase(), name: 'Nina Newcomer', role: 'agent', teamIds: ['team_care'], skills: ['billing'], timeZone: 'Europe/Paris' },
      watch: [
        ['user', `usr-${key}`],
        ['presence', `usr-${key}`, ['supervisor']],
      ],
    }),
    refusal: () => forbidden('Only administrators can add people.'),
  },
  'user.update': {
    // A colleague of Ava's, in her team and available: renamed, moved to the other team and switched off (offline at once).
    cell: (key) => ({
      rows: [
        entry('user', newUser({ id: `usr-${key}`, username: key.toLowerCase(), name: 'Una Colleague', role: 'agent', teamIds: ['team_care'] })),
        entry('presence', presenceMoved(newPresence(`usr-${key}`, Date.now() - HOUR), 'available', Date.now() - HOUR)),
      ],
      args: { userId: `usr-${key}`, name: 'Una Renamed', teamIds: ['team_other'], disabled: true },
      watch: [
        ['user', `usr-${key}`],
        ['presence', `usr-${key}`, ['supervisor']],
      ],
    }),
    refusal: () => forbidden('Only administrators can change people.'),
  },
  'team.save': {
    cell: (key) => ({ rows: [], args: { id: `team-${key}`, name: 'Billing' }, watch: [['team', `team-${key}`]] }),
    refusal: () => forbidden('Only administrators can make or change teams.'),
  },
  'queue.save': {
    cell: (key) => ({
      rows: [],
      args: { id: `q-${key}`, name: 'Billing', teamId: 'team_care', channels: ['email'], topics: ['billing'], slaSeconds: 600 },
      watch: [['queue', `q-${key}`]],
    }),
    refusal: () => forbidden('Only administrators can make or change queues.'),
  },
};

function modesOf(name: MutationName, actor: PermissionActor): Mode[] {
  const permission = PERMISSIONS[name].cells[actor];
  return permission === 'yes' ? ['yes'] : permission === 'no' ? ['no'] : ['met', 'unmet'];
}

type Verdict = { status: 'applied' } | { status: 'rejected'; code: string; message: string };

// ---------------------------------------------------------------- the hub and the six desktops (one of each per storage target)

describe.each(targets)('who may do what, on $label', (target) => {
  const skip = target.skipReason;
  // No offers: the hub must not move the contacts a cell set up.
  const testHub = hubPerFile(target, { world: permissionWorld });
  const desktops = {} as Record<PermissionActor, Desktop>;
  /** A client of each person's that pushes straight to the hub: its answer, whatever a desktop thought. */
  const straight = {} as Record<PermissionActor, { clientId: string; next: number }>;

  beforeAll(async () => {
    if (skip) return;
    for (const actor of PERMISSION_ACTORS) {
      desktops[actor] = await testHub.signIn(USERNAMES[actor]);
      straight[actor] = { clientId: crypto.randomUUID(), next: 1 };
    }
  });

  /** Brings a customer onto a person's desktops, as opening them from a search does. */
  const open = async (actor: PermissionActor, customerId: string) => {
    const response = await fetch(`${testHub.hub.url}/sync/scope`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${desktops[actor].token}` },
      body: JSON.stringify({ customerIds: [customerId] }),
    });
    expect(response.status).toBe(200);
  };

  const pushStraight = async <N extends MutationName>(actor: PermissionActor, name: N, args: MutationInput<N>): Promise<Verdict> => {
    const client = straight[actor];
    const response = await fetch(`${testHub.hub.url}/sync/push`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${desktops[actor].token}` },
      body: JSON.stringify({ clientId: client.clientId, schemaVersion: PROTOCOL_VERSION, mutations: [{ id: client.next++, name, args, at: Date.now() }] }),
    });
    expect(response.status).toBe(200);
    const result = PushResponseSchema.parse(await response.json()).results[0]!;
    return result.status === 'applied' ? { status: 'applied' } : { status: 'rejected', code: result.code, message: result.message };
  };

  const hubRowsOf = (watch: Watched[]) => Promise.all(watch.map(([entity, id]) => getRow(testHub.hub.storage, entity, id)));
  const localRowsOf = (desktop: Desktop, watch: Watched[]) =>
    Promise.all(
      watch.map(async ([entity, id]) => {
        const row = await desktop.db.entityTable(entity).get(id);
        if (!row) return undefined;
        const { _v: _version, ...rest } = row;
        return rest;
      }),
    );

  /**
   * Makes a change as a person would: on their desktop, which refuses it at
   * once or takes it and syncs. Returns what the desktop said and what the hub
   * said (for a change the desktop refused, the hub is asked directly).
   */
  const attempt = async <N extends MutationName>(actor: PermissionActor, name: N, args: MutationInput<N>): Promise<{ desktop: Verdict; hub: Verdict }> => {
    const desktop = desktops[actor];
    const made = await desktop.tryMutate(name, args);
    if (made instanceof MutationRefused) {
      return { desktop: { status: 'rejected', code: made.code, message: made.message }, hub: await pushStraight(actor, name, args) };
    }
    await desktop.sync();
    const rejection = await desktop.db.rejections.get(made);
    return { desktop: { status: 'applied' }, hub: rejection ? { status: 'rejected', code: rejection.code, message: rejection.message } : { status: 'applied' } };
  };

  const runCell = async <N extends MutationName>(name: N, actor: PermissionActor, mode: Mode) => {
    const spec = SPECS[name] as Spec<N>;
    const cell = spec.cell(`${name}-${actor}-${mode}`, actor, mode);
    if (cell.rows.length) await importRows(testHub.hub.storage, cell.rows);
    for (const customerId of [cell.customerId, ...(cell.alsoOpen ?? [])]) if (customerId) await open(actor, customerId);
    const desktop = desktops[actor];
    await desktop.sync();
    const before = await hubRowsOf(cell.watch);

    const said = await attempt(actor, name, cell.args);
    const after = await hubRowsOf(cell.watch);
    const expected = mode === 'yes' || mode === 'met' ? 'applied' : spec.refusal(actor);
    if (expected === 'applied') {
      expect(said.hub).toEqual({ status: 'applied' });
      expect(after, 'an applied change shows in the row').not.toEqual(before);
    } else if (expected === 'no effect') {
      expect(said.hub).toEqual({ status: 'applied' });
      expect(after, 'the change touches no one else’s row').toEqual(before);
    } else {
      expect(said.hub).toEqual({ status: 'rejected', ...expected });
      expect(after, 'a refused change leaves the row as it was').toEqual(before);
    }
    // This desktop holds every row involved: it must answer as the hub does, and hold the hub's rows after
    // (it synced after a change it took; one it refused wrote nothing).
    expect(said.desktop).toEqual(said.hub);
    const held = after.map((row, index) => {
      const heldBy = cell.watch[index]![2];
      return !heldBy || heldBy.includes(actor) ? row : undefined;
    });
    expect(await localRowsOf(desktop, cell.watch)).toEqual(held);
  };

  for (const name of MUTATION_NAMES) {
    describe(name, () => {
      for (const actor of PERMISSION_ACTORS) {
        const permission = permissionText(PERMISSIONS[name].cells[actor]);
        for (const mode of modesOf(name, actor)) {
          const what = mode === 'met' ? `${permission}: holds` : mode === 'unmet' ? `${permission}: does not hold` : permission;
          it.skipIf(skip)(`${PERMISSION_ACTOR_LABELS[actor]} (${USERNAMES[actor]}): ${what}`, () => runCell(name, actor, mode));
        }
      }
    });
  }

  describe('the reported survey cases', () => {
    /** Ava's answered survey (CSAT 1) on a contact she handled, and a contact Ben handled. */
    const setup = async (key: string) => {
      const avas = handledBy(`${key}-ava`, AVA);
      const bens = handledBy(`${key}-ben`, BEN);
      const avaSurvey = survey(`srv-${key}`, avas.contact);
      await importRows(testHub.hub.storage, [...avas.rows, ...bens.rows, entry('survey', avaSurvey)]);
      return { avas: avas.contact, bens: bens.contact, avaSurvey };
    };
    const refusedUnchanged = async (said: { desktop: Verdict; hub: Verdict }, message: string, watch: [EntityName, string][], before: unknown[]) => {
      expect(said.hub).toEqual({ status: 'rejected', code: 'forbidden', message });
      expect(await hubRowsOf(watch)).toEqual(before);
    };

    it.skipIf(skip)('an agent cannot record a survey for a contact someone else handled', async () => {
      const { avas } = await setup('rep-new');
      await open('teammate', avas.customerId);
      await desktops.teammate.sync();
      const said = await attempt('teammate', 'survey.record', { id: 'srv-rep-new-ben', contactId: avas.id, status: 'answered', csat: 1 });
      await refusedUnchanged(said, 'This contact was handled by Ava Thompson: only Ava or a supervisor of Ava’s team can record its survey.', [['survey', 'srv-rep-new-ben']], [undefined]);
      expect(said.desktop).toEqual(said.hub);
      // A contact nobody has handled yet: no agent's survey, so only its team's supervisor.
      await importRows(testHub.hub.storage, queued('rep-new-waiting', { offeredTo: null }));
      await open('teammate', 'cus-rep-new-waiting');
      await desktops.teammate.sync();
      const waitingSaid = await attempt('teammate', 'survey.record', { id: 'srv-rep-new-waiting', contactId: 'con-rep-new-waiting', status: 'sent' });
      await refusedUnchanged(waitingSaid, 'Nobody has handled this contact: only a supervisor of its team can record its survey.', [['survey', 'srv-rep-new-waiting']], [undefined]);
      await open('supervisor', 'cus-rep-new-waiting');
      await desktops.supervisor.sync();
      expect(await attempt('supervisor', 'survey.record', { id: 'srv-rep-new-waiting', contactId: 'con-rep-new-waiting', status: 'sent' })).toEqual({
        desktop: { status: 'applied' },
        hub: { status: 'applied' },
      });
    });

    it.skipIf(skip)('an agent cannot overwrite a colleague’s survey by its id', async () => {
      const { avas, avaSurvey } = await setup('rep-over');
      await open('teammate', avas.customerId);
      await desktops.teammate.sync();
      const watch: [EntityName, string][] = [['survey', avaSurvey.id]];
      const before = await hubRowsOf(watch);
      const said = await attempt('teammate', 'survey.record', { id: avaSurvey.id, contactId: avas.id, status: 'answered', csat: 5, nps: 10 });
      await refusedUnchanged(said, 'This contact was handled by Ava Thompson: only Ava or a supervisor of Ava’s team can record its survey.', watch, before);
    });

    it.skipIf(skip)('a survey cannot be moved to another contact, by its agent’s colleague or by a supervisor', async () => {
      const { avas, bens, avaSurvey } = await setup('rep-move');
      const watch: [EntityName, string][] = [['survey', avaSurvey.id]];
      const before = await hubRowsOf(watch);
      for (const actor of ['teammate', 'supervisor', 'admin'] as const) {
        for (const customerId of [avas.customerId, bens.customerId]) await open(actor, customerId);
        await desktops[actor].sync();
        const said = await attempt(actor, 'survey.record', { id: avaSurvey.id, contactId: bens.id, status: 'answered', csat: 5 });
        await refusedUnchanged(said, 'This survey belongs to a contact handled by Ava Thompson: it cannot be moved or replaced.', watch, before);
        expect(said.desktop).toEqual(said.hub);
      }
    });

    it.skipIf(skip)('completing a follow-up cannot re-capture another contact’s survey', async () => {
      const { avas, bens, avaSurvey } = await setup('rep-fu');
      const benFollowUp = { ...followUpOf('rep-fu-ben', BEN), customerId: bens.customerId };
      await importRows(testHub.hub.storage, [entry('followUp', benFollowUp)]);
      for (const customerId of [avas.customerId, bens.customerId]) await open('teammate', customerId);
      await desktops.teammate.sync();
      const watch: [EntityName, string][] = [
        ['survey', avaSurvey.id],
        ['followUp', benFollowUp.id],
        ['contact', 'fuo-rep-fu'],
      ];
      const before = await hubRowsOf(watch);
      const said = await attempt('teammate', 'followUp.complete', { id: benFollowUp.id, outcome: 'resolved', outcomeContactId: 'fuo-rep-fu', survey: { id: avaSurvey.id, csat: 5 } });
      await refusedUnchanged(said, 'This survey belongs to a contact handled by Ava Thompson: it cannot be moved or replaced.', watch, before);
      expect(said.desktop).toEqual(said.hub);
      // With a survey id of his own, the same completion is fine: the survey is Ben's, of his outcome contact.
      const ok = await attempt('teammate', 'followUp.complete', { id: benFollowUp.id, outcome: 'resolved', outcomeContactId: 'fuo-rep-fu', survey: { id: 'srv-rep-fu-ben', csat: 5 } });
      expect(ok).toEqual({ desktop: { status: 'applied' }, hub: { status: 'applied' } });
      expect(await getRow(testHub.hub.storage, 'survey', 'srv-rep-fu-ben')).toMatchObject({ contactId: 'fuo-rep-fu', agentId: BEN, csat: 5 });
    });
  });

  describe('a desktop that holds only part of the picture', () => {
    it.skipIf(skip)('lets through what it cannot judge; the hub refuses, and the person sees why', async () => {
      // Ava's survey on a customer Ben has never opened (no queue: nothing brings it to Ben).
      const hidden = handledBy('part-hidden', AVA, null);
      const avaSurvey = survey('srv-part-hidden', hidden.contact);
      const bens = handledBy('part-ben', BEN);
      await importRows(testHub.hub.storage, [...hidden.rows, entry('survey', avaSurvey), ...bens.rows, entry('followUp', { ...followUpOf('part-ben', BEN), customerId: bens.contact.customerId })]);
      const ben = desktops.teammate;
      await open('teammate', bens.contact.customerId);
      await ben.sync();
      expect(await ben.db.surveys.get(avaSurvey.id)).toBeUndefined();

      ben.link.online = false;
      const id = await ben.mutate('followUp.complete', { id: 'fu-part-ben', outcome: 'reached', outcomeContactId: 'fuo-part-ben', survey: { id: avaSurvey.id, csat: 5 } });
      expect((await ben.db.followUps.get('fu-part-ben'))?.state).toBe('done');
      ben.link.online = true;
      await ben.sync();
      expect(await ben.db.rejections.get(id)).toMatchObject({ code: 'forbidden', message: 'This survey belongs to a contact handled by Ava Thompson: it cannot be moved or replaced.' });
      expect((await ben.db.followUps.get('fu-part-ben'))?.state).toBe('scheduled');
      expect(await getRow(testHub.hub.storage, 'survey', avaSurvey.id)).toEqual(avaSurvey);
    });

    it.skipIf(skip)('does not refuse offline what the hub accepts when a person or queue is missing from its cache', async () => {
      const sam = desktops.supervisor;
      const oscar = desktops.otherSupervisor;
      const handled = handledBy('part-user', AVA);
      await importRows(testHub.hub.storage, [...handled.rows, customerOf('part-plan')]);
      for (const customerId of [handled.contact.customerId, 'cus-part-plan']) {
        await open('supervisor', customerId);
        await open('otherSupervisor', customerId);
      }
      await sam.sync();
      await oscar.sync();
      // As if Ava and her queue had been added since these desktops last synced.
      for (const desktop of [sam, oscar]) {
        await desktop.db.users.delete(AVA);
        await desktop.db.queues.delete('q_care');
      }
      sam.link.online = false;
      oscar.link.online = false;
      const planned = await sam.mutate('followUp.schedule', { id: 'fu-part-plan', customerId: 'cus-part-plan', kind: 'check-in', channel: 'call', dueAt: Date.now() + DAY, ownerId: AVA });
      const samSurvey = await sam.mutate('survey.record', { id: 'srv-part-sam', contactId: handled.contact.id, status: 'answered', csat: 3 });
      // Oscar's desktop cannot tell either; the hub can, and refuses.
      const oscarSurvey = await oscar.mutate('survey.record', { id: 'srv-part-oscar', contactId: handled.contact.id, status: 'answered', csat: 5 });
      sam.link.online = true;
      oscar.link.online = true;
      await sam.sync();
      await oscar.sync();
      expect(await sam.db.rejections.get(planned)).toBeUndefined();
      expect(await sam.db.rejections.get(samSurvey)).toBeUndefined();
      expect(await getRow(testHub.hub.storage, 'followUp', 'fu-part-plan')).toMatchObject({ ownerId: AVA, createdBy: 'usr_sam' });
      expect(await getRow(testHub.hub.storage, 'survey', 'srv-part-sam')).toMatchObject({ agentId: AVA, csat: 3 });
      expect(await oscar.db.rejections.get(oscarSurvey)).toMatchObject({
        code: 'forbidden',
        message: 'This contact was handled by Ava Thompson: only Ava or a supervisor of Ava’s team can record its survey.',
      });
      expect(await getRow(testHub.hub.storage, 'survey', 'srv-part-oscar')).toBeUndefined();
    });

    it.skipIf(skip)('the hub refuses a reply on a contact that is not in a queue, whatever a desktop let through', async () => {
      const history = handledBy('part-reply', AVA, null);
      await importRows(testHub.hub.storage, [...history.rows.slice(0, 1), entry('contact', { ...history.contact, channel: 'email' })]);
      expect(await pushStraight('owner', 'contact.reply', { id: 'reply-part', contactId: history.contact.id, body: 'Following up on your email.' })).toEqual({
        status: 'rejected',
        code: 'forbidden',
        message: 'Replies go on a contact taken from a queue; this one is not in a queue.',
      });
    });
  });

  it.skipIf(skip)('every desktop ends with exactly the hub’s rows for what it holds', async () => {
    // Not Sam's and Oscar's: rows were taken out of their caches by hand above.
    for (const actor of ['owner', 'teammate', 'otherAgent', 'admin'] as const) {
      await desktops[actor].sync();
      await expectConverged(testHub.hub, desktops[actor]);
    }
  });
});
