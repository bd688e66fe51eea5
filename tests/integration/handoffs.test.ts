/**
 * A contact that needs someone else, through a real hub on PGlite and on
 * PostgreSQL, made on the desktops of the people involved: escalation seen by
 * the supervisor, transfer to a named agent with a note read first, a named
 * transfer declined or not answered (back to the queue, the sender told), a
 * transfer to someone who went offline (refused in words), two supervisors
 * moving one contact, take-over and advice, @mentions, and a supervisor
 * setting someone's presence. Every desktop ends as the hub says.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { newPresence, type Notification, type Presence } from '@core/domain/model';
import type { MutationInput, MutationName } from '@core/sync/mutations';
import { runOfferPass } from '../../hub/routing';
import { getRow } from '../../hub/sync/store';
import { expectConverged } from '../helpers/convergence';
import { hubPerFile } from '../helpers/hub-per-file';
import { storageTargets } from '../helpers/storage-targets';
import { type Desktop } from '../helpers/sync-harness';
import { contact, customer, PASSWORD, smallWorld, user, waiting } from '../helpers/world';

const targets = await storageTargets();
const NAMES = ['ava', 'ben', 'sam', 'mia', 'olga'] as const;
type Name = (typeof NAMES)[number];

/** The small world, a second supervisor of the care team (Mia), and waiting chats for each test (customers 11–19). */
function world() {
  const base = smallWorld();
  const mia = user('mia', 'Mia Laurent', 'supervisor', ['team_care']);
  const entries = [...base.entries, { entity: 'user' as const, row: mia }, { entity: 'presence' as const, row: newPresence(mia.id, Date.now() - 3_600_000) }];
  for (let n = 11; n <= 19; n += 1) {
    const chat = contact(`con_${n}`, `cus_${n}`, Date.now() - 60_000, { queueId: 'q_care', channel: 'chat' });
    entries.push({ entity: 'customer', row: customer(n) }, { entity: 'contact', row: chat }, { entity: 'queueItem', row: waiting(chat, 'q_care') });
  }
  return { entries, accounts: [...base.accounts, { userId: mia.id, username: 'mia', password: PASSWORD }] };
}

describe.each(targets)('hand-overs on $label', (target) => {
  const skip = target.skipReason;
  // Offers run only when a test runs a pass, at the time it chooses.
  const testHub = hubPerFile(target, { world });
  const desk = {} as Record<Name, Desktop>;

  beforeAll(async () => {
    if (skip) return;
    for (const name of NAMES) desk[name] = await testHub.signIn(name);
  });

  const id = (() => {
    let n = 0;
    return (prefix: string) => `${prefix}_${(n += 1)}`;
  })();
  /** A change made on someone's desktop and pushed; answers the hub's refusal message, if any. */
  const change = async <N extends MutationName>(name: Name, mutation: N, args: MutationInput<N>): Promise<string | null> => {
    const made = await desk[name].mutate(mutation, args);
    await desk[name].sync();
    const rejection = await desk[name].db.rejections.get(made);
    return rejection ? rejection.message : null;
  };
  const applied = async <N extends MutationName>(name: Name, mutation: N, args: MutationInput<N>) => expect(await change(name, mutation, args)).toBeNull();
  const syncAll = async () => {
    for (const name of NAMES) await desk[name].sync();
  };
  const presence = async (name: Name, value: Presence) => applied(name, 'presence.set', { presence: value });
  const item = (name: Name, contactId: string) => desk[name].db.queueItems.get(contactId);
  const notifications = async (name: Name): Promise<Notification[]> => (await desk[name].db.notifications.toArray()).filter((row) => row.userId === desk[name].user.id);
  const notificationAbout = async (name: Name, contactId: string, kind: Notification['kind']) =>
    (await notifications(name)).find((row) => row.contactId === contactId && row.kind === kind);

  it.skipIf(skip)('Ava escalates, Sam sees it and transfers the chat to Ben with a note; Ben is offered it and reads the note first', async () => {
    await presence('ava', 'available');
    await presence('ben', 'available');
    await applied('ava', 'contact.claim', { contactId: 'con_11' });
    await applied('ava', 'contact.escalate', { contactId: 'con_11', reason: 'Wants to cancel the whole contract.' });

    await desk.sam.sync();
    expect((await item('sam', 'con_11'))?.escalation).toMatchObject({ byId: 'usr_ava', reason: 'Wants to cancel the whole contract.', state: 'open' });
    await applied('sam', 'contact.transfer', {
      id: id('tr'),
      contactId: 'con_11',
      queueId: 'q_care',
      agentId: 'usr_ben',
      reason: 'Retention offer',
      note: 'Offer the 20% loyalty discount first.',
      fromQueueId: 'q_care',
    });

    await syncAll();
    const offered = await item('ben', 'con_11');
    expect(offered).toMatchObject({ state: 'waiting', offeredTo: 'usr_ben', assigneeId: null, escalation: null });
    expect(offered?.handoff).toMatchObject({ fromId: 'usr_sam', toAgentId: 'usr_ben', reason: 'Retention offer', note: 'Offer the 20% loyalty discount first.' });
    expect((await notificationAbout('ben', 'con_11', 'transfer'))?.text).toBe('Sam transferred a chat to you: Retention offer. Offer the 20% loyalty discount first.');
    // Ava no longer holds it: she is told, and free for the next contact.
    expect((await notificationAbout('ava', 'con_11', 'taken-over'))?.text).toBe('Sam transferred the chat you had to Ben Okafor: Retention offer.');
    expect((await desk.ava.db.presence.get('usr_ava'))?.presence).toBe('available');
    // The timeline keeps the hand-over.
    const note = (await desk.ben.db.contacts.where('[customerId+at]').between(['cus_11', 0], ['cus_11', Infinity]).toArray()).find((row) => row.channel === 'note');
    expect(note?.body).toBe('Transferred to Ben Okafor: Retention offer.\n\nOffer the 20% loyalty discount first.');
    // Nobody else is told anything.
    expect(await notifications('mia')).toEqual([]);

    await applied('ben', 'contact.claim', { contactId: 'con_11' });
    expect((await getRow(testHub.hub.storage, 'queueItem', 'con_11'))?.assigneeId).toBe('usr_ben');
  });

  it.skipIf(skip)('a named transfer declined, or not answered in time, goes back to the queue and whoever sent it is told', async () => {
    await presence('ava', 'available');
    await presence('ben', 'available');
    await applied('ava', 'contact.claim', { contactId: 'con_12' });
    await applied('ava', 'contact.transfer', { id: id('tr'), contactId: 'con_12', queueId: 'q_care', agentId: 'usr_ben', reason: 'Knows the case', fromQueueId: 'q_care' });
    await desk.ben.sync();
    await applied('ben', 'contact.decline', { contactId: 'con_12' });
    await desk.ava.sync();
    expect((await notificationAbout('ava', 'con_12', 'transfer-returned'))?.text).toBe('Ben declined the chat you transferred: it is waiting in its queue again.');
    expect(await getRow(testHub.hub.storage, 'queueItem', 'con_12')).toMatchObject({ state: 'waiting', offeredTo: null, declinedBy: ['usr_ben'], handoff: { toAgentId: null, reason: 'Knows the case' } });

    await applied('ava', 'contact.claim', { contactId: 'con_13' });
    await applied('ava', 'contact.transfer', { id: id('tr'), contactId: 'con_13', queueId: 'q_care', agentId: 'usr_ben', reason: 'Knows the case', fromQueueId: 'q_care' });
    const sentAt = (await getRow(testHub.hub.storage, 'queueItem', 'con_13'))!.offeredAt!;
    // Ben does not answer: the next pass after the offer's time is up gives it back (and offers it on).
    const pass = await runOfferPass(testHub.hub.storage, sentAt + 60_000, { ttlMs: 30_000 });
    expect(pass.returned).toEqual([{ itemId: 'con_13', agentId: 'usr_ben', fromId: 'usr_ava', handoffAt: sentAt, why: 'expired' }]);
    await desk.ava.sync();
    expect((await notificationAbout('ava', 'con_13', 'transfer-returned'))?.text).toBe('Ben did not take the chat you transferred in time: it is waiting in the Care queue again.');
    expect((await getRow(testHub.hub.storage, 'queueItem', 'con_13'))?.handoff?.toAgentId).toBeNull();
  });

  it.skipIf(skip)('a transfer to someone who went offline meanwhile is refused in words, and the contact stays with the sender', async () => {
    await presence('ava', 'available');
    await presence('ben', 'available');
    await applied('ava', 'contact.claim', { contactId: 'con_14' });
    // Ava's desktop does not hold Ben's presence (an agent's goes to their supervisors): it takes the transfer.
    const made = await desk.ava.mutate('contact.transfer', { id: id('tr'), contactId: 'con_14', queueId: 'q_care', agentId: 'usr_ben', reason: 'Knows the case', fromQueueId: 'q_care' });
    expect((await item('ava', 'con_14'))?.offeredTo).toBe('usr_ben');
    await presence('ben', 'offline');
    await desk.ava.sync();
    expect(await desk.ava.db.rejections.get(made)).toMatchObject({ code: 'unavailable', message: 'Ben is offline: the contact was not transferred. Choose someone available, or a queue.' });
    expect(await item('ava', 'con_14')).toMatchObject({ state: 'claimed', assigneeId: 'usr_ava', offeredTo: null, handoff: null });
  });

  it.skipIf(skip)('two supervisors move the same waiting contact: the first move stands, the second is refused and says who moved it', async () => {
    await presence('ben', 'available');
    await syncAll();
    // Both look at the same waiting chat; their changes cross.
    const sams = await desk.sam.mutate('contact.transfer', { id: id('tr'), contactId: 'con_15', queueId: 'q_other', reason: 'Belongs to the other team', fromQueueId: 'q_care' });
    const mias = await desk.mia.mutate('contact.transfer', { id: id('tr'), contactId: 'con_15', queueId: 'q_care', agentId: 'usr_ben', reason: 'Ben knows them', fromQueueId: 'q_care' });
    await desk.sam.sync();
    await desk.mia.sync();
    expect(await desk.sam.db.rejections.get(sams)).toBeUndefined();
    expect(await desk.mia.db.rejections.get(mias)).toMatchObject({ code: 'invalid_state', message: 'Sam moved this contact to the Other queue meanwhile: look again before moving it.' });
    expect(await getRow(testHub.hub.storage, 'queueItem', 'con_15')).toMatchObject({ queueId: 'q_other', offeredTo: null, handoff: { fromId: 'usr_sam', fromQueueId: 'q_care' } });
    // The other team's queue now holds it: Olga's desktop has it.
    await desk.olga.sync();
    expect((await item('olga', 'con_15'))?.queueId).toBe('q_other');
  });

  it.skipIf(skip)('Sam takes over an escalated contact, or answers with advice; Ava is told either way', async () => {
    await presence('ava', 'available');
    await applied('ava', 'contact.claim', { contactId: 'con_16' });
    await applied('ava', 'contact.escalate', { contactId: 'con_16', reason: 'Asks for a manager.' });
    await desk.sam.sync();
    await applied('sam', 'contact.takeOver', { id: id('tk'), contactId: 'con_16' });
    await desk.ava.sync();
    expect((await notificationAbout('ava', 'con_16', 'taken-over'))?.text).toBe('Sam took over the chat: it is theirs now.');
    expect(await getRow(testHub.hub.storage, 'queueItem', 'con_16')).toMatchObject({ assigneeId: 'usr_sam', escalation: { state: 'taken', supervisorId: 'usr_sam' } });
    expect((await desk.ava.db.presence.get('usr_ava'))?.presence).toBe('available');

    await applied('ava', 'contact.claim', { contactId: 'con_17' });
    await applied('ava', 'contact.escalate', { contactId: 'con_17', reason: 'Is the credit allowed?' });
    await desk.sam.sync();
    await applied('sam', 'contact.advise', { id: id('adv'), contactId: 'con_17', body: 'Yes, up to 20 pounds.' });
    await desk.ava.sync();
    expect((await notificationAbout('ava', 'con_17', 'advice'))?.text).toBe('Sam advises: Yes, up to 20 pounds.');
    expect(await item('ava', 'con_17')).toMatchObject({ assigneeId: 'usr_ava', escalation: { state: 'advised', supervisorId: 'usr_sam' } });
    // Only the team's supervisors answer escalations.
    expect(await desk.ben.tryMutate('contact.advise', { id: id('adv'), contactId: 'con_17', body: 'Just do it.' })).toMatchObject({ message: 'Only a supervisor of its team answers an escalation.' });
  });

  it.skipIf(skip)('Ava asks Ben in with an @mention: Ben is notified, can open the customer, and reads it once on the hub', async () => {
    const noteId = id('note');
    await applied('ava', 'contact.addNote', { id: noteId, customerId: 'cus_18', parentId: 'con_18', body: '@Ben have you seen this router fault before?', mentions: ['usr_ben'] });
    await desk.ben.sync();
    const mention = await notificationAbout('ben', 'con_18', 'mention');
    expect(mention).toMatchObject({ fromId: 'usr_ava', customerId: 'cus_18', readAt: null, text: 'Ava mentioned you about First18 Last18: @Ben have you seen this router fault before?' });
    expect((await desk.ben.db.contacts.get(noteId))?.mentions).toEqual(['usr_ben']);
    await applied('ben', 'notification.read', { ids: [mention!.id] });
    expect((await getRow(testHub.hub.storage, 'notification', mention!.id))?.readAt).not.toBeNull();
    // Mentioning someone who does not exist is refused.
    expect(await change('ava', 'contact.addNote', { id: id('note'), customerId: 'cus_18', body: 'Hello @nobody', mentions: ['usr_nobody'] })).toBe('No person with id usr_nobody to mention.');
  });

  it.skipIf(skip)('Sam sets Ava away from the floor view: she is told, and an agent cannot do the same', async () => {
    await presence('ava', 'available');
    await desk.sam.sync();
    await applied('sam', 'presence.setFor', { id: id('ps'), userId: 'usr_ava', presence: 'away' });
    await desk.ava.sync();
    expect((await desk.ava.db.presence.get('usr_ava'))?.presence).toBe('away');
    expect((await notifications('ava')).find((row) => row.kind === 'presence')?.text).toBe('Sam set you to away.');
    const refused = await desk.ben.tryMutate('presence.setFor', { id: id('ps'), userId: 'usr_ava', presence: 'available' });
    expect(refused).toMatchObject({ message: "Only supervisors can set someone else's presence." });
  });

  it.skipIf(skip)('every desktop ends holding what the hub says it should', async () => {
    await syncAll();
    for (const name of NAMES) await expectConverged(testHub.hub, desk[name]);
  });
});
