/**
 * Deterministic demo data: a directory (teams, queues, users), customers with
 * a year of multi-channel history, a live queue backlog, follow-ups, surveys
 * and the published script packs.
 *
 * Everything comes from a seeded PRNG and the `now` passed in, so the same
 * size, seed and `now` always give byte-identical data. Generation is linear
 * in the number of contacts; `large` (500,000 contacts) takes a few seconds.
 */
import type { Channel, ReachableChannel } from '../domain/common';
import type {
  Article,
  Contact,
  Customer,
  FollowUp,
  FollowUpKind,
  FollowUpOutcome,
  PresenceRow,
  Queue,
  QueueItem,
  Script,
  SurveyResponse,
  Team,
  User,
} from '../domain/model';
import { newContact, newFollowUp, newQueueItem } from '../domain/model';
import {
  FOLLOW_UP_CANCEL_REASONS,
  FOLLOW_UP_NOTES_DONE,
  FOLLOW_UP_REASONS,
  RECOVERY_REASONS,
  SCENARIOS_BY_TOPIC,
  type Outcome,
  type RenderInput,
  type Scenario,
  type Voice,
  renderCall,
  renderChat,
  renderEmail,
  renderNote,
  renderOutboundCall,
  renderOutboundEmail,
  renderOutboundSms,
  renderSms,
  renderSocial,
  renderWaitingCall,
  surveyComment,
  toneOf,
} from './content';
import {
  DEMO_COMPANY,
  DEMO_QUEUES,
  DEMO_TEAMS,
  type DemoTopic,
  USER_AVA,
  USER_BEN,
  USER_SAM,
  agentFirstName,
  demoPresence,
  demoUsers,
  eligibleHandlers,
  routeToQueue,
} from './directory';
import { closingAfter, toWorkingTime } from '../planner/working-time';
import { demoLanguageOf, localMoney, renderLocalInbound, type DemoLanguage, type DemoProduct, type LocalVoice } from './content-languages';
import { CustomerFactory, type CustomerProfile } from './people';
import { Rng, Weighted, deriveSeed } from './random';
import { publishedScripts } from './scripts';
import { demoArticles } from './knowledge';

export { demoLanguageOf, localMoney, renderLocalInbound, type DemoLanguage } from './content-languages';
export { DEMO_COMPANY, DEMO_QUEUES, DEMO_TEAMS, DEMO_TOPICS, type DemoTopic, routeToQueue } from './directory';
export { SCRIPT_TRIGGERS, SCRIPT_VARIABLES, type ScriptTrigger, type ScriptVariable } from './script-vocabulary';
export { ScriptPackSchema, SCRIPT_PACK_SOURCES, publishedScripts, scriptPacks, type ScriptPack } from './scripts';

export type DemoSize = 'small' | 'medium' | 'large';

export interface DemoData {
  teams: Team[];
  queues: Queue[];
  users: User[];
  /** Everyone's presence (offline). */
  presence: PresenceRow[];
  customers: Customer[];
  contacts: Contact[];
  queueItems: QueueItem[];
  followUps: FollowUp[];
  surveys: SurveyResponse[];
  scripts: Script[];
  articles: Article[];
}

export interface DemoSizeSpec {
  customers: number;
  /** All contacts, history and live backlog together. */
  contacts: number;
  /** Queue items waiting to be claimed right now. */
  waiting: number;
  /** Queue items claimed right now (by Ava and Ben). */
  claimed: number;
  /** Customers (business accounts) with long histories. */
  longHistories: number;
  /** The longest single history, for timeline tests. */
  longestHistory: number;
}

export const DEMO_SIZES: Record<DemoSize, DemoSizeSpec> = {
  small: { customers: 250, contacts: 2_500, waiting: 25, claimed: 2, longHistories: 5, longestHistory: 150 },
  medium: { customers: 3_000, contacts: 50_000, waiting: 400, claimed: 2, longHistories: 45, longestHistory: 1_200 },
  large: { customers: 25_000, contacts: 500_000, waiting: 2_000, claimed: 2, longHistories: 400, longestHistory: 5_000 },
};

/** Every demo user signs in with this password. */
export const DEMO_PASSWORD = 'demo';

export const DEMO_DEFAULT_SEED = 20_240_917;

export interface DemoOptions {
  size: DemoSize;
  seed?: number;
  /** The moment the data is generated for (ms since epoch): histories end just before it, the backlog is live at it. */
  now: number;
}

const SECOND = 1_000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** History ends this long before `now`; the live backlog fills the time after it. */
const HISTORY_GAP = 45 * MINUTE;

const TOPICS = new Weighted<DemoTopic>([
  ['billing', 28],
  ['technical', 17],
  ['outage', 12],
  ['delivery', 14],
  ['general', 19],
  ['cancellation', 10],
]);

const INBOUND_CHANNELS = new Weighted<ReachableChannel>([
  ['call', 40],
  ['email', 22],
  ['chat', 20],
  ['sms', 10],
  ['social', 8],
]);

const OUTBOUND_CHANNELS = new Weighted<ReachableChannel>([
  ['call', 45],
  ['email', 30],
  ['sms', 25],
]);

/** Later contacts in a case: the customer again, the agent following up, or an internal note. */
const FOLLOW_ON = new Weighted<'inbound' | 'outbound' | 'note'>([
  ['inbound', 62],
  ['outbound', 28],
  ['note', 10],
]);

const EPISODE_LENGTH = new Weighted<number>([
  [1, 52],
  [2, 26],
  [3, 13],
  [4, 6],
  [5, 3],
]);

/** Local hour a contact starts, weighted towards office hours. */
const HOURS = new Weighted<number>([
  [7, 2],
  [8, 5],
  [9, 9],
  [10, 10],
  [11, 9],
  [12, 7],
  [13, 8],
  [14, 8],
  [15, 7],
  [16, 7],
  [17, 6],
  [18, 5],
  [19, 4],
  [20, 3],
  [21, 2],
  [22, 1],
]);

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;
const SLOTS = ['8am–1pm', '1pm–6pm', '8am–12pm', '12pm–4pm'] as const;
const CREDITS = [5, 10, 12, 15, 20, 25] as const;
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

const FOLLOW_UP_KINDS = new Weighted<FollowUpKind>([
  ['callback', 40],
  ['check-in', 35],
  ['message', 25],
]);

const FOLLOW_UP_OUTCOMES = new Weighted<FollowUpOutcome>([
  ['reached', 35],
  ['resolved', 30],
  ['no-answer', 12],
  ['left-message', 13],
  ['needs-another', 10],
]);

const FOLLOW_UP_COUNT = new Weighted<number>([
  [1, 70],
  [2, 22],
  [3, 8],
]);

/** Who owns follow-ups that are not tied to an agent's own contact. */
const FOLLOW_UP_OWNERS = new Weighted<string>([
  [USER_AVA, 3],
  [USER_BEN, 3],
  ['usr_chloe', 1],
  ['usr_diego', 1],
  ['usr_priya', 1.5],
  ['usr_tom', 1.5],
  [USER_SAM, 0.5],
]);

/** Handler weights: Ava and Ben take a bit more than their share; the supervisor steps in now and then. */
const HANDLER_WEIGHT: Record<string, number> = { [USER_AVA]: 1.4, [USER_BEN]: 1.3, [USER_SAM]: 0.15 };

/** One contact while generating, with what becomes its queue item and its parent (for notes). */
interface Rec {
  contact: Contact;
  item: QueueItem | null;
  parent: Rec | null;
  customer: number;
}

interface CustomerState {
  index: number;
  /** A business account with a long history. */
  long: boolean;
  customer: Customer;
  profile: CustomerProfile;
  /** Contacts that an agent handled (inbound done, outbound calls): what follow-ups and surveys hang off. */
  handled: Rec[];
  lastAt: number;
  lastTopic: DemoTopic;
  lastCancellationAt: number;
}

const clamp = (value: number, min: number, max: number): number => Math.min(max, Math.max(min, value));
const round2 = (value: number): number => Math.round(value * 100) / 100;

function humanDate(iso: string): string {
  const [year, month, day] = iso.split('-');
  return `${Number(day)} ${MONTHS[Number(month) - 1] ?? ''} ${year ?? ''}`;
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

class Generator {
  private readonly handlerTables = new Map<string, { ids: string[]; table: Weighted<string> }>();
  private readonly agentNames = new Map<string, string>();
  private readonly todayUtc: number;
  private readonly usersById = new Map(demoUsers().map((user) => [user.id, user] as const));
  private readonly sharedVoice: Voice = {
    first: '',
    full: '',
    agent: '',
    company: DEMO_COMPANY.name,
    handle: DEMO_COMPANY.socialHandle,
    plan: '',
    account: '',
    money: '',
    credit: '',
    day: '',
    slot: '',
    ref: '',
    town: '',
    product: '',
    contractEnds: '',
  };
  private voiceFor: CustomerState | null = null;
  private credits: string[] = [];

  constructor(
    private readonly now: number,
    private readonly seed: number,
    private readonly size: DemoSize,
  ) {
    this.todayUtc = Math.floor(now / DAY) * DAY;
    for (const queue of DEMO_QUEUES) {
      const ids = eligibleHandlers(queue);
      this.handlerTables.set(queue.id, { ids, table: new Weighted(ids.map((id) => [id, HANDLER_WEIGHT[id] ?? 1] as const)) });
    }
  }

  rng(part: string): Rng {
    return new Rng(deriveSeed(this.seed, `${this.size}/${part}`));
  }

  agentName(userId: string): string {
    let name = this.agentNames.get(userId);
    if (name === undefined) {
      name = agentFirstName(userId);
      this.agentNames.set(userId, name);
    }
    return name;
  }

  pickHandler(rng: Rng, queue: Queue, language: string): string {
    const entry = this.handlerTables.get(queue.id);
    if (!entry) throw new Error(`no handlers for ${queue.id}`);
    if (language === 'fr-FR' && entry.ids.includes('usr_chloe') && rng.chance(0.7)) return 'usr_chloe';
    if (language === 'es-ES' && entry.ids.includes('usr_diego') && rng.chance(0.7)) return 'usr_diego';
    return entry.table.pick(rng);
  }

  // -------------------------------------------------------------- customers

  customers(spec: DemoSizeSpec): CustomerState[] {
    const rng = this.rng('customers');
    const long = new Set(rng.shuffle(Array.from({ length: spec.customers }, (_, i) => i)).slice(0, spec.longHistories));
    const factory = new CustomerFactory(rng);
    const states: CustomerState[] = [];
    for (let index = 0; index < spec.customers; index++) {
      const { customer, profile } = factory.make({ index, business: long.has(index), now: this.now });
      states.push({ index, long: long.has(index), customer, profile, handled: [], lastAt: 0, lastTopic: 'general', lastCancellationAt: 0 });
    }
    return states;
  }

  /** How many history contacts each customer gets: most 3–20, a few long histories take the rest. */
  historyCounts(spec: DemoSizeSpec, states: CustomerState[], total: number): number[] {
    const rng = this.rng('counts');
    const counts = states.map(() => 0);
    const longIdx: number[] = [];
    let normalSum = 0;
    states.forEach((state, i) => {
      if (state.long) {
        longIdx.push(i);
        return;
      }
      const count = 3 + Math.floor(17 * rng.next() ** 2);
      counts[i] = count;
      normalSum += count;
    });
    const minLong = 40;
    if (total - normalSum < longIdx.length * minLong) {
      // Not enough room: shrink the ordinary histories to fit.
      const factor = Math.max(0, total - longIdx.length * minLong) / Math.max(1, normalSum);
      normalSum = 0;
      counts.forEach((count, i) => {
        if (count === 0) return;
        const scaled = Math.max(1, Math.round(count * factor));
        counts[i] = scaled;
        normalSum += scaled;
      });
    }
    let remainder = total - normalSum;
    if (longIdx.length === 0) {
      for (let i = 0; remainder !== 0 && counts.length > 0; i = (i + 1) % counts.length) {
        const step = remainder > 0 ? 1 : -1;
        if (step < 0 && (counts[i] ?? 0) <= 1) continue;
        counts[i] = (counts[i] ?? 0) + step;
        remainder -= step;
      }
      return counts;
    }
    const [first, ...rest] = longIdx as [number, ...number[]];
    const longest = Math.min(spec.longestHistory, remainder - rest.length * minLong);
    counts[first] = longest;
    remainder -= longest;
    const weights = rest.map(() => 0.4 + 2 * rng.next() ** 2);
    const weightSum = weights.reduce((a, b) => a + b, 0);
    let given = 0;
    rest.forEach((i, k) => {
      const share = minLong + Math.floor(((remainder - rest.length * minLong) * (weights[k] ?? 0)) / weightSum);
      counts[i] = share;
      given += share;
    });
    // Rounding leftovers go to the long histories, one each.
    for (let k = 0; given < remainder; k = (k + 1) % Math.max(1, rest.length)) {
      const i = rest[k] ?? first;
      counts[i] = (counts[i] ?? 0) + 1;
      given++;
    }
    return counts;
  }

  // -------------------------------------------------------------- contacts

  /**
   * What the templates may say for this customer and agent. One object is
   * reused for every contact (templates copy what they use into new strings),
   * which keeps garbage down when rendering half a million contacts.
   */
  voice(rng: Rng, state: CustomerState, agentId: string | null): Voice {
    const v = this.sharedVoice;
    if (this.voiceFor !== state) {
      const { customer, profile } = state;
      this.voiceFor = state;
      v.first = customer.firstName;
      v.full = `${customer.firstName} ${customer.lastName}`.trim();
      v.plan = profile.plan;
      v.account = String(customer.attributes.accountNumber ?? '');
      v.town = profile.town;
      v.product = profile.product;
      v.contractEnds = humanDate(profile.contractEnds);
      this.credits = CREDITS.map((amount) => `${profile.currencySymbol}${amount}`);
    }
    const { profile } = state;
    v.agent = agentId ? this.agentName(agentId) : 'the team';
    v.money = `${profile.currencySymbol}${(profile.monthlySpend * rng.between(1, 1.5)).toFixed(2)}`;
    v.credit = rng.pick(this.credits);
    v.day = rng.pick(WEEKDAYS);
    v.slot = rng.pick(SLOTS);
    v.ref = `BW-${rng.int(100_000, 999_999)}`;
    return v;
  }

  /** The channel if the customer can use it, else the nearest one they can (texts need a mobile). */
  usableChannel(channel: ReachableChannel, state: CustomerState): ReachableChannel {
    const { customer, profile } = state;
    if (channel === 'sms' && profile.mobile === null) channel = 'call';
    if (channel === 'call' && customer.phones.length === 0) return customer.emails.length > 0 ? 'email' : 'chat';
    if (channel === 'email' && customer.emails.length === 0) return 'call';
    return channel;
  }

  address(rng: Rng, channel: Channel, state: CustomerState): string | null {
    const { customer } = state;
    switch (channel) {
      case 'call':
        return customer.phones.length > 0 ? rng.pick(customer.phones) : null;
      case 'sms':
        return state.profile.mobile;
      case 'email':
        return customer.emails[0] ?? null;
      case 'chat':
        return customer.emails[0] ?? null;
      case 'social':
        return state.profile.handle;
      case 'note':
        return null;
    }
  }

  priority(rng: Rng, customer: Customer, topic: DemoTopic, channel: Channel): number {
    let p = customer.tier === 'vip' ? 1 : customer.tier === 'gold' ? 2 : 3;
    if (topic === 'cancellation' || topic === 'outage') p -= 1;
    if (channel === 'email' || channel === 'social') p += 1;
    if (rng.chance(0.2)) p += 1;
    return clamp(p, 1, 5);
  }

  /** Where a case starts: a day in the last year (recent days likelier), at a local office hour. */
  caseStart(rng: Rng, state: CustomerState): number {
    const earliest = Math.max(state.customer.createdAt, this.now - 365 * DAY);
    const maxDays = clamp(Math.floor((this.now - earliest) / DAY), 1, 365);
    const daysAgo = Math.floor(maxDays * rng.next() ** 1.35);
    const localMinutes = HOURS.pick(rng) * 60 + rng.int(0, 59);
    let at = this.todayUtc - daysAgo * DAY + (localMinutes - state.profile.utcOffsetMinutes) * MINUTE + rng.int(0, 59_999);
    while (at > this.now - HISTORY_GAP) at -= DAY;
    return at;
  }

  sentiment(rng: Rng, scenario: Scenario, repeatIndex: number, outcome: Outcome | null): number {
    let value = scenario.mood + rng.normal(0, 0.28) - 0.18 * repeatIndex;
    if (outcome) value += outcome.resolved ? 0.15 : -0.12;
    return round2(clamp(value, -1, 1));
  }

  body(rng: Rng, channel: ReachableChannel, input: RenderInput): string {
    switch (channel) {
      case 'call':
        return renderCall(rng, input);
      case 'email':
        return renderEmail(rng, input);
      case 'chat':
        return renderChat(rng, input);
      case 'sms':
        return renderSms(rng, input);
      case 'social':
        return renderSocial(rng, input);
    }
  }

  /** Inbound wait, handling and wrap-up times for a handled contact. */
  timings(rng: Rng, channel: ReachableChannel, at: number): { claimedAt: number; endedAt: number; doneAt: number } {
    let wait: number;
    let handle: number;
    switch (channel) {
      case 'call':
        wait = 5 * SECOND + rng.exp(75 * SECOND);
        handle = rng.between(3, 14) * MINUTE;
        break;
      case 'chat':
        wait = 5 * SECOND + rng.exp(60 * SECOND);
        handle = rng.between(5, 22) * MINUTE;
        break;
      case 'email':
        wait = MINUTE + rng.exp(6 * MINUTE);
        handle = rng.between(3, 12) * MINUTE;
        break;
      case 'sms':
        wait = 30 * SECOND + rng.exp(5 * MINUTE);
        handle = rng.between(1, 4) * MINUTE;
        break;
      case 'social':
        wait = MINUTE + rng.exp(6 * MINUTE);
        handle = rng.between(2, 6) * MINUTE;
        break;
    }
    const wrap = rng.between(20, 180) * SECOND;
    const room = this.now - MINUTE - at;
    const scale = wait + handle + wrap > room ? room / (wait + handle + wrap) : 1;
    const claimedAt = Math.floor(at + wait * scale) + 1;
    const endedAt = Math.floor(claimedAt + handle * scale) + 1;
    const doneAt = Math.floor(endedAt + wrap * scale) + 1;
    return { claimedAt, endedAt, doneAt };
  }

  history(states: CustomerState[], counts: number[], recs: Rec[]): void {
    const rng = this.rng('history');
    const cap = this.now - HISTORY_GAP;
    states.forEach((state, ci) => {
      const target = counts[ci] ?? 0;
      const { customer } = state;
      let produced = 0;
      while (produced < target) {
        const topic = TOPICS.pick(rng);
        const scenario = SCENARIOS_BY_TOPIC[topic].pick(rng);
        const subject = rng.pick(scenario.subjects);
        const length = EPISODE_LENGTH.pick(rng);
        let t = this.caseStart(rng, state);
        let channel = this.usableChannel(rng.chance(0.45) ? customer.preferredChannel : INBOUND_CHANNELS.pick(rng), state);
        let caseAgent: string | null = null;
        let inboundCount = 0;
        let lastContactAt = 0;
        for (let j = 0; j < length && produced < target && t <= cap; j++) {
          const last = j === length - 1;
          lastContactAt = t;
          let kind = j === 0 ? 'inbound' : FOLLOW_ON.pick(rng);
          if (kind !== 'inbound' && caseAgent === null) kind = 'inbound';
          if (kind === 'inbound') {
            if (j > 0 && rng.chance(0.4)) channel = this.usableChannel(INBOUND_CHANNELS.pick(rng), state);
            const queue = routeToQueue(topic, channel);
            if (!queue) throw new Error(`no queue takes ${topic} on ${channel}`);
            const agentId = this.pickHandler(rng, queue, customer.language);
            const outcome = pickOutcome(rng, scenario, last);
            const sentiment = this.sentiment(rng, scenario, inboundCount, outcome);
            const voice = this.voice(rng, state, agentId);
            const { claimedAt, endedAt, doneAt } = this.timings(rng, channel, t);
            const contact = newContact({
              id: '',
              customerId: customer.id,
              channel,
              direction: 'inbound',
              subject: inboundCount > 0 && channel === 'email' ? `Re: ${subject}` : subject,
              body: this.body(rng, channel, { scenario, outcome, voice, tone: toneOf(sentiment), repeat: inboundCount > 0 }),
              address: this.address(rng, channel, state),
              at: t,
              endedAt,
              queueId: queue.id,
              agentId,
              topic,
              disposition: outcome.disposition,
              resolution: outcome.resolved ? 'resolved' : 'unresolved',
              sentiment,
              summary: outcome.summary(voice),
            });
            const item = newQueueItem(contact, queue, {
              priority: this.priority(rng, customer, topic, channel),
              state: 'done',
              assigneeId: agentId,
              claimedAt,
              doneAt,
            });
            const rec: Rec = { contact, item, parent: null, customer: ci };
            recs.push(rec);
            state.handled.push(rec);
            produced++;
            inboundCount++;
            caseAgent = agentId;
            // A note written during the call or chat.
            if ((channel === 'call' || channel === 'chat') && produced < target && rng.chance(0.1)) {
              recs.push({
                contact: this.note(rng, state, scenario, subject, topic, agentId, Math.min(this.now - SECOND, endedAt + Math.floor(rng.between(10, 120) * SECOND))),
                item: null,
                parent: rec,
                customer: ci,
              });
              produced++;
            }
            t = endedAt + Math.floor(HOUR + rng.exp(20 * HOUR));
          } else if (kind === 'outbound' && caseAgent !== null) {
            const outChannel = this.usableChannel(OUTBOUND_CHANNELS.pick(rng), state);
            const voice = this.voice(rng, state, caseAgent);
            const isCall = outChannel === 'call';
            const sentiment = isCall ? round2(clamp(scenario.mood + 0.35 + rng.normal(0, 0.25), -1, 1)) : null;
            let body: string;
            if (isCall) body = renderOutboundCall(rng, scenario, voice, toneOf(sentiment ?? 0));
            else if (outChannel === 'email') body = renderOutboundEmail(scenario, voice);
            else body = renderOutboundSms(scenario, voice);
            const endedAt = isCall ? t + Math.floor(rng.between(2, 8) * MINUTE) : null;
            const contact = newContact({
              id: '',
              customerId: customer.id,
              channel: outChannel,
              direction: 'outbound',
              subject: isCall ? `Call back: ${subject}` : `Update: ${subject}`,
              body,
              address: this.address(rng, outChannel, state),
              at: t,
              endedAt,
              agentId: caseAgent,
              topic,
              disposition: isCall ? 'Follow-up call made' : 'Update sent',
              resolution: isCall ? (last ? 'resolved' : 'unresolved') : null,
              sentiment,
              summary: isCall ? `Called back as promised with an update on ${scenario.about.replace(/^your /, 'the customer’s ')}.` : null,
            });
            const rec: Rec = { contact, item: null, parent: null, customer: ci };
            recs.push(rec);
            if (isCall) state.handled.push(rec);
            produced++;
            t = (endedAt ?? t) + Math.floor(2 * HOUR + rng.exp(24 * HOUR));
          } else {
            recs.push({ contact: this.note(rng, state, scenario, subject, topic, caseAgent ?? USER_SAM, t), item: null, parent: null, customer: ci });
            produced++;
            t += Math.floor(30 * MINUTE + rng.exp(6 * HOUR));
          }
        }
        if (topic === 'cancellation') state.lastCancellationAt = Math.max(state.lastCancellationAt, lastContactAt);
        if (lastContactAt > state.lastAt) {
          state.lastAt = lastContactAt;
          state.lastTopic = topic;
        }
      }
    });
  }

  note(rng: Rng, state: CustomerState, scenario: Scenario, subject: string, topic: DemoTopic, agentId: string, at: number): Contact {
    return newContact({
      id: '',
      customerId: state.customer.id,
      channel: 'note',
      direction: 'internal',
      subject: `Note: ${subject}`,
      body: renderNote(rng, scenario, this.voice(rng, state, agentId)),
      at,
      agentId,
      topic,
    });
  }

  // -------------------------------------------------------------- live backlog

  backlog(spec: DemoSizeSpec, states: CustomerState[], recs: Rec[]): void {
    const rng = this.rng('backlog');
    const start = recs.length;
    const recent = states.filter((state) => state.lastAt >= this.now - 7 * DAY);
    const careTopics: readonly DemoTopic[] = ['billing', 'technical', 'outage', 'delivery', 'general'];
    const total = spec.waiting + spec.claimed;
    for (let k = 0; k < total; k++) {
      const claimedBy = k < spec.claimed ? (k % 2 === 0 ? USER_AVA : USER_BEN) : null;
      // The first few go to Care queues that Ava and Ben are offered, so the demo always opens with work for them.
      const forCare = k < spec.claimed + 8;
      let state: CustomerState;
      let topic: DemoTopic;
      let repeat = false;
      if (!forCare && recent.length > 0 && rng.chance(0.3)) {
        state = rng.pick(recent);
        topic = state.lastTopic;
        repeat = true;
      } else {
        state = rng.pick(states);
        topic = claimedBy === USER_AVA ? 'billing' : claimedBy === USER_BEN ? 'technical' : forCare ? rng.pick(careTopics) : TOPICS.pick(rng);
      }
      const { customer } = state;
      const channel = claimedBy ? this.usableChannel('call', state) : this.usableChannel(INBOUND_CHANNELS.pick(rng), state);
      const queue = routeToQueue(topic, channel);
      if (!queue) throw new Error(`no queue takes ${topic} on ${channel}`);
      const scenario = SCENARIOS_BY_TOPIC[topic].pick(rng);
      const subject = rng.pick(scenario.subjects);
      let enqueuedAt: number;
      let claimedAt: number | null = null;
      if (claimedBy) {
        enqueuedAt = this.now - Math.floor(rng.between(3, 12) * MINUTE);
        claimedAt = Math.min(this.now - 30 * SECOND, enqueuedAt + Math.floor(rng.between(20, 150) * SECOND));
      } else {
        // Within the last 40 minutes, most of them recent: some already past their SLA, some close to it.
        enqueuedAt = this.now - Math.floor(39 * MINUTE * rng.next() ** 2.2) - rng.int(5, 60) * SECOND;
      }
      const sentiment = channel === 'call' ? null : this.sentiment(rng, scenario, repeat ? 1 : 0, null);
      const voice = this.voice(rng, state, claimedBy);
      const body =
        channel === 'call'
          ? renderWaitingCall(topic, repeat)
          : this.body(rng, channel, { scenario, outcome: null, voice, tone: toneOf(sentiment ?? 0), repeat });
      const contact = newContact({
        id: '',
        customerId: customer.id,
        channel,
        direction: 'inbound',
        subject: repeat && channel === 'email' ? `Re: ${subject}` : subject,
        body,
        address: this.address(rng, channel, state),
        at: enqueuedAt,
        queueId: queue.id,
        agentId: claimedBy,
        topic,
        sentiment,
      });
      const item = newQueueItem(contact, queue, {
        priority: this.priority(rng, customer, topic, channel),
        state: claimedBy ? 'claimed' : 'waiting',
        assigneeId: claimedBy,
        claimedAt,
      });
      recs.push({ contact, item, parent: null, customer: state.index });
    }
    this.customerLanguages(states, recs, start);
  }

  /**
   * The live backlog in the customers' own languages: German and Spanish
   * speakers write in German and Spanish, and three more Care contacts come
   * from them (a Spanish billing chat, a German delivery email, a German
   * billing chat), so the demo always shows a script in the customer's
   * language and one without a version in it. They are added, not swapped
   * in, from customers with little history and none this week, and a random
   * stream of their own leaves the rest of the demo as it was.
   */
  customerLanguages(states: CustomerState[], recs: Rec[], start: number): void {
    const rng = this.rng('backlog-languages');
    const planned: readonly (readonly [DemoLanguage, DemoTopic, 'chat' | 'email'])[] = [
      ['es', 'billing', 'chat'],
      ['de', 'delivery', 'email'],
      ['de', 'billing', 'chat'],
    ];
    const open = new Set(recs.slice(start).map((rec) => rec.customer));
    for (const [language, topic, channel] of planned) {
      const pool = states.filter(
        (state) =>
          demoLanguageOf(state.customer.language) === language &&
          state.customer.emails.length > 0 &&
          !open.has(state.index) &&
          state.handled.length <= 3 &&
          state.lastAt < this.now - 7 * DAY,
      );
      const queue = routeToQueue(topic, channel);
      if (pool.length === 0 || !queue) continue;
      const state = rng.pick(pool);
      open.add(state.index);
      const contact = newContact({
        id: '',
        customerId: state.customer.id,
        channel,
        direction: 'inbound',
        subject: '',
        body: '',
        address: this.address(rng, channel, state),
        at: this.now - Math.floor(rng.between(2, 25) * MINUTE),
        queueId: queue.id,
        agentId: null,
        topic,
        sentiment: Math.round(rng.between(-0.6, 0) * 100) / 100,
      });
      const item = newQueueItem(contact, queue, { priority: this.priority(rng, state.customer, topic, channel), state: 'waiting', assigneeId: null, claimedAt: null });
      recs.push({ contact, item, parent: null, customer: state.index });
    }
    for (let i = start; i < recs.length; i++) {
      const rec = recs[i]!;
      const state = states[rec.customer]!;
      const language = demoLanguageOf(state.customer.language);
      const { channel, topic } = rec.contact;
      if (!language || channel === 'call' || channel === 'note' || !topic) continue;
      const { profile, customer } = state;
      const voice: LocalVoice = {
        first: customer.firstName,
        full: `${customer.firstName} ${customer.lastName}`.trim(),
        account: String(customer.attributes.accountNumber ?? ''),
        plan: profile.plan,
        money: localMoney(profile.monthlySpend * rng.between(1, 1.5)),
        product: profile.product as DemoProduct,
        town: profile.town,
      };
      const message = renderLocalInbound(rng, language, topic as DemoTopic, channel, voice, profile.handle);
      rec.contact.subject = message.subject;
      rec.contact.body = message.body;
    }
  }

  // -------------------------------------------------------------- surveys

  surveys(recs: Rec[]): SurveyResponse[] {
    const rng = this.rng('surveys');
    const out: SurveyResponse[] = [];
    for (const rec of recs) {
      const { contact, item } = rec;
      if (contact.direction !== 'inbound' || item?.state !== 'done' || contact.agentId === null || contact.endedAt === null) continue;
      if (!rng.chance(0.35)) continue;
      let at = contact.endedAt + Math.floor(10 * MINUTE + rng.exp(3 * HOUR));
      if (at > this.now) at = contact.endedAt + Math.floor((this.now - contact.endedAt) * rng.next());
      const answered = !rng.chance(this.now - at < 2 * DAY ? 0.5 : 0.12);
      let csat: number | null = null;
      let nps: number | null = null;
      let comment = '';
      if (answered) {
        const mean = 4.2 + 1.2 * (contact.sentiment ?? 0) + (contact.resolution === 'resolved' ? 0.3 : -0.6);
        csat = clamp(Math.round(mean + rng.normal(0, 0.7)), 1, 5);
        nps = npsFor(rng, csat);
        if (rng.chance(0.4)) comment = surveyComment(rng, csat, this.agentName(contact.agentId));
      }
      out.push({
        id: `srv_${pad(out.length + 1, 6)}`,
        contactId: contact.id,
        customerId: contact.customerId,
        agentId: contact.agentId,
        status: answered ? 'answered' : 'sent',
        csat,
        nps,
        comment,
        at,
      });
    }
    return out;
  }

  // -------------------------------------------------------------- follow-ups

  followUps(states: CustomerState[], recs: Rec[]): FollowUp[] {
    const rng = this.rng('follow-ups');
    const out: FollowUp[] = [];
    /** Numbers the follow-up (its id was left blank) in the order they are made. */
    const add = (row: FollowUp): void => {
      out.push({ ...row, id: `fu_${pad(out.length + 1, 6)}` });
    };

    // Ava's and Ben's own work list: overdue, due later today and coming up, tied to contacts they handled,
    // all inside their working hours. "Later today" is halfway to closing, when today is a working day with
    // time left; otherwise the next working day's opening.
    const quarter = 15 * MINUTE;
    const at = (offset: number): number => Math.floor((this.now + offset) / quarter) * quarter;
    const ava = this.usersById.get(USER_AVA)!;
    const closing = closingAfter(this.now, ava.workingHours, ava.timeZone);
    const dueToday = closing !== null && closing - this.now > quarter ? this.now + Math.min((closing - this.now) / 2, 3 * HOUR) : this.now;
    const plans: readonly (readonly [string, readonly number[]])[] = [
      [USER_AVA, [at(-26 * HOUR), at(-3 * HOUR), dueToday, at(DAY + 2 * HOUR), at(3 * DAY), at(9 * DAY)]],
      [USER_BEN, [at(-5 * HOUR), at(2 * DAY), at(6 * DAY)]],
    ];
    for (const [owner, planned] of plans) {
      // Inside the owner's working hours, on the same side of now (overdue stays overdue, due stays to come).
      const dues = planned.map((dueAt) => this.workingDue(owner, dueAt, dueAt < this.now ? 'earlier' : 'later'));
      const picks = this.recentHandled(recs, owner, dues.length);
      dues.forEach((dueAt, k) => {
        const rec = picks[k] ?? null;
        const base = rec ? (rec.contact.endedAt ?? rec.contact.at) : dueAt - 2 * DAY;
        const createdAt = Math.min(base + Math.floor(rng.between(1, 10) * MINUTE), dueAt - HOUR, this.now);
        const state = rec ? states[rec.customer] : rng.pick(states);
        if (!state) return;
        const kind: FollowUpKind = (rec?.contact.sentiment ?? 0) < -0.45 ? 'recovery' : k % 2 === 0 ? 'callback' : 'check-in';
        add(this.scheduledFollowUp(rng, state, rec, kind, owner, createdAt, dueAt));
      });
    }

    // Everyone else: about 8% of customers have follow-ups in every state.
    for (const state of states) {
      if (!rng.chance(0.08)) continue;
      const count = FOLLOW_UP_COUNT.pick(rng);
      for (let n = 0; n < count; n++) {
        const rec = state.handled.length === 0 ? null : n === 0 ? newest(state.handled) : rng.pick(state.handled);
        add(this.followUp(rng, state, rec));
      }
    }
    return out;
  }

  /** `dueAt` on a quarter hour inside `owner`'s working hours: the nearest such time later, or earlier. */
  workingDue(owner: string, dueAt: number, direction: 'earlier' | 'later'): number {
    const user = this.usersById.get(owner);
    if (!user) return dueAt;
    const quarter = 15 * MINUTE;
    const rounded = direction === 'later' ? Math.ceil(dueAt / quarter) * quarter : Math.floor(dueAt / quarter) * quarter;
    return toWorkingTime(rounded, user.workingHours, user.timeZone, direction);
  }

  /** The newest contacts an agent handled 3–20 days ago (any age if too few), one per customer. */
  recentHandled(recs: Rec[], agentId: string, count: number): Rec[] {
    const picked: Rec[] = [];
    const seen = new Set<number>();
    const pass = (from: number, to: number): void => {
      for (let i = recs.length - 1; i >= 0 && picked.length < count; i--) {
        const rec = recs[i] as Rec;
        const { contact } = rec;
        if (contact.agentId !== agentId || rec.item?.state !== 'done' || seen.has(rec.customer)) continue;
        const end = contact.endedAt ?? contact.at;
        if (end > this.now - from || end < this.now - to) continue;
        picked.push(rec);
        seen.add(rec.customer);
      }
    };
    pass(3 * DAY, 20 * DAY);
    pass(0, Number.MAX_SAFE_INTEGER);
    return picked;
  }

  followUpChannel(kind: FollowUpKind, state: CustomerState): ReachableChannel {
    const { customer } = state;
    const hasPhone = customer.phones.length > 0;
    if (kind === 'message') return state.profile.mobile !== null && customer.preferredChannel !== 'email' ? 'sms' : 'email';
    if (kind === 'check-in' && customer.preferredChannel === 'email') return 'email';
    return hasPhone ? 'call' : 'email';
  }

  reason(rng: Rng, kind: FollowUpKind, topic: string | null): string {
    if (kind === 'recovery') return rng.pick(RECOVERY_REASONS);
    const reasons = FOLLOW_UP_REASONS[(topic ?? 'general') as DemoTopic] ?? FOLLOW_UP_REASONS.general;
    return rng.pick(reasons);
  }

  scheduledFollowUp(
    rng: Rng,
    state: CustomerState,
    rec: Rec | null,
    kind: FollowUpKind,
    owner: string,
    createdAt: number,
    dueAt: number,
  ): FollowUp {
    return newFollowUp({
      id: '',
      customerId: state.customer.id,
      contactId: rec ? rec.contact.id : null,
      kind,
      channel: this.followUpChannel(kind, state),
      dueAt,
      ownerId: owner,
      reason: this.reason(rng, kind, rec?.contact.topic ?? null),
      createdAt,
      createdBy: owner,
    });
  }

  followUp(rng: Rng, state: CustomerState, rec: Rec | null): FollowUp {
    const base = rec ? (rec.contact.endedAt ?? rec.contact.at) : this.now - Math.floor(rng.between(1, 60) * DAY);
    const createdAt = Math.min(this.now, base + Math.floor(rng.between(1, 15) * MINUTE));
    const kind: FollowUpKind = (rec?.contact.sentiment ?? 0) < -0.45 ? 'recovery' : FOLLOW_UP_KINDS.pick(rng);
    const soon = kind === 'callback' || kind === 'recovery';
    const handler = rec?.contact.agentId ?? null;
    const owner = handler && handler !== USER_SAM && (handler === USER_AVA || handler === USER_BEN || rng.chance(0.6)) ? handler : FOLLOW_UP_OWNERS.pick(rng);
    const planned = createdAt + Math.floor(soon ? rng.between(2 * HOUR, 2 * DAY) : rng.between(DAY, 10 * DAY));
    // On the owner's working clock, and after it was planned.
    const dueAt = this.workingDue(owner, Math.max(planned, createdAt + 15 * MINUTE), 'later');
    const createdBy = rng.chance(0.85) ? owner : (handler ?? USER_SAM);
    const row = this.scheduledFollowUp(rng, state, rec, kind, owner, createdAt, dueAt);
    row.createdBy = createdBy;

    let stateName: FollowUp['state'];
    const r = rng.next();
    if (dueAt < this.now - 3 * DAY) stateName = r < 0.85 ? 'done' : 'cancelled';
    else if (dueAt < this.now) stateName = r < 0.55 ? 'scheduled' : r < 0.95 ? 'done' : 'cancelled';
    else stateName = r < 0.92 ? 'scheduled' : 'cancelled';
    row.state = stateName;
    if (stateName === 'done') {
      const outcome = FOLLOW_UP_OUTCOMES.pick(rng);
      row.outcome = outcome;
      row.note = rng.pick(FOLLOW_UP_NOTES_DONE[outcome]);
      row.completedAt = clamp(dueAt + Math.floor(rng.between(-2 * HOUR, 20 * HOUR)), createdAt + MINUTE, this.now);
      row.completedBy = rng.chance(0.9) ? owner : USER_SAM;
    } else if (stateName === 'cancelled') {
      row.cancelReason = rng.pick(FOLLOW_UP_CANCEL_REASONS);
    }
    return row;
  }
}

const outcomeTables = new Map<Scenario, { all: Weighted<Outcome>; unresolved: Outcome[] }>();

function pickOutcome(rng: Rng, scenario: Scenario, last: boolean): Outcome {
  let tables = outcomeTables.get(scenario);
  if (!tables) {
    tables = {
      all: new Weighted(scenario.outcomes.map((outcome) => [outcome, outcome.weight] as const)),
      unresolved: scenario.outcomes.filter((outcome) => !outcome.resolved),
    };
    outcomeTables.set(scenario, tables);
  }
  if (!last && tables.unresolved.length > 0 && rng.chance(0.7)) return rng.pick(tables.unresolved);
  return tables.all.pick(rng);
}

function npsFor(rng: Rng, csat: number): number {
  switch (csat) {
    case 5:
      return rng.chance(0.8) ? rng.int(9, 10) : rng.int(7, 8);
    case 4:
      return rng.int(7, 9);
    case 3:
      return rng.int(5, 8);
    case 2:
      return rng.int(2, 6);
    default:
      return rng.int(0, 4);
  }
}

/**
 * Contacts in time order, ties in generation order. A bucket sort on `at`
 * with insertion sort inside each (tiny) bucket: linear in practice, and much
 * cheaper than a comparison sort over half a million objects.
 */
function sortByTime(recs: readonly Rec[]): Rec[] {
  const n = recs.length;
  if (n === 0) return [];
  let min = Infinity;
  let max = -Infinity;
  for (const rec of recs) {
    const at = rec.contact.at;
    if (at < min) min = at;
    if (at > max) max = at;
  }
  const width = Math.max(1, Math.ceil((max - min + 1) / n));
  const buckets = Math.floor((max - min) / width) + 1;
  const starts = new Uint32Array(buckets + 1);
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const at = (recs[i] as Rec).contact.at;
    keys[i] = at;
    (starts[Math.floor((at - min) / width) + 1] as number)++;
  }
  for (let b = 0; b < buckets; b++) starts[b + 1] = (starts[b + 1] as number) + (starts[b] as number);
  const order = new Uint32Array(n);
  const fill = starts.slice(0, buckets);
  for (let i = 0; i < n; i++) {
    const b = Math.floor(((keys[i] as number) - min) / width);
    order[(fill[b] as number)++] = i;
  }
  for (let b = 0; b < buckets; b++) {
    const from = starts[b] as number;
    const to = starts[b + 1] as number;
    for (let i = from + 1; i < to; i++) {
      const current = order[i] as number;
      const key = keys[current] as number;
      let j = i - 1;
      while (j >= from && (keys[order[j] as number] as number) > key) {
        order[j + 1] = order[j] as number;
        j--;
      }
      order[j + 1] = current;
    }
  }
  const out = new Array<Rec>(n);
  for (let i = 0; i < n; i++) out[i] = recs[order[i] as number] as Rec;
  return out;
}

function newest(recs: readonly Rec[]): Rec | null {
  let best: Rec | null = null;
  for (const rec of recs) if (!best || rec.contact.at > best.contact.at) best = rec;
  return best;
}


export function generateDemoData(options: DemoOptions): DemoData {
  const spec = DEMO_SIZES[options.size];
  if (!spec) throw new Error(`unknown demo size ${String(options.size)}`);
  const now = Math.floor(options.now);
  const seed = (options.seed ?? DEMO_DEFAULT_SEED) >>> 0;
  const gen = new Generator(now, seed, options.size);

  const states = gen.customers(spec);
  const historyTotal = spec.contacts - spec.waiting - spec.claimed;
  const counts = gen.historyCounts(spec, states, historyTotal);
  const recs: Rec[] = [];
  gen.history(states, counts, recs);
  gen.backlog(spec, states, recs);

  // Ids follow time: con_0000001 is the oldest contact; ties keep generation order.
  const sorted = sortByTime(recs);
  const contacts: Contact[] = new Array<Contact>(sorted.length);
  const queueItems: QueueItem[] = [];
  sorted.forEach((rec, i) => {
    const id = `con_${pad(i + 1, 7)}`;
    rec.contact.id = id;
    contacts[i] = rec.contact;
    if (rec.item) {
      rec.item.id = id;
      rec.item.contactId = id;
      queueItems.push(rec.item);
    }
  });
  for (const rec of sorted) if (rec.parent) rec.contact.parentId = rec.parent.contact.id;

  // Some customers who recently talked about leaving are flagged, and a few others (contract ending, many faults).
  const tagRng = gen.rng('tags');
  for (const state of states) {
    const { tags } = state.customer;
    if (tags.includes('at-risk')) continue;
    if ((state.lastCancellationAt > now - 90 * DAY && tagRng.chance(0.5)) || tagRng.chance(0.02)) tags.push('at-risk');
  }

  const surveys = gen.surveys(sorted);
  const followUps = gen.followUps(states, sorted);

  return {
    teams: DEMO_TEAMS.map((team) => ({ ...team })),
    queues: DEMO_QUEUES.map((queue) => ({ ...queue, channels: [...queue.channels], topics: [...queue.topics], skills: [...queue.skills] })),
    users: demoUsers(),
    presence: demoPresence(now),
    customers: states.map((state) => state.customer),
    contacts,
    queueItems,
    followUps,
    surveys,
    scripts: publishedScripts(now - 30 * DAY, USER_SAM),
    articles: demoArticles(now - 30 * DAY, USER_SAM),
  };
}
