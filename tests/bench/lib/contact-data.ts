/**
 * Data for the contact-centre benchmarks, put into a demo hub through its
 * normal write path (hub/import.ts importRows: validation, versions, scope),
 * and the HTTP calls an integration or another desktop would make.
 *
 * The rows are the demo set's own contacts (every channel, notes, outbound
 * replies, dispositions, sentiment…), copied with new ids, customers and
 * times: the texts and the channel mix are the generator's, only the volume
 * is the benchmark's.
 */
import { newQueueItem, type Contact, type Customer, type Queue, type QueueItem } from '@core/domain/model';
import { chooseQueue, priorityFor } from '@core/routing';
import { Rng } from '@core/demo/random';
import { parseEntityRow, type EntityName, type EntityRow } from '@core/sync/entities';
import { PROTOCOL_VERSION } from '@core/sync/protocol';
import { importRows, type ImportEntry } from '../../../hub/import';
import type { RunningHub } from '../../../hub/server';

const MINUTE = 60_000;
const DAY = 86_400_000;

export const INTEGRATION_KEY = 'demo-integration-key';

export async function rowsOf<E extends EntityName>(hub: RunningHub, entity: E): Promise<EntityRow<E>[]> {
  const rows = await hub.storage.query<{ data: unknown }>('SELECT data FROM entities WHERE entity = $1 AND NOT deleted ORDER BY id', [entity]);
  return rows.map((row) => parseEntityRow(entity, row.data));
}

export async function teamQueues(hub: RunningHub, teamId: string): Promise<Queue[]> {
  return (await rowsOf(hub, 'queue')).filter((queue) => queue.teamId === teamId);
}

/** Waiting queue items in a team's queues. */
export async function waitingIn(hub: RunningHub, teamId: string): Promise<QueueItem[]> {
  const queueIds = new Set((await teamQueues(hub, teamId)).map((queue) => queue.id));
  const rows = await hub.storage.query<{ data: unknown }>("SELECT data FROM entities WHERE entity = 'queueItem' AND NOT deleted AND data->>'state' = 'waiting'");
  return rows.map((row) => parseEntityRow('queueItem', row.data)).filter((item) => queueIds.has(item.queueId));
}

/** Customers in a person's scope by number of contacts (ascending). */
export async function customersByHistory(hub: RunningHub, userId: string): Promise<{ id: string; n: number }[]> {
  const rows = await hub.storage.query<{ id: string; n: number }>(
    `SELECT s.customer_id AS id, count(e.id) AS n FROM user_scope s
       LEFT JOIN entities e ON e.customer_id = s.customer_id AND e.entity = 'contact' AND NOT e.deleted
      WHERE s.user_id = $1 GROUP BY 1 ORDER BY 2, 1`,
    [userId],
  );
  return rows.map((row) => ({ id: row.id, n: Number(row.n) }));
}

/** Rows the person's first sync brings: the directory, and every row of the customers in their scope. */
export async function scopeRows(hub: RunningHub, userId: string): Promise<number> {
  const rows = await hub.storage.query<{ n: number }>(
    `SELECT (SELECT count(*) FROM entities WHERE customer_id IS NULL AND NOT deleted)
          + (SELECT count(*) FROM user_scope s JOIN entities e ON e.customer_id = s.customer_id WHERE s.user_id = $1 AND NOT e.deleted) AS n`,
    [userId],
  );
  return Number(rows[0]?.n ?? 0);
}

/** A copy of a demo contact with a new id, customer and time; what referred to other rows is cleared. */
function copyOf(template: Contact, fields: { id: string; customerId: string; at: number }): Contact {
  const duration = template.endedAt === null ? null : template.endedAt - template.at;
  return {
    ...template,
    ...fields,
    endedAt: duration === null ? null : fields.at + duration,
    parentId: null,
  };
}

/** A contact waiting in a queue now, and its queue item, as ingestion writes them. */
function waiting(template: Contact, customer: Customer, queue: Queue, id: string, at: number, topic: string): { contact: Contact; item: QueueItem } {
  const contact: Contact = {
    ...copyOf(template, { id, customerId: customer.id, at }),
    direction: 'inbound',
    endedAt: null,
    queueId: queue.id,
    agentId: null,
    topic,
    disposition: null,
    resolution: null,
    summary: null,
    scriptId: null,
    scriptVersion: null,
    adherence: null,
    gesture: null,
    promise: null,
    acwSeconds: null,
  };
  const item = newQueueItem(contact, queue, { priority: priorityFor({ tier: customer.tier, requested: null, channel: template.channel }) });
  return { contact, item };
}

/** Inbound demo contacts on a reachable channel whose topic routes to one of these queues. */
function inboundTemplates(contacts: readonly Contact[], queues: readonly Queue[]): { template: Contact; queue: Queue; topic: string }[] {
  return contacts.flatMap((template) => {
    if (template.direction !== 'inbound' || template.channel === 'note') return [];
    const topic = template.topic ?? 'general';
    const queue = chooseQueue(queues, { channel: template.channel, topic });
    return queue ? [{ template, queue, topic }] : [];
  });
}

export interface LongHistory {
  customer: Customer;
  contacts: number;
  channels: Record<string, number>;
  /** The newest contact: waiting in one of the team's queues (which brings the customer into the team's scope). */
  waitingId: string;
}

/**
 * A business customer with `count` contacts over two years (the demo's
 * contacts of every kind, copied), the newest of them waiting in one of the
 * team's queues now.
 */
export async function importLongHistory(hub: RunningHub, count: number, teamId: string, now = Date.now()): Promise<LongHistory> {
  const rng = new Rng(5000);
  const contacts = await rowsOf(hub, 'contact');
  const queues = await teamQueues(hub, teamId);
  const model = (await rowsOf(hub, 'customer')).find((customer) => customer.company !== null) ?? (await rowsOf(hub, 'customer'))[0]!;
  const customer: Customer = {
    ...model,
    id: 'cus_bench_long_history',
    firstName: 'Harriet',
    lastName: 'Longacre',
    company: 'Longacre Freight Ltd',
    emails: ['harriet.longacre@longacre-freight.example.com'],
    phones: model.phones.map((phone) => `${phone.slice(0, -4)}7319`),
    tier: 'gold',
    createdAt: now - 3 * 365 * DAY,
    updatedAt: now - 30 * DAY,
  };
  const history = count - 1;
  const times = Array.from({ length: history }, () => now - 45 * MINUTE - Math.floor(rng.next() * 730 * DAY)).sort((a, b) => a - b);
  const entries: ImportEntry[] = [{ entity: 'customer', row: customer }];
  const channels: Record<string, number> = {};
  times.forEach((at, index) => {
    const template = contacts[(index * 7919) % contacts.length]!;
    channels[template.channel] = (channels[template.channel] ?? 0) + 1;
    entries.push({ entity: 'contact', row: copyOf(template, { id: `con_bench_long_${index}`, customerId: customer.id, at }) });
  });
  const inbound = inboundTemplates(contacts, queues);
  const pick = inbound[Math.floor(rng.next() * inbound.length)]!;
  const open = waiting(pick.template, customer, pick.queue, 'con_bench_long_waiting', now - 4 * MINUTE, pick.topic);
  channels[open.contact.channel] = (channels[open.contact.channel] ?? 0) + 1;
  entries.push({ entity: 'contact', row: open.contact }, { entity: 'queueItem', row: open.item });
  await importRows(hub.storage, entries);
  return { customer, contacts: count, channels, waitingId: open.item.id };
}

/**
 * `count` contacts waiting now in the team's queues (enqueued over the last
 * 40 minutes, some past their SLA), from the demo's customers except
 * `exclude`, with the demo's inbound texts on every reachable channel.
 */
export async function importBacklog(hub: RunningHub, count: number, teamId: string, options: { exclude?: readonly string[]; prefix: string; now?: number }): Promise<Record<string, number>> {
  if (count <= 0) return {};
  const now = options.now ?? Date.now();
  const rng = new Rng(2000 + count);
  const exclude = new Set(options.exclude ?? []);
  const customers = (await rowsOf(hub, 'customer')).filter((customer) => !exclude.has(customer.id));
  const templates = inboundTemplates(await rowsOf(hub, 'contact'), await teamQueues(hub, teamId));
  const entries: ImportEntry[] = [];
  const channels: Record<string, number> = {};
  for (let index = 0; index < count; index += 1) {
    const { template, queue, topic } = templates[Math.floor(rng.next() * templates.length)]!;
    const customer = customers[Math.floor(rng.next() * customers.length)]!;
    const at = now - Math.floor(rng.next() * 40 * MINUTE);
    const { contact, item } = waiting(template, customer, queue, `con_bench_${options.prefix}_${index}`, at, topic);
    channels[contact.channel] = (channels[contact.channel] ?? 0) + 1;
    entries.push({ entity: 'contact', row: contact }, { entity: 'queueItem', row: item });
  }
  await importRows(hub.storage, entries);
  return channels;
}

// ------------------------------------------------------------------ HTTP

/** A desktop of one person, pushing mutations with consecutive ids, as the workstation's outbox does. */
export class PushClient {
  private readonly clientId = crypto.randomUUID();
  private nextId = 1;

  constructor(
    private readonly url: string,
    private readonly token: string,
  ) {}

  async push(mutations: { name: string; args: unknown }[]): Promise<{ status: string; message?: string }[]> {
    const results: { status: string; message?: string }[] = [];
    for (let start = 0; start < mutations.length; start += 100) {
      const batch = mutations.slice(start, start + 100).map((mutation) => ({ id: this.nextId++, ...mutation, at: Date.now() }));
      const response = await fetch(`${this.url}/sync/push`, {
        method: 'POST',
        headers: { authorization: `Bearer ${this.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ clientId: this.clientId, schemaVersion: PROTOCOL_VERSION, mutations: batch }),
      });
      const body = (await response.json()) as { results?: { status: string; message?: string }[] };
      if (!response.ok || !body.results) throw new Error(`push answered ${response.status}: ${JSON.stringify(body)}`);
      results.push(...body.results);
    }
    const refused = results.filter((result) => result.status !== 'applied');
    if (refused.length) throw new Error(`the hub refused ${refused.length} of ${results.length} mutations: ${refused[0]?.message ?? refused[0]?.status}`);
    return results;
  }
}

export interface Posted {
  status: number;
  contactId: string;
  offeredTo: string | null;
}

/** Posts a contact as a chat gateway would. */
export async function postContact(url: string, body: Record<string, unknown>): Promise<Posted> {
  const response = await fetch(`${url}/api/v1/contacts`, {
    method: 'POST',
    headers: { authorization: `Bearer ${INTEGRATION_KEY}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const answer = (await response.json()) as { contactId?: string; offeredTo?: string | null };
  if (response.status !== 201 || !answer.contactId) throw new Error(`POST /api/v1/contacts answered ${response.status}: ${JSON.stringify(answer)}`);
  return { status: response.status, contactId: answer.contactId, offeredTo: answer.offeredTo ?? null };
}
