/** Where an inbound contact goes and where it stands in line. */
import type { Channel } from '../domain/common';
import type { Queue, QueueItem, Tier } from '../domain/model';

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * The queue for a contact: one that takes its channel and lists its topic
 * (the most specific such queue, i.e. the one with fewest topics, then by id);
 * otherwise one that takes the channel and any topic (no topics listed; by id).
 * Null when no queue takes the channel. The order of `queues` does not matter.
 */
export function chooseQueue(queues: readonly Queue[], contact: { channel: Channel; topic: string | null }): Queue | null {
  const forChannel = queues.filter((queue) => queue.channels.includes(contact.channel));
  const { topic } = contact;
  if (topic !== null) {
    const specific = forChannel.filter((queue) => queue.topics.includes(topic));
    if (specific.length) return [...specific].sort((a, b) => a.topics.length - b.topics.length || byId(a, b))[0]!;
  }
  const catchAll = forChannel.filter((queue) => queue.topics.length === 0).sort(byId);
  return catchAll[0] ?? null;
}

/** Channels where the customer is not waiting on the line: one step less urgent. */
const ASYNC_CHANNELS: ReadonlySet<Channel> = new Set(['email', 'sms', 'social']);

/**
 * A contact's priority, 1 (most urgent) to 5. Without a requested priority:
 * VIP 1, gold 2, standard 3, one less urgent on email, SMS and social than on
 * a call or chat (the customer is not holding). A requested priority (from the
 * integration) is taken as it is, except that a VIP is one step more urgent.
 */
export function priorityFor(input: { tier: Tier; requested?: number | null | undefined; channel: Channel }): number {
  const { tier, requested, channel } = input;
  let priority: number;
  if (requested !== undefined && requested !== null) {
    priority = Math.round(requested) - (tier === 'vip' ? 1 : 0);
  } else {
    priority = (tier === 'vip' ? 1 : tier === 'gold' ? 2 : 3) + (ASYNC_CHANNELS.has(channel) ? 1 : 0);
  }
  return Math.min(5, Math.max(1, priority));
}

export type QueueOrderFields = Pick<QueueItem, 'id' | 'priority' | 'slaDueAt' | 'enqueuedAt'>;

/** Queue order: the most urgent priority first, then the SLA due soonest, then the longest waiting, then by id. */
export function compareQueueItems(a: QueueOrderFields, b: QueueOrderFields): number {
  return a.priority - b.priority || a.slaDueAt - b.slaDueAt || a.enqueuedAt - b.enqueuedAt || byId(a, b);
}
