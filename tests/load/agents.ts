/**
 * What a simulated agent does at their desktop: goes available after the
 * first sync, claims the contacts offered to them (after a moment's thought),
 * talks, ends the conversation and wraps up; and, Poisson-timed in between,
 * writes notes on customers of their team's queues and takes short breaks.
 */
import type http from 'node:http';
import type { Change, MutationResult } from '@core/sync/protocol';
import type { MutationInput, MutationName } from '@core/sync/mutations';
import type { Rng } from '@core/demo/random';
import { Desktop, type Account } from './desktops';
import type { Endpoint } from './http';
import type { NoteTracker, OfferTracker, Recorder } from './measures';

/** How long the human parts take. */
export const HUMAN = {
  /** Between seeing an offer and claiming it (uniform). */
  thinkMs: [1000, 3000] as const,
  /** Talking (exponential mean). */
  handleMeanMs: 30_000,
  /** After-contact work before the wrap-up (exponential mean). */
  afterContactMeanMs: 10_000,
  /** A break away from the desk (exponential mean). */
  breakMeanMs: 30_000,
  /** Share of background moments that are breaks rather than notes. */
  breakShare: 0.1,
} as const;

/** Changes made by one contact handled: claim, end of conversation, wrap-up. */
export const CHANGES_PER_CONTACT = 3;

export interface AgentPace {
  /** Background moments (a note, or a break: away then back) per second. */
  momentsPerSecond: number;
}

/**
 * Splits an agent's hourly changes between handling offered contacts (three
 * changes each) and the rest; a break is two changes (away, back).
 */
export function agentPace(changesPerHour: number, contactsPerHour: number): AgentPace & { handlingPerHour: number; backgroundPerHour: number } {
  const handlingPerHour = CHANGES_PER_CONTACT * contactsPerHour;
  const backgroundPerHour = Math.max(0, changesPerHour - handlingPerHour);
  const changesPerMoment = 1 - HUMAN.breakShare + 2 * HUMAN.breakShare;
  return { handlingPerHour, backgroundPerHour, momentsPerSecond: backgroundPerHour / changesPerMoment / 3600 };
}

const NOTES = [
  'Customer called back about the duplicate payment; refund confirmed by the payments team.',
  'Explained the new tariff and the date it starts. Customer happy to stay on the current plan until then.',
  'Router replaced last week; line test clean today. Asked the customer to report any further drops.',
  'Customer prefers email for anything about billing. Updated them on the open complaint.',
  'Engineer visit confirmed for Thursday morning; customer will be in from 8.',
  'Promised a call back once the network team closes the fault. Reference in the fault log.',
  'Customer asked about moving house next month: sent the home-move checklist.',
  'Goodwill credit applied for the outage; customer thanked us.',
];

const DISPOSITIONS = ['info-given', 'refund-issued', 'account-updated', 'fault-logged', 'callback-arranged', 'no-action'];

export interface AgentWorld {
  endpoint: Endpoint;
  http: http.Agent;
  recorder: Recorder;
  notes: NoteTracker;
  offers: OfferTracker;
  rng: Rng;
  pace: AgentPace;
  /** Short and unique per run: note ids carry it. */
  runTag: string;
}

type Presence = 'away' | 'available' | 'busy' | 'after-contact-work' | 'break';

interface InHand {
  id: string;
  customerId: string;
  stage: 'claiming' | 'talking' | 'wrapping';
}

/** Customers an agent may write about: the most recent ones seen in their team's queues. */
const KNOWN_CUSTOMERS = 64;

export class Agent {
  readonly desktop: Desktop;
  private presence: Presence = 'away';
  private inHand: InHand | null = null;
  private readonly known: string[] = [];
  private knownNext = 0;
  private readonly timers = new Set<ReturnType<typeof setTimeout>>();
  private stopped = false;
  private notesMade = 0;

  constructor(
    readonly index: number,
    readonly team: number,
    private readonly userId: string,
    account: Account,
    private readonly teamQueues: ReadonlySet<string>,
    private readonly world: AgentWorld,
  ) {
    this.desktop = new Desktop(world.endpoint, world.http, account, world.recorder, { onChanges: (changes, at) => this.read(changes, at), onFirstSync: () => this.firstSync() }, () => world.rng.next());
  }

  start(): void {
    this.desktop.start();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    await this.desktop.stop();
  }

  private later(ms: number, action: () => void): void {
    if (this.stopped) return;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      if (!this.stopped) action();
    }, ms);
    this.timers.add(timer);
  }

  private mutate<N extends MutationName>(name: N, args: MutationInput<N>, onResult?: (result: MutationResult) => void, onPush?: (at: number) => void): void {
    if (this.stopped) return;
    this.desktop.mutate(name, args, { ...(onResult ? { onResult } : {}), ...(onPush ? { onPush } : {}) });
  }

  /** Signing in leaves an agent away; they make themselves available once the desktop has synced. */
  private firstSync(): void {
    this.setPresence('available');
    this.scheduleMoment();
  }

  private setPresence(presence: 'available' | 'away'): void {
    this.presence = presence === 'away' ? 'break' : 'available';
    this.mutate('presence.set', { presence });
  }

  /** Reads a page as the workstation would show it: offers to this agent, customers in the team's queues, notes. */
  private read(changes: readonly Change[], at: number): void {
    for (const change of changes) {
      if (change.op !== 'put') continue;
      if (change.entity === 'contact') {
        this.world.notes.seen(change.id, this.team, this.index, at);
      } else if (change.entity === 'queueItem') {
        const row = change.row as { queueId: string; customerId: string; offeredTo: string | null; state: string };
        if (this.teamQueues.has(row.queueId)) this.remember(row.customerId);
        if (row.offeredTo === this.userId && row.state === 'waiting') {
          this.world.offers.seen(change.id, at);
          this.offered(change.id, row.customerId);
        }
      }
    }
  }

  private remember(customerId: string): void {
    if (this.known.length < KNOWN_CUSTOMERS) this.known.push(customerId);
    else this.known[this.knownNext] = customerId;
    this.knownNext = (this.knownNext + 1) % KNOWN_CUSTOMERS;
  }

  private offered(contactId: string, customerId: string): void {
    if (this.stopped || this.inHand || this.presence !== 'available') return;
    const inHand: InHand = { id: contactId, customerId, stage: 'claiming' };
    this.inHand = inHand;
    const [min, max] = HUMAN.thinkMs;
    this.later(this.world.rng.between(min, max), () =>
      this.mutate('contact.claim', { contactId }, (result) => {
        if (result.status !== 'applied') return this.letGo(inHand);
        inHand.stage = 'talking';
        this.presence = 'busy';
        this.later(this.world.rng.exp(HUMAN.handleMeanMs), () => this.endConversation(inHand));
      }),
    );
  }

  private endConversation(inHand: InHand): void {
    this.mutate('contact.endConversation', { contactId: inHand.id }, (result) => {
      if (result.status !== 'applied') return this.letGo(inHand);
      inHand.stage = 'wrapping';
      this.presence = 'after-contact-work';
      this.later(this.world.rng.exp(HUMAN.afterContactMeanMs), () => this.wrapUp(inHand));
    });
  }

  private wrapUp(inHand: InHand): void {
    const rng = this.world.rng;
    const args = { contactId: inHand.id, disposition: rng.pick(DISPOSITIONS), resolution: rng.chance(0.8) ? ('resolved' as const) : ('unresolved' as const), summary: rng.pick(NOTES) };
    this.mutate('contact.wrapUp', args, (result) => {
      if (result.status !== 'applied') return this.letGo(inHand);
      // The hub makes the agent available again.
      if (this.inHand === inHand) this.inHand = null;
      this.presence = 'available';
    });
  }

  /** A claim, end or wrap-up the hub refused (someone else took it): back to waiting for work. */
  private letGo(inHand: InHand): void {
    if (this.inHand !== inHand) return;
    this.inHand = null;
    if (this.presence !== 'available' && this.presence !== 'break') this.setPresence('available');
  }

  private scheduleMoment(): void {
    const { momentsPerSecond } = this.world.pace;
    if (momentsPerSecond <= 0) return;
    this.later(this.world.rng.exp(1000 / momentsPerSecond), () => {
      this.moment();
      this.scheduleMoment();
    });
  }

  /** Between contacts (or during one), a note; now and then a break. */
  private moment(): void {
    const rng = this.world.rng;
    if (this.presence === 'break') return;
    if (!this.inHand && this.presence === 'available' && rng.chance(HUMAN.breakShare)) {
      this.setPresence('away');
      this.later(rng.exp(HUMAN.breakMeanMs), () => this.setPresence('available'));
      return;
    }
    const onContact = this.inHand && this.inHand.stage !== 'claiming' && rng.chance(0.5) ? this.inHand : null;
    const customerId = onContact?.customerId ?? (this.known.length ? rng.pick(this.known) : null);
    if (!customerId) return;
    this.notesMade += 1;
    const id = `note_${this.world.runTag}_${this.index}_${this.notesMade}`;
    this.world.notes.made(id, this.team, this.index);
    this.mutate('contact.addNote', { id, customerId, parentId: onContact?.id ?? null, body: rng.pick(NOTES) }, undefined, (at) => this.world.notes.pushStarted(id, at));
  }
}
