/**
 * Follow-ups through a real hub on 127.0.0.1, on PGlite and on PostgreSQL:
 * planned offline by one agent, reassigned by a supervisor, completed by
 * another agent with an outcome, a satisfaction score and the next one
 * chained, converging everywhere; and the changes the planner refuses, each
 * with a message that says why, on the desktop and on the hub.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION, PushResponseSchema } from '@core/sync/protocol';
import { MutationRefused } from '@core/sync/local';
import { expectConverged } from '../helpers/convergence';
import { hubPerFile } from '../helpers/hub-per-file';
import { storageTargets } from '../helpers/storage-targets';

const HOUR = 3_600_000;
const targets = await storageTargets();

describe.each(targets)('follow-ups on $label', (target) => {
  const skip = target.skipReason;
  const testHub = hubPerFile(target);
  const { signIn } = testHub;

  it.skipIf(skip)('planned offline by Ava, reassigned by Sam to Ben, completed by Ben: everyone converges on the outcome', async () => {
    const ava = await signIn('ava');
    const sam = await signIn('sam');
    const ben = await signIn('ben');

    // Ava is offline for two hours; she planned a callback for one hour into that time.
    ava.link.online = false;
    const plannedAt = Date.now() - 2 * HOUR;
    await ava.mutate(
      'followUp.schedule',
      { id: 'fu-offline', customerId: 'cus_1', contactId: 'con_1', kind: 'callback', channel: 'call', dueAt: plannedAt + HOUR, reason: 'Confirm the refund landed' },
      plannedAt,
    );
    await expect(ava.sync()).rejects.toThrow(/cannot be reached/);
    expect(await ava.pending()).toBe(1);

    // Back online: the hub judges "in the past" by when she planned it, not by when it arrived.
    ava.link.online = true;
    await ava.sync();
    expect(await ava.pending()).toBe(0);
    expect(await ava.db.rejections.count()).toBe(0);

    // Sam supervises Ava's team: the follow-up reaches him, and he gives it to Ben.
    await sam.sync();
    expect(await sam.db.followUps.get('fu-offline')).toMatchObject({ ownerId: 'usr_ava', state: 'scheduled', createdBy: 'usr_ava' });
    await sam.mutate('followUp.reassign', { id: 'fu-offline', ownerId: 'usr_ben' });
    await sam.sync();

    // Ben gets it with the customer's history; Ava can no longer do it.
    await ben.sync();
    expect(await ben.db.followUps.get('fu-offline')).toMatchObject({ ownerId: 'usr_ben', state: 'scheduled' });
    expect(await ben.db.customers.get('cus_1')).toBeDefined();
    await ava.sync();
    const refused = await ava.tryMutate('followUp.complete', { id: 'fu-offline', outcome: 'reached', outcomeContactId: 'fuo-ava' });
    expect(refused).toBeInstanceOf(MutationRefused);
    expect((refused as MutationRefused).message).toBe('This follow-up belongs to Ben.');

    // Ben calls, the customer wants another call after the weekend, and rates the help 4 of 5.
    const nextDue = Date.now() + 72 * HOUR;
    await ben.mutate('followUp.complete', {
      id: 'fu-offline',
      outcome: 'needs-another',
      note: 'Refund is there; customer wants us to check the next bill too.',
      outcomeContactId: 'fuo-ben',
      survey: { id: 'srv-fu-ben', csat: 4 },
      next: { id: 'fu-chained', kind: 'check-in', channel: 'call', dueAt: nextDue, reason: 'Check the next bill is right' },
    });
    await ben.sync();
    for (const desktop of [ava, sam]) await desktop.sync();

    for (const desktop of [ava, sam, ben]) {
      expect(await desktop.db.followUps.get('fu-offline')).toMatchObject({
        state: 'done',
        outcome: 'needs-another',
        completedBy: 'usr_ben',
        outcomeContactId: 'fuo-ben',
      });
      // The outcome is in the customer's timeline, on the follow-up's channel, pointing at the contact it followed up.
      expect(await desktop.db.contacts.get('fuo-ben')).toMatchObject({
        customerId: 'cus_1',
        channel: 'call',
        direction: 'outbound',
        subject: 'Callback: needs another follow-up',
        body: 'Refund is there; customer wants us to check the next bill too.',
        parentId: 'con_1',
        agentId: 'usr_ben',
      });
      expect(await desktop.db.surveys.get('srv-fu-ben')).toMatchObject({ contactId: 'fuo-ben', customerId: 'cus_1', csat: 4, status: 'answered' });
    }
    expect(await ben.db.followUps.get('fu-chained')).toMatchObject({
      ownerId: 'usr_ben',
      state: 'scheduled',
      dueAt: nextDue,
      previousId: 'fu-offline',
      ruleId: 'chain',
      kind: 'check-in',
    });
    for (const desktop of [ava, sam, ben]) await expectConverged(testHub.hub, desktop);
  });

  it.skipIf(skip)('refuses, with a clear message, what cannot be planned, on the desktop and again on the hub', async () => {
    const ava = await signIn('ava');
    const now = Date.now();
    const refusal = async (promise: Promise<MutationRefused | number>) => {
      const result = await promise;
      expect(result).toBeInstanceOf(MutationRefused);
      return (result as MutationRefused).message;
    };

    expect(await refusal(ava.tryMutate('followUp.schedule', { id: 'fu-past', customerId: 'cus_1', kind: 'callback', channel: 'call', dueAt: now - 2 * HOUR }))).toMatch(
      /^The due time is in the past \(.+ UTC\)\. Pick a time from now on\.$/,
    );
    expect(await refusal(ava.tryMutate('followUp.schedule', { id: 'fu-nobody', customerId: 'cus_404', kind: 'callback', channel: 'call', dueAt: now + HOUR }))).toBe(
      'No customer with id cus_404: a follow-up needs a known customer.',
    );
    expect(await refusal(ava.tryMutate('followUp.schedule', { id: 'fu-other', customerId: 'cus_1', kind: 'callback', channel: 'call', dueAt: now + HOUR, ownerId: 'usr_ben' }))).toBe(
      'Only supervisors can plan follow-ups for someone else.',
    );

    await ava.mutate('followUp.schedule', { id: 'fu-done', customerId: 'cus_1', kind: 'callback', channel: 'call', dueAt: now + HOUR });
    expect(await refusal(ava.tryMutate('followUp.reassign', { id: 'fu-done', ownerId: 'usr_ben' }))).toBe('Only supervisors can reassign follow-ups.');
    expect(await refusal(ava.tryMutate('followUp.snooze', { id: 'fu-done', until: now - HOUR }))).toBe('Snooze until a time that is still to come.');
    expect(await refusal(ava.tryMutate('followUp.reschedule', { id: 'fu-done', dueAt: now - 3 * HOUR }))).toMatch(/^The new due time is in the past/);
    await ava.mutate('followUp.complete', { id: 'fu-done', outcome: 'resolved', note: 'All sorted.', outcomeContactId: 'fuo-done' });
    expect(await refusal(ava.tryMutate('followUp.reschedule', { id: 'fu-done', dueAt: now + 5 * HOUR }))).toBe(
      'This follow-up was already completed; it cannot be rescheduled.',
    );
    expect(await refusal(ava.tryMutate('followUp.cancel', { id: 'fu-done', reason: 'Not needed' }))).toBe('This follow-up was already completed; it cannot be cancelled.');

    // Arguments a form should never send are refused before anything is stored.
    await expect(ava.mutate('followUp.complete', { id: 'fu-x', outcome: 'needs-another', outcomeContactId: 'fuo-x' })).rejects.toThrow(/needs the next one planned/);
    await expect(ava.mutate('followUp.cancel', { id: 'fu-done', reason: '  ' })).rejects.toThrow(/say why it is cancelled/);
    await ava.sync();
    expect(await ava.db.rejections.count()).toBe(0);

    // The hub applies the same rules to whatever reaches it, whatever the desktop thought.
    const clientId = randomUUID();
    const mutation = (id: number, name: string, args: unknown, at = Date.now()) => ({ id, name, args, at });
    const response = await fetch(`${testHub.hub.url}/sync/push`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${ava.token}` },
      body: JSON.stringify({
        clientId,
        schemaVersion: PROTOCOL_VERSION,
        mutations: [
          mutation(1, 'followUp.schedule', { id: 'fu-hub-past', customerId: 'cus_1', kind: 'callback', channel: 'call', dueAt: now - 3 * HOUR }),
          mutation(2, 'followUp.schedule', { id: 'fu-hub-nobody', customerId: 'cus_404', kind: 'callback', channel: 'call', dueAt: now + HOUR }),
          mutation(3, 'followUp.reschedule', { id: 'fu-done', dueAt: now + 6 * HOUR }),
          // A desktop whose clock runs a day ahead cannot push "the past" forward: the hub caps when it was made.
          mutation(4, 'followUp.schedule', { id: 'fu-hub-skew', customerId: 'cus_1', kind: 'callback', channel: 'call', dueAt: now + HOUR }, now + 25 * HOUR),
        ],
      }),
    });
    expect(response.status).toBe(200);
    const { results } = PushResponseSchema.parse(await response.json());
    expect(results.map((result) => (result.status === 'rejected' ? `${result.code}: ${result.message}` : result.status))).toEqual([
      expect.stringMatching(/^invalid: The due time is in the past/),
      'not_found: No customer with id cus_404: a follow-up needs a known customer.',
      'already_completed: This follow-up was already completed; it cannot be rescheduled.',
      'applied',
    ]);
    const stored = await testHub.hub.storage.query<{ n: number }>("SELECT count(*) AS n FROM entities WHERE entity = 'followUp' AND id IN ('fu-hub-past', 'fu-hub-nobody')");
    expect(Number(stored[0]!.n)).toBe(0);
  });
});
