/**
 * Rows are built by factories, not copied literals: a new customer, contact,
 * queue item and follow-up each come from one function in the domain, which
 * fills in what a fresh row has. Each row passes its schema, keeps the fields
 * given, and lists its fields in the schema's order (the same bytes as the
 * literals the factories replaced, which seeded demo data relies on).
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  ContactSchema,
  CustomerSchema,
  DEFAULT_PRIORITY,
  FollowUpSchema,
  QueueItemSchema,
  newContact,
  newCustomer,
  newFollowUp,
  newQueueItem,
  type Queue,
} from '@core/domain/model';

const T0 = Date.UTC(2026, 10, 2, 9, 0, 0);

/** The row parses to itself (nothing left to a schema default) and its keys are in the schema's order. */
function expectSchemaRow(schema: z.ZodObject<z.ZodRawShape>, row: object): void {
  expect(schema.parse(row)).toEqual(row);
  // Optional fields (a system note's message) are absent from rows made by the factories.
  expect(Object.keys(row)).toEqual(Object.keys(schema.shape).filter((key) => !(schema.shape[key] instanceof z.ZodOptional)));
}

describe('newCustomer', () => {
  it('fills in what a new customer starts with', () => {
    const row = newCustomer({ id: 'cus_1', firstName: 'Jane', preferredChannel: 'chat', createdAt: T0 });
    expectSchemaRow(CustomerSchema, row);
    expect(row).toEqual({
      id: 'cus_1',
      firstName: 'Jane',
      lastName: '',
      company: null,
      emails: [],
      phones: [],
      tier: 'standard',
      language: 'en-GB',
      timeZone: 'Europe/London',
      region: null,
      quietHours: null,
      preferredChannel: 'chat',
      tags: [],
      attributes: {},
      currency: null,
      createdAt: T0,
      updatedAt: T0,
      mergedInto: null,
      merge: null,
    });
  });

  it('keeps every field given, in the schema order', () => {
    const row = newCustomer({
      attributes: { plan: 'Fibre 500' },
      tier: 'vip',
      id: 'cus_2',
      firstName: 'Amélie',
      lastName: 'Durand',
      emails: ['amelie@example.fr'],
      phones: ['+33612345678'],
      language: 'fr-FR',
      timeZone: 'Europe/Paris',
      quietHours: { start: '21:00', end: '08:00' },
      preferredChannel: 'sms',
      createdAt: T0 - 1000,
      updatedAt: T0,
    });
    expectSchemaRow(CustomerSchema, row);
    expect(row).toMatchObject({ id: 'cus_2', lastName: 'Durand', tier: 'vip', language: 'fr-FR', quietHours: { start: '21:00', end: '08:00' }, createdAt: T0 - 1000, updatedAt: T0 });
  });
});

describe('newContact', () => {
  it('fills in what a new contact has: nothing of a queue, an agent or a wrap-up', () => {
    const row = newContact({ id: 'con_1', customerId: 'cus_1', channel: 'email', direction: 'inbound', body: 'Hello', at: T0 });
    expectSchemaRow(ContactSchema, row);
    expect(row).toEqual({
      id: 'con_1',
      customerId: 'cus_1',
      channel: 'email',
      direction: 'inbound',
      subject: '',
      body: 'Hello',
      address: null,
      at: T0,
      endedAt: null,
      queueId: null,
      agentId: null,
      topic: null,
      disposition: null,
      resolution: null,
      sentiment: null,
      summary: null,
      parentId: null,
      scriptId: null,
      scriptVersion: null,
      adherence: null,
      gesture: null,
      promise: null,
      acwSeconds: null,
      mentions: [],
    });
  });

  it('keeps every field given, in the schema order', () => {
    const row = newContact({
      acwSeconds: 40,
      topic: 'billing',
      id: 'con_2',
      customerId: 'cus_1',
      channel: 'call',
      direction: 'outbound',
      subject: 'Call back',
      body: 'Called back.',
      address: '+447700900001',
      at: T0,
      endedAt: T0 + 60_000,
      queueId: 'q_care',
      agentId: 'usr_ava',
      resolution: 'resolved',
      sentiment: 0.4,
    });
    expectSchemaRow(ContactSchema, row);
    expect(row).toMatchObject({ subject: 'Call back', address: '+447700900001', endedAt: T0 + 60_000, queueId: 'q_care', agentId: 'usr_ava', topic: 'billing', resolution: 'resolved', acwSeconds: 40 });
  });
});

describe('newQueueItem', () => {
  const queue: Queue = { id: 'q_billing', name: 'Billing', teamId: 'team_care', channels: ['chat'], topics: ['billing'], slaSeconds: 600, skills: ['billing'] };
  const contact = newContact({ id: 'con_1', customerId: 'cus_1', channel: 'chat', direction: 'inbound', body: 'Charged twice', at: T0, queueId: queue.id, topic: 'billing' });

  it('puts the contact in the queue, waiting, due within the queue’s SLA, needing its skills', () => {
    const row = newQueueItem(contact, queue);
    expectSchemaRow(QueueItemSchema, row);
    expect(row).toEqual({
      id: 'con_1',
      contactId: 'con_1',
      customerId: 'cus_1',
      queueId: 'q_billing',
      channel: 'chat',
      priority: DEFAULT_PRIORITY,
      enqueuedAt: T0,
      slaDueAt: T0 + 600_000,
      state: 'waiting',
      assigneeId: null,
      claimedAt: null,
      doneAt: null,
      topic: 'billing',
      skills: ['billing'],
      offeredTo: null,
      offeredAt: null,
      declinedBy: [],
      wrapUpAt: null,
      handoff: null,
      escalation: null,
    });
    expect(DEFAULT_PRIORITY).toBe(3);
    // Its own copy of the skills: the queue's list is not shared.
    expect(row.skills).not.toBe(queue.skills);
  });

  it('takes a priority and the state of a claimed or handled item', () => {
    const row = newQueueItem(contact, queue, { priority: 1, state: 'done', assigneeId: 'usr_ava', claimedAt: T0 + 1000, doneAt: T0 + 9000, wrapUpAt: T0 + 8000 });
    expectSchemaRow(QueueItemSchema, row);
    expect(row).toMatchObject({ id: 'con_1', priority: 1, state: 'done', assigneeId: 'usr_ava', claimedAt: T0 + 1000, doneAt: T0 + 9000, wrapUpAt: T0 + 8000, slaDueAt: T0 + 600_000 });
  });
});

describe('newFollowUp', () => {
  const required = { id: 'fu_1', customerId: 'cus_1', kind: 'callback', channel: 'call', dueAt: T0 + 3_600_000, ownerId: 'usr_ava', createdAt: T0, createdBy: 'usr_sam' } as const;

  it('fills in what a newly planned follow-up has: scheduled, by hand, nothing done yet', () => {
    const row = newFollowUp(required);
    expectSchemaRow(FollowUpSchema, row);
    expect(row).toEqual({
      id: 'fu_1',
      customerId: 'cus_1',
      contactId: null,
      kind: 'callback',
      channel: 'call',
      dueAt: T0 + 3_600_000,
      ownerId: 'usr_ava',
      state: 'scheduled',
      reason: '',
      outcome: null,
      note: '',
      createdAt: T0,
      createdBy: 'usr_sam',
      completedAt: null,
      completedBy: null,
      cancelReason: null,
      remindAt: null,
      ruleId: null,
      previousId: null,
      outcomeContactId: null,
    });
  });

  it('keeps every field given, in the schema order', () => {
    const row = newFollowUp({ previousId: 'fu_0', ruleId: 'chain', ...required, contactId: 'con_1', reason: 'Check the refund arrived', note: 'Ask for Jane' });
    expectSchemaRow(FollowUpSchema, row);
    expect(row).toMatchObject({ contactId: 'con_1', reason: 'Check the refund arrived', note: 'Ask for Jane', ruleId: 'chain', previousId: 'fu_0', state: 'scheduled' });
  });
});
