import { isWorkingTime } from '@core/planner';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_SIZES, generateDemoData, routeToQueue, type DemoData, type DemoTopic } from '@core/demo';
import {
  ContactSchema,
  CustomerSchema,
  FollowUpSchema,
  QueueItemSchema,
  QueueSchema,
  ScriptSchema,
  SurveyResponseSchema,
  TeamSchema,
  UserSchema,
  scriptVersionId,
} from '@core/domain/model';

/** A Wednesday afternoon in June (15:30 in London). */
const NOW = Date.UTC(2025, 5, 18, 14, 30, 0);
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const small = generateDemoData({ size: 'small', now: NOW });

const londonDate = (ms: number): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' }).format(ms);

function byId<T extends { id: string }>(rows: readonly T[]): Map<string, T> {
  return new Map(rows.map((row) => [row.id, row]));
}

/**
 * Every reference in the data points at a row that exists and agrees with it.
 * Returns the problems found (plain checks, not one expect per row, so the
 * medium set is checked in well under a second).
 */
function integrityProblems(data: DemoData, now: number): string[] {
  const problems: string[] = [];
  const check = (ok: boolean, what: string): void => {
    if (!ok && problems.length < 20) problems.push(what);
  };
  const customers = byId(data.customers);
  const contacts = byId(data.contacts);
  const queues = byId(data.queues);
  const users = byId(data.users);
  const teams = byId(data.teams);
  const items = byId(data.queueItems);

  check(customers.size === data.customers.length, 'customer ids are unique');
  check(contacts.size === data.contacts.length, 'contact ids are unique');
  check(items.size === data.queueItems.length, 'queue item ids are unique');
  check(byId(data.followUps).size === data.followUps.length, 'follow-up ids are unique');
  check(byId(data.surveys).size === data.surveys.length, 'survey ids are unique');

  for (const queue of data.queues) check(teams.has(queue.teamId), `${queue.id}: team exists`);
  for (const user of data.users) for (const teamId of user.teamIds) check(teams.has(teamId), `${user.id}: team ${teamId} exists`);
  for (const customer of data.customers) check(customer.updatedAt >= customer.createdAt, `${customer.id}: updatedAt >= createdAt`);

  let previousAt = -Infinity;
  for (const contact of data.contacts) {
    const id = contact.id;
    const customer = customers.get(contact.customerId);
    check(customer !== undefined, `${id}: customer exists`);
    check(contact.at <= now, `${id}: not in the future`);
    check(customer === undefined || contact.at >= customer.createdAt, `${id}: after the customer was created`);
    check(contact.at >= previousAt, `${id}: ids follow time`);
    previousAt = contact.at;
    check(contact.endedAt === null || contact.endedAt > contact.at, `${id}: endedAt after at`);
    check(contact.agentId === null || users.has(contact.agentId), `${id}: agent exists`);
    if (contact.parentId !== null) check(contacts.get(contact.parentId)?.customerId === contact.customerId, `${id}: parent of the same customer`);
    if (contact.channel === 'note') {
      check(contact.direction === 'internal' && contact.queueId === null && !items.has(id), `${id}: notes are internal, unqueued`);
    }
    if (contact.direction === 'outbound') check(!items.has(id) && contact.queueId === null, `${id}: outbound is not queued`);
    if (contact.direction === 'inbound') {
      // Went through a queue: routed by topic and channel, with its queue item under the same id.
      check(routeToQueue(contact.topic as DemoTopic, contact.channel)?.id === contact.queueId, `${id}: routed to the right queue`);
      check(items.has(id), `${id}: has a queue item`);
    }
  }

  for (const item of data.queueItems) {
    const id = item.id;
    const contact = contacts.get(item.contactId);
    const queue = queues.get(item.queueId);
    check(item.id === item.contactId, `${id}: id is the contact id`);
    if (!contact || !queue) {
      check(false, `${id}: contact and queue exist`);
      continue;
    }
    check(item.queueId === contact.queueId, `${id}: same queue as contact`);
    check(item.customerId === contact.customerId, `${id}: same customer as contact`);
    check(item.channel === contact.channel, `${id}: same channel as contact`);
    check(item.enqueuedAt === contact.at, `${id}: enqueued when the contact arrived`);
    check(item.slaDueAt === item.enqueuedAt + queue.slaSeconds * 1000, `${id}: SLA from the queue`);
    check(queue.channels.includes(item.channel), `${id}: queue takes the channel`);
    switch (item.state) {
      case 'done':
        check(item.assigneeId === contact.agentId, `${id}: done by the contact's agent`);
        check(item.claimedAt !== null && item.claimedAt > item.enqueuedAt, `${id}: claimed after enqueued`);
        check(item.doneAt !== null && item.claimedAt !== null && item.doneAt > item.claimedAt && item.doneAt <= now, `${id}: done after claimed`);
        check(contact.disposition !== null && contact.resolution !== null && contact.summary !== null, `${id}: wrapped up`);
        break;
      case 'waiting':
        check(item.assigneeId === null && item.claimedAt === null, `${id}: waiting is unassigned`);
        check(contact.agentId === null && contact.disposition === null, `${id}: waiting contact not handled`);
        break;
      case 'claimed':
        check(item.assigneeId !== null && contact.agentId === item.assigneeId, `${id}: claimed by the contact's agent`);
        check(item.claimedAt !== null && item.claimedAt >= item.enqueuedAt, `${id}: claimed after enqueued`);
        check(contact.disposition === null, `${id}: claimed contact not wrapped up`);
        break;
      case 'wrap-up':
        break;
    }
  }

  for (const followUp of data.followUps) {
    const id = followUp.id;
    check(customers.has(followUp.customerId), `${id}: customer exists`);
    check(users.has(followUp.ownerId) && users.has(followUp.createdBy), `${id}: owner and creator exist`);
    if (followUp.contactId !== null) check(contacts.get(followUp.contactId)?.customerId === followUp.customerId, `${id}: contact of the same customer`);
    check(followUp.createdAt <= now, `${id}: created in the past`);
    if (followUp.state === 'done') {
      check(followUp.outcome !== null && followUp.completedAt !== null && followUp.completedBy !== null, `${id}: done has outcome`);
    } else {
      check(followUp.outcome === null && followUp.completedAt === null, `${id}: not done has no outcome`);
    }
    if (followUp.state === 'cancelled') check(Boolean(followUp.cancelReason), `${id}: cancel reason`);
    if (followUp.state === 'scheduled') {
      check(followUp.dueAt >= now - 3 * DAY - 1 && followUp.dueAt <= now + 14 * DAY, `${id}: due within -3..+14 days`);
    }
  }

  for (const survey of data.surveys) {
    const id = survey.id;
    const contact = contacts.get(survey.contactId);
    if (!contact) {
      check(false, `${id}: contact exists`);
      continue;
    }
    check(survey.customerId === contact.customerId, `${id}: customer is the contact's`);
    check(survey.agentId === contact.agentId, `${id}: agent is the contact's`);
    check(survey.at >= (contact.endedAt ?? contact.at) && survey.at <= now, `${id}: sent after the contact`);
    if (survey.status === 'sent') check(survey.csat === null && survey.nps === null, `${id}: sent has no scores`);
    else check(survey.csat !== null && survey.nps !== null, `${id}: answered has scores`);
  }
  return problems;
}

describe('demo data generator', () => {
  it('is deterministic: same seed, size and now give identical data; another seed gives other data', () => {
    const again = generateDemoData({ size: 'small', now: NOW });
    expect(JSON.stringify(again)).toBe(JSON.stringify(small));
    const seeded = generateDemoData({ size: 'small', seed: 7, now: NOW });
    expect(JSON.stringify(generateDemoData({ size: 'small', seed: 7, now: NOW }))).toBe(JSON.stringify(seeded));
    expect(JSON.stringify(seeded.customers)).not.toBe(JSON.stringify(small.customers));
    expect(JSON.stringify(seeded.contacts)).not.toBe(JSON.stringify(small.contacts));
  });

  it('makes the small set at the expected size', () => {
    expect(small.customers).toHaveLength(DEMO_SIZES.small.customers);
    expect(small.contacts.length).toBeGreaterThanOrEqual(2_400);
    expect(small.contacts.length).toBeLessThanOrEqual(2_600);
    const waiting = small.queueItems.filter((item) => item.state === 'waiting');
    expect(waiting.length).toBeGreaterThanOrEqual(20);
    expect(waiting.length).toBeLessThanOrEqual(30);
    expect(small.followUps.length).toBeGreaterThan(10);
    expect(small.surveys.length).toBeGreaterThan(300);
    expect(small.scripts).toHaveLength(5);
    expect(DEMO_PASSWORD).toBe('demo');
  });

  it('gives every row a row its schema accepts as it is', () => {
    const check = <T>(schema: { parse: (row: unknown) => T }, rows: readonly T[]): void => {
      // Parsing changes nothing: no defaults to fill, no values to normalise.
      expect(rows.map((row) => schema.parse(row))).toEqual(rows);
    };
    check(TeamSchema, small.teams);
    check(QueueSchema, small.queues);
    check(UserSchema, small.users);
    check(CustomerSchema, small.customers);
    check(ContactSchema, small.contacts);
    check(QueueItemSchema, small.queueItems);
    check(FollowUpSchema, small.followUps);
    check(SurveyResponseSchema, small.surveys);
    check(ScriptSchema, small.scripts);
  });

  it('uses readable, stable ids', () => {
    const patterns: [readonly { id: string }[], RegExp][] = [
      [small.teams, /^team_[a-z]+$/],
      [small.queues, /^q_[a-z]+$/],
      [small.users, /^usr_[a-z]+$/],
      [small.customers, /^cus_\d{5}$/],
      [small.contacts, /^con_\d{7}$/],
      [small.followUps, /^fu_\d{6}$/],
      [small.surveys, /^srv_\d{6}$/],
    ];
    for (const [rows, pattern] of patterns) for (const row of rows) expect(row.id).toMatch(pattern);
    for (const script of small.scripts) expect(script.id).toBe(scriptVersionId(script.scriptId, script.version));
    expect(small.contacts[0]?.id).toBe('con_0000001');
  });

  it('builds the directory: Care and Retention teams, Ava, Ben, Sam and an admin', () => {
    const users = byId(small.users);
    expect(byId(small.teams).get('team_care')?.name).toBe('Customer Care');
    expect(byId(small.teams).get('team_retention')?.name).toBe('Retention & Billing');
    expect(users.get('usr_ava')).toMatchObject({ username: 'ava', name: 'Ava Thompson', role: 'agent', teamIds: ['team_care'] });
    expect(users.get('usr_ben')).toMatchObject({ username: 'ben', name: 'Ben Okafor', role: 'agent', teamIds: ['team_care'] });
    expect(users.get('usr_sam')).toMatchObject({ username: 'sam', name: 'Sam Rivera', role: 'supervisor' });
    expect(users.get('usr_sam')?.teamIds).toEqual(expect.arrayContaining(['team_care', 'team_retention']));
    expect(users.get('usr_admin')?.role).toBe('admin');
    expect(small.users.filter((user) => user.role === 'agent').length).toBeGreaterThanOrEqual(6);
    for (const user of small.users) expect(user.id).toBe(`usr_${user.username}`);
    // Everyone has a presence row, offline as of the data's making.
    expect(small.presence).toEqual(small.users.map((user) => ({ id: user.id, presence: 'offline', presenceAt: NOW, idleSince: null })));
    const topics = new Set(small.queues.flatMap((queue) => queue.topics));
    for (const topic of ['billing', 'outage', 'delivery', 'cancellation', 'technical']) expect(topics.has(topic)).toBe(true);
    expect(byId(small.queues).get('q_general')?.topics).toEqual([]);
  });

  it('keeps every reference consistent', () => {
    expect(integrityProblems(small, NOW)).toEqual([]);
    // The check itself catches broken references.
    const broken = structuredClone(small);
    broken.contacts[10]!.customerId = 'cus_99999';
    broken.queueItems[3]!.queueId = 'q_retention';
    broken.surveys[0]!.customerId = 'cus_99999';
    expect(integrityProblems(broken, NOW).length).toBeGreaterThanOrEqual(3);
  });

  it('makes realistic customers: reserved domains, fictional phone ranges, tiers, languages and zones', () => {
    const fictional = [
      /^\+447700900\d{3}$/,
      /^\+44(2079460|1214960|1174960|1414960|1134960|1164960|1514960|1614960|1914980|1154960|1144960|2920180|2476180|2896496|1632960)\d{3}$/,
      /^\+1\d{3}55501\d{2}$/,
      /^\+33(19900|63998)\d{4}$/,
      /^\+49(3023125|6990009|4066969|2214710|8999998)\d{3}$/,
      /^\+34600000\d{3}$/,
    ];
    for (const customer of small.customers) {
      for (const email of customer.emails) expect(email).toMatch(/@([a-z0-9-]+\.)*example\.(com|net|org)$/);
      for (const phone of customer.phones) expect(fictional.some((range) => range.test(phone)), phone).toBe(true);
      expect(customer.emails.length + customer.phones.length).toBeGreaterThan(0);
      expect(['en', 'en-GB', 'en-US', 'fr-FR', 'es-ES', 'de-DE']).toContain(customer.language);
      expect(customer.createdAt).toBeLessThanOrEqual(NOW - 365 * DAY);
      expect(customer.createdAt).toBeGreaterThanOrEqual(NOW - 5 * 365 * DAY - DAY);
    }
    const share = (predicate: (c: (typeof small.customers)[number]) => boolean): number =>
      small.customers.filter(predicate).length / small.customers.length;
    expect(share((c) => c.tier === 'standard')).toBeGreaterThan(0.6);
    expect(share((c) => c.tier === 'gold')).toBeGreaterThan(0.05);
    expect(share((c) => c.tier === 'vip')).toBeGreaterThan(0.01);
    expect(share((c) => c.quietHours !== null)).toBeGreaterThan(0.45);
    expect(share((c) => c.quietHours !== null)).toBeLessThan(0.75);
    expect(new Set(small.customers.map((c) => c.language)).size).toBeGreaterThanOrEqual(5);
    expect(new Set(small.customers.map((c) => c.lastName)).size).toBeGreaterThan(80);
  });

  it('has German and Spanish customers who live, pay and write in their own language and time zone', () => {
    const contacts = new Map(small.contacts.map((contact) => [contact.id, contact]));
    const customers = new Map(small.customers.map((customer) => [customer.id, customer]));
    for (const [language, zone, prefix] of [
      ['de-DE', /^Europe\/Berlin$/, '+49'],
      ['es-ES', /^(Europe\/Madrid|Atlantic\/Canary)$/, '+34'],
    ] as const) {
      const speakers = small.customers.filter((customer) => customer.language === language);
      expect(speakers.length).toBeGreaterThan(5);
      for (const customer of speakers) {
        expect(customer.timeZone).toMatch(zone);
        for (const phone of customer.phones) expect(phone.startsWith(prefix)).toBe(true);
        expect(customer.attributes.currency).toBe('EUR');
      }
    }
    const live = small.queueItems.filter((item) => item.state === 'waiting').map((item) => contacts.get(item.contactId)!);
    const written = (language: string) => live.filter((contact) => contact.channel !== 'call' && customers.get(contact.customerId)?.language === language);
    // Three Care contacts added for them: a Spanish billing chat, a German delivery email, a German billing chat.
    expect(written('es-ES').some((contact) => contact.channel === 'chat' && contact.topic === 'billing' && /^Customer: Hola\./.test(contact.body))).toBe(true);
    expect(written('de-DE').some((contact) => contact.channel === 'email' && contact.topic === 'delivery' && contact.body.startsWith('Sehr geehrte Damen und Herren,'))).toBe(true);
    expect(written('de-DE').some((contact) => contact.channel === 'chat' && contact.topic === 'billing' && /^Customer: Hallo\./.test(contact.body))).toBe(true);
    for (const contact of [...written('de-DE'), ...written('es-ES')]) expect(contact.body).not.toMatch(/\b(the|my|bill|please)\b/i);
  });

  it('gives most customers short histories and a few long ones', () => {
    const perCustomer = new Map<string, number>();
    for (const contact of small.contacts) perCustomer.set(contact.customerId, (perCustomer.get(contact.customerId) ?? 0) + 1);
    const counts = [...perCustomer.values()];
    expect(Math.max(...counts)).toBeGreaterThanOrEqual(100);
    expect(counts.filter((n) => n <= 22).length / small.customers.length).toBeGreaterThan(0.85);
    const channels = new Set(small.contacts.map((contact) => contact.channel));
    expect([...channels].sort()).toEqual(['call', 'chat', 'email', 'note', 'sms', 'social']);
    const newest = small.contacts[small.contacts.length - 1]!;
    expect(NOW - newest.at).toBeLessThan(HOUR);
    expect(small.contacts.filter((c) => c.direction === 'outbound').length).toBeGreaterThan(50);
  });

  it('has a live backlog with work for Ava and Ben in Care queues', () => {
    const queues = byId(small.queues);
    const live = small.queueItems.filter((item) => item.state !== 'done');
    const waiting = live.filter((item) => item.state === 'waiting');
    const inCare = waiting.filter((item) => queues.get(item.queueId)?.teamId === 'team_care');
    expect(inCare.length).toBeGreaterThanOrEqual(5);
    for (const item of waiting) expect(item.enqueuedAt).toBeGreaterThanOrEqual(NOW - 40 * 60_000);
    expect(waiting.some((item) => item.slaDueAt < NOW)).toBe(true);
    expect(waiting.some((item) => item.slaDueAt >= NOW)).toBe(true);
    const claimed = live.filter((item) => item.state === 'claimed').map((item) => item.assigneeId);
    expect(claimed).toEqual(expect.arrayContaining(['usr_ava', 'usr_ben']));
  });

  it("gives Ava scheduled follow-ups, one overdue and one due later today", () => {
    const avas = small.followUps.filter((f) => f.ownerId === 'usr_ava' && f.state === 'scheduled');
    expect(avas.length).toBeGreaterThanOrEqual(5);
    expect(avas.some((f) => f.dueAt < NOW)).toBe(true);
    expect(avas.some((f) => f.dueAt >= NOW && londonDate(f.dueAt) === londonDate(NOW))).toBe(true);
    const states = new Set(small.followUps.map((f) => f.state));
    expect([...states].sort()).toEqual(['cancelled', 'done', 'scheduled']);
  });

  it('at 23:50 gives Ava nothing in the night: her next follow-up is at the next working day\'s opening', () => {
    const late = Date.UTC(2025, 5, 18, 22, 50, 0); // Wednesday 23:50 in London
    const data = generateDemoData({ size: 'small', now: late });
    const upcoming = data.followUps.filter((f) => f.ownerId === 'usr_ava' && f.state === 'scheduled' && f.dueAt >= late).map((f) => f.dueAt);
    expect(new Date(Math.min(...upcoming)).toISOString()).toBe('2025-06-19T08:00:00.000Z'); // Thursday 09:00 in London
  });

  // Instants that have bitten: a Sunday morning, Friday just before closing, the nights clocks change
  // in Europe and the US (both ways), New Year's Eve, 29 February.
  const awkward = [
    '2026-12-06T08:10:00Z',
    '2027-01-15T17:25:00Z',
    '2027-03-28T00:55:00Z',
    '2026-10-25T00:55:00Z',
    '2027-03-14T06:55:00Z',
    '2026-11-01T05:55:00Z',
    '2026-12-31T23:59:00Z',
    '2028-02-29T10:00:00Z',
  ];
  it.each(awkward)('at %s every scheduled follow-up falls inside its owner\'s working hours', (instant) => {
    const now = Date.parse(instant);
    const data = generateDemoData({ size: 'small', now });
    const users = new Map(data.users.map((user) => [user.id, user]));
    const outside = data.followUps
      .filter((f) => f.state === 'scheduled')
      .filter((f) => !isWorkingTime(f.dueAt, users.get(f.ownerId)!.workingHours, users.get(f.ownerId)!.timeZone))
      .map((f) => `${f.id} ${f.ownerId} ${new Date(f.dueAt).toISOString()}`);
    expect(outside).toEqual([]);
    // Ava still has work overdue and work to come.
    const avas = data.followUps.filter((f) => f.ownerId === 'usr_ava' && f.state === 'scheduled');
    expect(avas.some((f) => f.dueAt < now)).toBe(true);
    expect(avas.some((f) => f.dueAt >= now)).toBe(true);
  });

  it('collects surveys skewed positive, lower when the contact went badly', () => {
    const contacts = byId(small.contacts);
    const answered = small.surveys.filter((s) => s.status === 'answered');
    expect(answered.length).toBeGreaterThan(small.surveys.length / 2);
    expect(small.surveys.some((s) => s.status === 'sent')).toBe(true);
    const mean = (rows: typeof answered): number => rows.reduce((sum, s) => sum + (s.csat ?? 0), 0) / rows.length;
    expect(mean(answered)).toBeGreaterThan(3.3);
    const unhappy = answered.filter((s) => (contacts.get(s.contactId)?.sentiment ?? 0) < -0.4);
    const happy = answered.filter((s) => (contacts.get(s.contactId)?.sentiment ?? 0) > 0.2);
    expect(mean(unhappy)).toBeLessThan(mean(happy));
  });

  it('publishes the five script packs', () => {
    expect(small.scripts.map((s) => s.scriptId).sort()).toEqual([
      'billing-dispute',
      'cancellation-retention',
      'delivery-delay',
      'general-enquiry',
      'service-outage',
    ]);
    for (const script of small.scripts) {
      expect(script).toMatchObject({ version: 1, status: 'published', updatedBy: 'usr_sam' });
      expect(script.publishedAt).not.toBeNull();
      expect(script.updatedAt).toBeLessThanOrEqual(NOW);
    }
  });

  it('generates the medium set quickly, with about 50,000 contacts and long histories', () => {
    const started = performance.now();
    const medium = generateDemoData({ size: 'medium', now: NOW });
    const elapsed = performance.now() - started;
    expect(elapsed).toBeLessThan(15_000);
    expect(medium.customers).toHaveLength(DEMO_SIZES.medium.customers);
    expect(medium.contacts.length).toBeGreaterThanOrEqual(47_500);
    expect(medium.contacts.length).toBeLessThanOrEqual(52_500);
    const waiting = medium.queueItems.filter((item) => item.state === 'waiting').length;
    expect(waiting).toBeGreaterThanOrEqual(350);
    expect(waiting).toBeLessThanOrEqual(450);

    const perCustomer = new Map<string, number>();
    for (const contact of medium.contacts) perCustomer.set(contact.customerId, (perCustomer.get(contact.customerId) ?? 0) + 1);
    expect([...perCustomer.values()].filter((n) => n >= 300).length).toBeGreaterThanOrEqual(3);

    // A sample of every kind of row passes its schema.
    const sample = <T>(rows: readonly T[], every: number): T[] => rows.filter((_, i) => i % every === 0);
    const parses = <T>(schema: { parse: (row: unknown) => T }, rows: readonly T[]): void => {
      expect(rows.map((row) => schema.parse(row))).toEqual(rows);
    };
    parses(CustomerSchema, sample(medium.customers, 10));
    parses(ContactSchema, sample(medium.contacts, 25));
    parses(QueueItemSchema, sample(medium.queueItems, 25));
    parses(SurveyResponseSchema, sample(medium.surveys, 10));
    parses(FollowUpSchema, medium.followUps);

    expect(integrityProblems(medium, NOW)).toEqual([]);
  });
});
