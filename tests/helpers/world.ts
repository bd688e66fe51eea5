/**
 * A small, hand-made world for sync tests: one care team (Ava, Ben, Sam the
 * supervisor) and one other team (Olga), their queues, a few customers with
 * histories, and waiting contacts.
 */
import { newContact, newCustomer, newPresence, newQueueItem, newTeam, newUser, type Contact, type Customer, type Queue, type QueueItem, type Team, type User } from '@core/domain/model';
import type { ImportAccount, ImportEntry } from '../../hub/import';

export const T0 = Date.UTC(2026, 10, 2, 9, 0, 0);
export const PASSWORD = 'correct horse battery';

/** A person of the test worlds: `usr_<username>`, in London. */
export const user = (username: string, name: string, role: User['role'], teamIds: string[], patch: Partial<User> = {}): User =>
  newUser({ id: `usr_${username}`, username, name, role, teamIds, timeZone: 'Europe/London', ...patch });

export const teams: Team[] = [
  newTeam({ id: 'team_care', name: 'Customer Care' }),
  newTeam({ id: 'team_other', name: 'Other Team' }),
];

export const users: User[] = [
  user('ava', 'Ava Thompson', 'agent', ['team_care']),
  user('ben', 'Ben Okafor', 'agent', ['team_care']),
  user('sam', 'Sam Rivera', 'supervisor', ['team_care']),
  user('olga', 'Olga Petrova', 'agent', ['team_other']),
];

export const queues: Queue[] = [
  { id: 'q_care', name: 'Care', teamId: 'team_care', channels: ['call', 'email', 'chat', 'sms', 'social'], topics: [], slaSeconds: 300, skills: [] },
  { id: 'q_other', name: 'Other', teamId: 'team_other', channels: ['email'], topics: [], slaSeconds: 3600, skills: [] },
];

export function customer(n: number, patch: Partial<Customer> = {}): Customer {
  return newCustomer({
    id: `cus_${n}`,
    firstName: `First${n}`,
    lastName: `Last${n}`,
    emails: [`c${n}@example.com`],
    phones: [`+4477009000${String(n).padStart(2, '0')}`],
    preferredChannel: 'email',
    createdAt: T0 - 86_400_000,
    updatedAt: T0 - 86_400_000,
    ...patch,
  });
}

export function contact(id: string, customerId: string, at: number, patch: Partial<Contact> = {}): Contact {
  return newContact({ id, customerId, channel: 'email', direction: 'inbound', subject: `Subject ${id}`, body: `Body of ${id}`, at, topic: 'general', ...patch });
}

/** The contact waiting in `queueId`, due five minutes after it came in whatever the queue's SLA (as the tests expect). */
export function waiting(contactRow: Contact, queueId: string): QueueItem {
  return newQueueItem(contactRow, { id: queueId, slaSeconds: 300, skills: [] });
}

export interface World {
  entries: ImportEntry[];
  accounts: ImportAccount[];
}

/** Care customers 1–4 each have a waiting contact in the care queue; customer 5 only in the other team's queue; 6 in nobody's. */
export function smallWorld(): World {
  const entries: ImportEntry[] = [];
  const push = (entity: ImportEntry['entity'], row: ImportEntry['row']) => entries.push({ entity, row });
  for (const team of teams) push('team', team);
  for (const queue of queues) push('queue', queue);
  for (const u of users) push('user', u);
  for (const u of users) push('presence', newPresence(u.id, T0));
  for (let n = 1; n <= 6; n += 1) push('customer', customer(n));
  for (let n = 1; n <= 4; n += 1) {
    push('contact', contact(`con_old_${n}`, `cus_${n}`, T0 - 3_600_000, { queueId: 'q_care', agentId: 'usr_sam', disposition: 'Information given', resolution: 'resolved' }));
    const live = contact(`con_${n}`, `cus_${n}`, T0 + n * 1000, { queueId: 'q_care', channel: 'chat' });
    push('contact', live);
    push('queueItem', waiting(live, 'q_care'));
  }
  const other = contact('con_5', 'cus_5', T0, { queueId: 'q_other' });
  push('contact', other);
  push('queueItem', waiting(other, 'q_other'));
  return {
    entries,
    accounts: users.map((u) => ({ userId: u.id, username: u.username, password: PASSWORD })),
  };
}
