/** The routing rules: topics, queues, priorities, queue order, who is offered a contact, "take next", offer passes. */
import { describe, expect, it } from 'vitest';
import { newContact, newPresence, newQueueItem, newUser, presenceMoved, type Queue, type QueueItem } from '@core/domain/model';
import { DEMO_QUEUES } from '@core/demo/directory';
import {
  chooseAgent,
  chooseQueue,
  joinPresence,
  type Agent,
  compareQueueItems,
  detectTopic,
  nextItemFor,
  planOffers,
  priorityFor,
} from '@core/routing';
import { OFFER_TTL_MS } from '@core/sync/mutations';

const NOW = Date.UTC(2026, 10, 2, 9, 0, 0);

/** A person in Care joined with their presence: available and idle for a minute unless patched. */
function agent(id: string, patch: Partial<Agent> = {}): Agent {
  const { presence = 'available', presenceAt = NOW - 60_000, idleSince = NOW - 60_000, ...person } = patch;
  const row = newUser({ id, username: id.replace(/^usr_/, ''), name: id, role: 'agent', teamIds: ['team_care'], timeZone: 'Europe/London', ...person });
  return joinPresence(row, { id, presence, presenceAt, idleSince });
}

function item(id: string, patch: Partial<QueueItem> = {}): QueueItem {
  const contact = newContact({ id, customerId: `cus_${id}`, channel: 'chat', direction: 'inbound', body: '', at: NOW - 10_000 });
  return newQueueItem(contact, { id: 'q_care', slaSeconds: 300, skills: [] }, patch);
}

const care: Queue = { id: 'q_care', name: 'Care', teamId: 'team_care', channels: ['chat', 'email', 'call'], topics: [], slaSeconds: 300, skills: [] };
const billing: Queue = { id: 'q_billing', name: 'Billing', teamId: 'team_care', channels: ['chat', 'email', 'call'], topics: ['billing'], slaSeconds: 600, skills: ['billing'] };
const other: Queue = { id: 'q_other', name: 'Other', teamId: 'team_other', channels: ['email'], topics: [], slaSeconds: 3600, skills: [] };
const none = { now: NOW, busyAgentIds: [], offeredAgentIds: [] };

describe('detectTopic', () => {
  const cases: [string, string, string | null][] = [
    ['Why has my bill gone up?', 'My bill has gone up to £68.40 this month and nobody told me.', 'billing'],
    ['Duplicate direct debit', 'You have taken two payments from my account.', 'billing'],
    ['Roaming charges on my bill', 'There is £12 of extra charges on my mobile bill.', 'billing'],
    ['Broadband down', "My internet has been down since early this morning. I've restarted the router twice.", 'outage'],
    ['No mobile signal', 'My phone has had no signal for two days. It just says SOS only.', 'outage'],
    ['No TV channels – signal error', 'The TV box says no signal on every channel.', 'outage'],
    ["Router hasn't arrived", "My new router was meant to arrive yesterday and it still hasn't come. The tracking hasn't updated.", 'delivery'],
    ["Engineer didn't turn up", 'I took the day off for the installation and the engineer never turned up.', 'delivery'],
    ['Wrong item delivered', 'The parcel that came today is the wrong thing.', 'delivery'],
    ['Slow broadband speeds', 'Speed tests show about 40 meg in the evenings, and video calls keep freezing.', 'technical'],
    ["Can't log in to the app", "I can't log in to the app, and the password reset email never arrives.", 'technical'],
    ['I want to cancel my contract', "I'd like to cancel. I've been offered the same speed elsewhere for much less.", 'cancellation'],
    ['Cancelling after repeated faults', "I've had three faults in two months and I've had enough. I want to leave.", 'cancellation'],
    ['Leaving for a cheaper deal', 'My contract is nearly up.', 'cancellation'],
    ['Upgrade options', "I'm looking to upgrade. What's the fastest package you can do?", 'general'],
    ['Thank you', 'The engineer who came out on Monday was brilliant.', 'general'],
    ['When does my contract end?', "Can you tell me when my contract ends? I'd also like a copy of what I signed up to.", 'general'],
    ['', '', null],
    ['Hello', 'Just checking in.', null],
  ];
  for (const [subject, body, topic] of cases) {
    it(`${JSON.stringify(subject || '(empty)')} → ${topic}`, () => {
      expect(detectTopic(subject, body)).toBe(topic);
    });
  }

  it('weighs the subject twice as much as the body, and is not fooled by words inside words', () => {
    // Body alone would say billing (one "bill"), the subject says delivery.
    expect(detectTopic('Parcel missing', 'It was on my bill.')).toBe('delivery');
    expect(detectTopic('Download speed', 'Downloads are slow.')).toBe('technical');
    expect(detectTopic('', 'The billboard outside is down')).toBe('outage');
  });

  it('breaks ties by the order of topics (cancellation first) and reads curly apostrophes', () => {
    expect(detectTopic('Cancel and refund', '')).toBe('cancellation');
    expect(detectTopic('It hasn\u2019t arrived', '')).toBe('delivery');
  });
});

describe('chooseQueue', () => {
  it('picks the queue that takes the channel and topic, else the channel’s catch-all queue (demo routing)', () => {
    expect(chooseQueue(DEMO_QUEUES, { channel: 'chat', topic: 'billing' })?.id).toBe('q_billing');
    expect(chooseQueue(DEMO_QUEUES, { channel: 'call', topic: 'cancellation' })?.id).toBe('q_retention');
    expect(chooseQueue(DEMO_QUEUES, { channel: 'email', topic: 'outage' })?.id).toBe('q_technical');
    expect(chooseQueue(DEMO_QUEUES, { channel: 'sms', topic: 'delivery' })?.id).toBe('q_delivery');
    // No billing queue takes SMS: the catch-all does.
    expect(chooseQueue(DEMO_QUEUES, { channel: 'sms', topic: 'billing' })?.id).toBe('q_general');
    expect(chooseQueue(DEMO_QUEUES, { channel: 'social', topic: 'cancellation' })?.id).toBe('q_general');
    expect(chooseQueue(DEMO_QUEUES, { channel: 'chat', topic: null })?.id).toBe('q_general');
    expect(chooseQueue(DEMO_QUEUES, { channel: 'chat', topic: 'roaming' })?.id).toBe('q_general');
  });

  it('answers null when no queue takes the channel, or the topic and nothing takes any topic', () => {
    expect(chooseQueue(DEMO_QUEUES, { channel: 'note', topic: null })).toBeNull();
    expect(chooseQueue([billing], { channel: 'chat', topic: 'outage' })).toBeNull();
    expect(chooseQueue([], { channel: 'chat', topic: 'billing' })).toBeNull();
  });

  it('is deterministic whatever the order of the queues: the most specific, then by id', () => {
    const broad: Queue = { ...billing, id: 'q_a_broad', topics: ['billing', 'delivery', 'outage'] };
    const catchAllB: Queue = { ...care, id: 'q_b' };
    const catchAllA: Queue = { ...care, id: 'q_a' };
    const queues = [broad, billing, catchAllB, catchAllA];
    for (const order of [queues, [...queues].reverse(), [queues[2]!, queues[0]!, queues[3]!, queues[1]!]]) {
      expect(chooseQueue(order, { channel: 'chat', topic: 'billing' })?.id).toBe('q_billing');
      expect(chooseQueue(order, { channel: 'chat', topic: 'delivery' })?.id).toBe('q_a_broad');
      expect(chooseQueue(order, { channel: 'chat', topic: 'general' })?.id).toBe('q_a');
    }
  });
});

describe('priorityFor', () => {
  it('makes calls more urgent than emails and VIPs more urgent than everyone', () => {
    expect(priorityFor({ tier: 'standard', channel: 'call' })).toBe(3);
    expect(priorityFor({ tier: 'standard', channel: 'chat' })).toBe(3);
    expect(priorityFor({ tier: 'standard', channel: 'email' })).toBe(4);
    expect(priorityFor({ tier: 'standard', channel: 'social' })).toBe(4);
    expect(priorityFor({ tier: 'gold', channel: 'call' })).toBe(2);
    expect(priorityFor({ tier: 'vip', channel: 'call' })).toBe(1);
    expect(priorityFor({ tier: 'vip', channel: 'email' })).toBe(2);
  });

  it('takes a requested priority, one step more urgent for a VIP, within 1–5', () => {
    expect(priorityFor({ tier: 'standard', requested: 5, channel: 'call' })).toBe(5);
    expect(priorityFor({ tier: 'standard', requested: 1, channel: 'email' })).toBe(1);
    expect(priorityFor({ tier: 'vip', requested: 4, channel: 'email' })).toBe(3);
    expect(priorityFor({ tier: 'vip', requested: 1, channel: 'call' })).toBe(1);
    expect(priorityFor({ tier: 'gold', requested: null, channel: 'sms' })).toBe(3);
  });
});

describe('compareQueueItems', () => {
  it('orders by priority, then SLA due time, then enqueued time, then id', () => {
    const items = [
      item('e', { priority: 3, slaDueAt: NOW + 100, enqueuedAt: NOW - 5 }),
      item('d', { priority: 3, slaDueAt: NOW + 100, enqueuedAt: NOW - 5 }),
      item('c', { priority: 3, slaDueAt: NOW + 100, enqueuedAt: NOW - 50 }),
      item('b', { priority: 3, slaDueAt: NOW + 50, enqueuedAt: NOW }),
      item('a', { priority: 1, slaDueAt: NOW + 900, enqueuedAt: NOW }),
    ];
    expect([...items].sort(compareQueueItems).map((i) => i.id)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect([...items].reverse().sort(compareQueueItems).map((i) => i.id)).toEqual(['a', 'b', 'c', 'd', 'e']);
  });
});

describe('a person and their presence', () => {
  it('join into the agent routing sees, and only when the presence is theirs', () => {
    const ava = newUser({ id: 'usr_ava', username: 'ava', name: 'Ava Thompson', role: 'agent', teamIds: ['team_care'] });
    expect(joinPresence(ava, newPresence('usr_ava', NOW))).toEqual({ ...ava, presence: 'offline', presenceAt: NOW, idleSince: null });
    expect(() => joinPresence(ava, newPresence('usr_ben', NOW))).toThrow(/usr_ben/);
  });

  it('start offline; becoming available starts the idle clock, other changes keep it, offline stops it', () => {
    const offline = newPresence('usr_ava', NOW);
    const available = presenceMoved(offline, 'available', NOW + 1000);
    expect(available).toEqual({ id: 'usr_ava', presence: 'available', presenceAt: NOW + 1000, idleSince: NOW + 1000 });
    expect(presenceMoved(available, 'busy', NOW + 2000)).toEqual({ id: 'usr_ava', presence: 'busy', presenceAt: NOW + 2000, idleSince: NOW + 1000 });
    expect(presenceMoved(available, 'offline', NOW + 3000)).toEqual({ id: 'usr_ava', presence: 'offline', presenceAt: NOW + 3000, idleSince: null });
  });
});

describe('chooseAgent', () => {
  it('offers to the longest-idle available agent; unknown idleSince counts from presenceAt', () => {
    const ava = agent('usr_ava', { idleSince: NOW - 120_000 });
    const ben = agent('usr_ben', { idleSince: NOW - 300_000 });
    const chloe = agent('usr_chloe', { idleSince: null, presenceAt: NOW - 600_000 });
    expect(chooseAgent(item('x'), care, [ava, ben], none)?.id).toBe('usr_ben');
    expect(chooseAgent(item('x'), care, [ava, ben, chloe], none)?.id).toBe('usr_chloe');
    // Equally idle: by id, so every hub process agrees.
    expect(chooseAgent(item('x'), care, [agent('usr_b'), agent('usr_a')], none)?.id).toBe('usr_a');
  });

  it('needs presence available, the queue’s team and every skill of the contact and its queue', () => {
    const away = agent('usr_away', { presence: 'away', idleSince: NOW - 900_000 });
    const otherTeam = agent('usr_olga', { teamIds: ['team_other'], idleSince: NOW - 900_000 });
    const noSkill = agent('usr_ben', { idleSince: NOW - 800_000 });
    const billingOnly = agent('usr_chloe', { skills: ['billing'], idleSince: NOW - 700_000 });
    const both = agent('usr_ava', { skills: ['billing', 'french'], idleSince: NOW - 100_000 });
    const admin = agent('usr_admin', { role: 'admin', skills: ['billing', 'french'], idleSince: NOW - 990_000 });
    const agents = [away, otherTeam, noSkill, billingOnly, both, admin];
    expect(chooseAgent(item('x'), billing, agents, none)?.id).toBe('usr_chloe');
    expect(chooseAgent(item('x', { skills: ['french'] }), billing, agents, none)?.id).toBe('usr_ava');
    expect(chooseAgent(item('x', { skills: ['german'] }), billing, agents, none)).toBeNull();
    expect(chooseAgent(item('x'), care, agents, none)?.id).toBe('usr_ben');
  });

  it('never offers to someone an administrator disabled, even one marked available', () => {
    const disabled = agent('usr_gone', { disabled: true, idleSince: NOW - 990_000 });
    const ben = agent('usr_ben', { idleSince: NOW - 100_000 });
    expect(chooseAgent(item('x'), care, [disabled, ben], none)?.id).toBe('usr_ben');
    expect(chooseAgent(item('x'), care, [disabled], none)).toBeNull();
  });

  it('passes over who declined it, who is busy and who already holds an offer', () => {
    const agents = [agent('usr_a', { idleSince: NOW - 500 }), agent('usr_b', { idleSince: NOW - 400 }), agent('usr_c', { idleSince: NOW - 300 }), agent('usr_d', { idleSince: NOW - 200 })];
    const pick = chooseAgent(item('x', { declinedBy: ['usr_a'] }), care, agents, { now: NOW, busyAgentIds: ['usr_b'], offeredAgentIds: new Set(['usr_c']) });
    expect(pick?.id).toBe('usr_d');
    expect(chooseAgent(item('x', { declinedBy: ['usr_a', 'usr_b', 'usr_c', 'usr_d'] }), care, agents, none)).toBeNull();
  });

  it('avoids an agent to avoid while anyone else can take it, and falls back to them otherwise', () => {
    const ava = agent('usr_ava', { idleSince: NOW - 900_000 });
    const ben = agent('usr_ben', { idleSince: NOW - 1000 });
    expect(chooseAgent(item('x'), care, [ava, ben], { ...none, avoidAgentIds: ['usr_ava'] })?.id).toBe('usr_ben');
    expect(chooseAgent(item('x'), care, [ava], { ...none, avoidAgentIds: ['usr_ava'] })?.id).toBe('usr_ava');
  });
});

describe('nextItemFor ("take next")', () => {
  const ava = agent('usr_ava', { skills: ['billing'] });
  const queues = [care, billing, other];

  it('gives the first waiting contact in queue order from the agent’s team queues', () => {
    const items = [
      item('late', { priority: 3, slaDueAt: NOW + 500 }),
      item('soon', { priority: 3, slaDueAt: NOW + 100 }),
      item('urgent-other-team', { priority: 1, queueId: 'q_other' }),
      item('claimed', { priority: 1, state: 'claimed', assigneeId: 'usr_ben' }),
    ];
    expect(nextItemFor(ava, items, queues, NOW)?.id).toBe('soon');
    expect(nextItemFor(ava, [], queues, NOW)).toBeNull();
  });

  it('puts a contact on offer to this agent first and skips those on offer to others until the offer lapses', () => {
    const items = [
      item('first', { priority: 1, offeredTo: 'usr_ben', offeredAt: NOW - 1000 }),
      item('second', { priority: 2 }),
      item('mine', { priority: 5, offeredTo: 'usr_ava', offeredAt: NOW - 1000 }),
    ];
    expect(nextItemFor(ava, items, queues, NOW)?.id).toBe('mine');
    expect(nextItemFor(ava, items.slice(0, 2), queues, NOW)?.id).toBe('second');
    // Ben's offer has lapsed: the first contact is anybody's again.
    expect(nextItemFor(ava, items.slice(0, 2), queues, NOW + OFFER_TTL_MS)?.id).toBe('first');
  });

  it('needs the skills of the contact and its queue, and skips what the agent declined', () => {
    const ben = agent('usr_ben');
    const items = [item('billing', { priority: 1, queueId: 'q_billing', skills: ['billing'] }), item('french', { priority: 2, skills: ['french'] }), item('declined', { priority: 3, declinedBy: ['usr_ben'] }), item('plain', { priority: 4 })];
    expect(nextItemFor(ben, items, queues, NOW)?.id).toBe('plain');
    expect(nextItemFor(ava, items, queues, NOW)?.id).toBe('billing');
  });
});

describe('planOffers', () => {
  const users = [agent('usr_ava', { idleSince: NOW - 500_000 }), agent('usr_ben', { idleSince: NOW - 100_000 })];

  it('offers waiting contacts in queue order, one per agent, longest idle first', () => {
    const plan = planOffers({ items: [item('low', { priority: 4 }), item('high', { priority: 1 }), item('mid', { priority: 2 })], queues: [care], users, now: NOW });
    expect(plan.offered).toEqual([
      { itemId: 'high', agentId: 'usr_ava' },
      { itemId: 'mid', agentId: 'usr_ben' },
    ]);
    expect(plan.updates.map((u) => [u.id, u.offeredTo, u.offeredAt])).toEqual([
      ['high', 'usr_ava', NOW],
      ['mid', 'usr_ben', NOW],
    ]);
  });

  it('leaves live offers alone and changes nothing when there is nothing to do', () => {
    const items = [item('a', { offeredTo: 'usr_ava', offeredAt: NOW - 1000 }), item('b', { offeredTo: 'usr_ben', offeredAt: NOW - 1000 }), item('c')];
    const plan = planOffers({ items, queues: [care], users, now: NOW });
    expect(plan.updates).toEqual([]);
  });

  it('expires lapsed offers and gives the contact to someone else when anyone can take it', () => {
    const items = [item('a', { offeredTo: 'usr_ava', offeredAt: NOW - OFFER_TTL_MS })];
    const plan = planOffers({ items, queues: [care], users, now: NOW });
    expect(plan.expired).toEqual([{ itemId: 'a', agentId: 'usr_ava' }]);
    expect(plan.offered).toEqual([{ itemId: 'a', agentId: 'usr_ben' }]);
    // Nobody else: offered to Ava again, with a new offer time.
    const alone = planOffers({ items, queues: [care], users: users.slice(0, 1), now: NOW });
    expect(alone.updates).toEqual([{ ...items[0], offeredTo: 'usr_ava', offeredAt: NOW }]);
    // Nobody at all: the offer is just cleared.
    const nobody = planOffers({ items, queues: [care], users: [], now: NOW });
    expect(nobody.updates).toEqual([{ ...items[0], offeredTo: null, offeredAt: null }]);
  });

  it('gives a contact transferred to a named agent back to its queue when their offer lapses or is withdrawn, naming who sent it', () => {
    const handoff = { fromId: 'usr_sam', fromQueueId: 'q_care', toAgentId: 'usr_ava', reason: 'Knows the case', note: 'Read the last email.', at: NOW - 40_000 };
    const lapsed = planOffers({ items: [item('a', { offeredTo: 'usr_ava', offeredAt: NOW - OFFER_TTL_MS, handoff })], queues: [care], users, now: NOW });
    expect(lapsed.returned).toEqual([{ itemId: 'a', agentId: 'usr_ava', fromId: 'usr_sam', handoffAt: NOW - 40_000, why: 'expired' }]);
    // The note stays for whoever takes it next; nobody is named any more.
    expect(lapsed.updates).toEqual([expect.objectContaining({ id: 'a', offeredTo: 'usr_ben', handoff: { ...handoff, toAgentId: null } })]);
    const gone = planOffers({ items: [item('a', { offeredTo: 'usr_ava', offeredAt: NOW - 1000, handoff })], queues: [care], users: [users[1]!], now: NOW });
    expect(gone.returned).toEqual([{ itemId: 'a', agentId: 'usr_ava', fromId: 'usr_sam', handoffAt: NOW - 40_000, why: 'withdrawn' }]);
    // A named transfer keeps its offer over a routine one made to the same person a moment before.
    const routine = item('routine', { priority: 1, offeredTo: 'usr_ava', offeredAt: NOW - 5000 });
    const transferred = item('transferred', { priority: 5, offeredTo: 'usr_ava', offeredAt: NOW - 1000, handoff: { ...handoff, at: NOW - 1000 } });
    const both = planOffers({ items: [routine, transferred], queues: [care], users: users.slice(0, 1), now: NOW });
    expect(both.withdrawn).toEqual([{ itemId: 'routine', agentId: 'usr_ava' }]);
    expect(both.returned).toEqual([]);
    // An ordinary offer (no one named) lapsing is no hand-over coming back.
    expect(planOffers({ items: [item('a', { offeredTo: 'usr_ava', offeredAt: NOW - OFFER_TTL_MS })], queues: [care], users, now: NOW }).returned).toEqual([]);
  });

  it('honours a shorter TTL', () => {
    const items = [item('a', { offeredTo: 'usr_ava', offeredAt: NOW - 5000 })];
    expect(planOffers({ items, queues: [care], users, now: NOW, ttlMs: 5000 }).expired).toHaveLength(1);
    expect(planOffers({ items, queues: [care], users, now: NOW }).expired).toHaveLength(0);
  });

  it('withdraws offers to agents who went away, became busy or hold another offer', () => {
    const away = planOffers({ items: [item('a', { offeredTo: 'usr_ava', offeredAt: NOW - 1000 })], queues: [care], users: [users[1]!], now: NOW });
    expect(away.withdrawn).toEqual([{ itemId: 'a', agentId: 'usr_ava' }]);
    expect(away.offered).toEqual([{ itemId: 'a', agentId: 'usr_ben' }]);
    const busy = planOffers({
      items: [item('a', { offeredTo: 'usr_ava', offeredAt: NOW - 1000 }), item('b', { state: 'claimed', assigneeId: 'usr_ava' })],
      queues: [care],
      users,
      now: NOW,
    });
    expect(busy.withdrawn).toEqual([{ itemId: 'a', agentId: 'usr_ava' }]);
    expect(busy.offered).toEqual([{ itemId: 'a', agentId: 'usr_ben' }]);
    const twice = planOffers({
      items: [item('a', { priority: 1, offeredTo: 'usr_ava', offeredAt: NOW - 1000 }), item('b', { priority: 2, offeredTo: 'usr_ava', offeredAt: NOW - 1000 })],
      queues: [care],
      users,
      now: NOW,
    });
    expect(twice.withdrawn).toEqual([{ itemId: 'b', agentId: 'usr_ava' }]);
    expect(twice.offered).toEqual([{ itemId: 'b', agentId: 'usr_ben' }]);
  });

  it('does not offer to busy agents or contacts of queues it does not know', () => {
    const plan = planOffers({
      items: [item('held', { state: 'wrap-up', assigneeId: 'usr_ava' }), item('orphan', { priority: 1, queueId: 'q_gone' }), item('w')],
      queues: [care],
      users,
      now: NOW,
    });
    expect(plan.offered).toEqual([{ itemId: 'w', agentId: 'usr_ben' }]);
  });
});
