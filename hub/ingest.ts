/**
 * Ingestion: integrations (telephony, chat, email and social gateways) post
 * inbound contacts. The sender is matched to a customer by phone, email or
 * social handle (or becomes a new customer), the contact is recorded and
 * queued by the routing rules, all in one write transaction, then the offer
 * pass runs and desktops are poked.
 */
import { randomUUID } from 'node:crypto';
import { ZodError } from 'zod';
import { normalizePhone, type ReachableChannel } from '@core/domain/common';
import { CustomerSchema, QueueSchema, newContact, newCustomer, newQueueItem, type Customer, type Queue } from '@core/domain/model';
import {
  type IngestContact,
  type IngestContactResponse,
} from '@core/hub-api';
import { chooseQueue, detectTopic, priorityFor } from '@core/routing';
import { HttpError } from './errors';
import { consoleLog, describeFailure, isTransient, storageAnswers, type FailureLog } from './failures';
import type { Queryable, Storage } from './storage';
import { getRow, lockKeys, writeRow, writeTransaction } from './sync/store';

/** Largest accepted ingestion request (a 20,000-character body is far below it). */
export const INGEST_BODY_LIMIT = 1024 * 1024;
/** How far ahead of the hub's clock `at` may be (clock skew between systems). */
export const MAX_FUTURE_SKEW_MS = 5 * 60_000;

export interface IngestContext {
  /** The hub's clock. */
  now: number;
  /** The integration that posted it (its API key's name). */
  source: string;
  /** Where an unexpected failure is reported (the request's logger); the console when left out. */
  log?: FailureLog;
}

export interface IngestOutcome {
  response: IngestContactResponse;
  /** The queue item written (null for a duplicate). */
  itemId: string | null;
}

type Identifier = 'email' | 'phone' | 'handle';

/** Which of the sender's identifiers to try first: the one the channel speaks. */
const MATCH_ORDER: Record<ReachableChannel, readonly Identifier[]> = {
  call: ['phone', 'email', 'handle'],
  sms: ['phone', 'email', 'handle'],
  email: ['email', 'phone', 'handle'],
  chat: ['email', 'phone', 'handle'],
  social: ['handle', 'email', 'phone'],
};

interface Sender {
  email: string | undefined;
  phone: string | undefined;
  /** With its leading @. */
  handle: string | undefined;
}

function senderOf(input: IngestContact): Sender {
  const handle = input.from.handle;
  return {
    email: input.from.email?.toLowerCase(),
    phone: input.from.phone === undefined ? undefined : normalizePhone(input.from.phone),
    handle: handle === undefined ? undefined : handle.startsWith('@') ? handle : `@${handle}`,
  };
}

const OLDEST_FIRST = "ORDER BY (data->>'createdAt')::bigint, id LIMIT 1";

/** The customer this sender is, by the indexes of migration 0004; the oldest when several match. */
async function findCustomer(db: Queryable, channel: ReachableChannel, sender: Sender): Promise<Customer | null> {
  for (const identifier of MATCH_ORDER[channel]) {
    const value = sender[identifier];
    if (value === undefined) continue;
    let rows: { data: unknown }[];
    if (identifier === 'handle') {
      rows = await db.query(
        `SELECT data FROM entities WHERE entity = 'customer' AND NOT deleted
            AND lower(data->'attributes'->>'socialHandle') = $1 AND data->>'mergedInto' IS NULL ${OLDEST_FIRST}`,
        [value.toLowerCase()],
      );
    } else {
      const field = identifier === 'email' ? 'emails' : 'phones';
      rows = await db.query(
        `SELECT data FROM entities WHERE entity = 'customer' AND NOT deleted AND data->'${field}' @> $1::jsonb AND data->>'mergedInto' IS NULL ${OLDEST_FIRST}`,
        [JSON.stringify([value])],
      );
    }
    if (rows[0]) return CustomerSchema.parse(rows[0].data);
  }
  return null;
}

const capitalise = (word: string) => (word ? word[0]!.toUpperCase() + word.slice(1) : word);

/** A new customer's name: as given, else from the email's local part (jane.doe → Jane Doe), else the handle or number. */
function nameOf(input: IngestContact, sender: Sender): { firstName: string; lastName: string } {
  if (input.name) return { firstName: input.name.firstName, lastName: input.name.lastName };
  if (sender.email) {
    const local = sender.email.split('@')[0] ?? '';
    const words = local
      .split(/[._+-]+/)
      .map((part) => part.replace(/\d+/g, ''))
      .filter(Boolean);
    if (words.length) return { firstName: capitalise(words[0]!).slice(0, 80), lastName: words.slice(1).map(capitalise).join(' ').slice(0, 80) };
    return { firstName: local.slice(0, 80) || 'Unknown', lastName: '' };
  }
  return { firstName: sender.handle ?? sender.phone ?? 'Unknown', lastName: '' };
}

function customerFor(input: IngestContact, sender: Sender, now: number): Customer {
  return CustomerSchema.parse(
    newCustomer({
      id: `cus_${randomUUID()}`,
      ...nameOf(input, sender),
      emails: sender.email ? [sender.email] : [],
      phones: sender.phone ? [sender.phone] : [],
      preferredChannel: input.channel,
      attributes: sender.handle ? { socialHandle: sender.handle } : {},
      createdAt: now,
    }),
  );
}

/** When the contact arrived: `at` (epoch ms or ISO date-time), at most a little ahead of the hub's clock and never after it. */
export function arrivalTime(at: IngestContact['at'], now: number): number {
  if (at === undefined) return now;
  const ms = typeof at === 'number' ? at : Date.parse(at);
  if (!Number.isFinite(ms) || ms < 0) throw new HttpError(400, 'invalid', 'Invalid request: at: is not a valid time.');
  if (ms > now + MAX_FUTURE_SKEW_MS) {
    throw new HttpError(400, 'invalid', `Invalid request: Time is more than 5 minutes ahead of the hub's clock (${new Date(now).toISOString()}) (at).`);
  }
  return Math.min(ms, now);
}

async function duplicateOf(tx: Queryable, externalId: string): Promise<IngestOutcome | null> {
  const rows = await tx.query<{ contact_id: string; customer_created: boolean }>(
    'SELECT contact_id, customer_created FROM ingested_contacts WHERE external_id = $1',
    [externalId],
  );
  const row = rows[0];
  if (!row) return null;
  const contact = await getRow(tx, 'contact', row.contact_id);
  const item = await getRow(tx, 'queueItem', row.contact_id);
  if (!contact) throw new HttpError(409, 'conflict', `externalId ${JSON.stringify(externalId)} was used for a contact that no longer exists.`);
  return {
    itemId: null,
    response: {
      contactId: contact.id,
      customerId: contact.customerId,
      queueId: item?.queueId ?? contact.queueId ?? '',
      customerCreated: row.customer_created,
      offeredTo: item?.offeredTo ?? null,
      topic: contact.topic,
      priority: item?.priority ?? 3,
      duplicate: true,
    },
  };
}

/**
 * Records one inbound contact in one write transaction: the customer (found
 * or created), the contact and its waiting queue item, written with writeRow
 * so the customer enters the scope of the queue's team. A repeated externalId
 * answers with the first contact and writes nothing. No queue for the
 * channel: 422, nothing written. An unexpected failure while the database is
 * healthy is this contact's own: 422 too (a 500 would have the integration
 * retry it for ever), logged without the contact's text.
 */
export async function ingestContact(storage: Storage, input: IngestContact, context: IngestContext): Promise<IngestOutcome> {
  try {
    return await recordContact(storage, input, context);
  } catch (error) {
    if (error instanceof HttpError || error instanceof ZodError || isTransient(error) || !(await storageAnswers(storage))) throw error;
    (context.log ?? consoleLog).error(
      { source: context.source, channel: input.channel, externalId: input.externalId ?? null, err: describeFailure(error) },
      'ingest: a contact failed unexpectedly; answered 422',
    );
    throw new HttpError(
      422,
      'unprocessable',
      'The hub could not record this contact because of an unexpected error (it has been logged); sending it again unchanged will not help. Nothing was written.',
    );
  }
}

async function recordContact(storage: Storage, input: IngestContact, context: IngestContext): Promise<IngestOutcome> {
  const at = arrivalTime(input.at, context.now);
  const sender = senderOf(input);
  return writeTransaction(storage, async (tx) => {
    // Side by side with other writes: contacts with the same external id or from the same sender are recorded one after the other.
    await lockKeys(tx, [
      ...(input.externalId !== undefined ? [`external:${input.externalId}`] : []),
      ...MATCH_ORDER[input.channel].flatMap((identifier) => (sender[identifier] === undefined ? [] : [`${identifier}:${String(sender[identifier]).toLowerCase()}`])),
    ]);
    if (input.externalId !== undefined) {
      const duplicate = await duplicateOf(tx, input.externalId);
      if (duplicate) return duplicate;
    }
    const queues = (await tx.query<{ data: unknown }>("SELECT data FROM entities WHERE entity = 'queue' AND NOT deleted")).map((row) =>
      QueueSchema.parse(row.data),
    );
    const topic = input.topic ?? detectTopic(input.subject, input.body) ?? 'general';
    const queue: Queue | null = chooseQueue(queues, { channel: input.channel, topic });
    if (!queue) {
      throw new HttpError(
        422,
        'no_queue',
        `No queue takes ${input.channel} contacts${queues.some((q) => q.channels.includes(input.channel)) ? ` about ${topic}` : ''}: a supervisor needs to add the channel to a queue (one with no topics takes every topic).`,
      );
    }
    const found = await findCustomer(tx, input.channel, sender);
    const customer = found ?? customerFor(input, sender, context.now);
    if (!found) await writeRow(tx, 'customer', customer);

    const id = `con_${randomUUID()}`;
    const address = MATCH_ORDER[input.channel].map((identifier) => sender[identifier]).find((value) => value !== undefined) ?? null;
    const contact = newContact({
      id,
      customerId: customer.id,
      channel: input.channel,
      direction: 'inbound',
      subject: input.subject,
      body: input.body,
      address,
      at,
      queueId: queue.id,
      topic,
    });
    const priority = priorityFor({ tier: customer.tier, requested: input.priority ?? null, channel: input.channel });
    const item = newQueueItem(contact, queue, { priority });
    await writeRow(tx, 'contact', contact);
    await writeRow(tx, 'queueItem', item);
    if (input.externalId !== undefined) {
      await tx.query('INSERT INTO ingested_contacts (external_id, contact_id, customer_created, api_key_name) VALUES ($1, $2, $3, $4)', [
        input.externalId,
        id,
        !found,
        context.source,
      ]);
    }
    return {
      itemId: id,
      response: { contactId: id, customerId: customer.id, queueId: queue.id, customerCreated: !found, offeredTo: null, topic, priority, duplicate: false },
    };
  }, 'rows');
}
