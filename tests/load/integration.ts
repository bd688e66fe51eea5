/**
 * A channel gateway posting new contacts to POST /api/v1/contacts with its
 * integration key, Poisson-timed: each to a team's queue (by the team's
 * topics), from a customer the team already knows now and then, otherwise
 * from a new sender.
 */
import type http from 'node:http';
import type { IngestContactRequest, IngestContactResponse } from '@core/hub-api';
import type { Rng } from '@core/demo/random';
import { json, request, RequestFailure, type Endpoint } from './http';
import type { OfferTracker, Recorder } from './measures';
import type { LoadTeam } from './accounts';

const CHANNELS = [
  ['call', 0.35],
  ['chat', 0.25],
  ['email', 0.25],
  ['sms', 0.1],
  ['social', 0.05],
] as const;

const SUBJECTS = {
  care: ['Broadband keeps dropping in the evening', 'Router lights flashing orange', 'Engineer did not turn up', 'Moving house next month', 'TV box stuck on the start screen'],
  billing: ['Charged twice this month', 'Bill higher than usual', 'Direct Debit date change', 'Refund not received yet', 'Question about my last invoice'],
};

/** A gateway answers on its own; a slow hub makes posts wait here rather than pile up without bound. */
const MAX_IN_FLIGHT = 64;

export interface IntegrationOptions {
  endpoints: readonly Endpoint[];
  http: http.Agent;
  key: string;
  teams: readonly LoadTeam[];
  /** New contacts per second. */
  perSecond: number;
  rng: Rng;
  recorder: Recorder;
  offers: OfferTracker;
  runTag: string;
}

export class Integration {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private stopped = false;
  private inFlight = 0;
  private readonly waiting: ((granted: boolean) => void)[] = [];
  private readonly running = new Set<Promise<void>>();
  private posted = 0;
  /** Posts that waited for a free slot (the hub was answering slowly). */
  queued = 0;
  private readonly teamWeights: number[];
  private readonly totalWeight: number;

  constructor(private readonly options: IntegrationOptions) {
    this.teamWeights = options.teams.map((team) => team.agents);
    this.totalWeight = this.teamWeights.reduce((sum, weight) => sum + weight, 0);
  }

  start(): void {
    if (this.options.perSecond > 0) this.schedule();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    // Posts still waiting for a slot are not sent.
    for (const resolve of this.waiting.splice(0)) resolve(false);
    await Promise.allSettled([...this.running]);
  }

  private schedule(): void {
    this.timer = setTimeout(() => {
      if (this.stopped) return;
      const post = this.post().finally(() => this.running.delete(post));
      this.running.add(post);
      this.schedule();
    }, this.options.rng.exp(1000 / this.options.perSecond));
  }

  /** Teams get contacts in proportion to their agents. */
  private pickTeam(): LoadTeam {
    let left = this.options.rng.next() * this.totalWeight;
    for (const [index, weight] of this.teamWeights.entries()) {
      left -= weight;
      if (left < 0) return this.options.teams[index]!;
    }
    return this.options.teams.at(-1)!;
  }

  private pickChannel(): (typeof CHANNELS)[number][0] {
    let left = this.options.rng.next();
    for (const [channel, share] of CHANNELS) {
      left -= share;
      if (left < 0) return channel;
    }
    return 'call';
  }

  private contact(n: number): IngestContactRequest {
    const { rng, runTag } = this.options;
    const team = this.pickTeam();
    const billing = rng.chance(0.3);
    const channel = this.pickChannel();
    const known = channel !== 'social' && team.senders.length > 0 && rng.chance(0.3) ? rng.pick(team.senders) : null;
    const from =
      channel === 'social'
        ? { handle: `@load_${runTag}_${n}` }
        : known
          ? channel === 'email' || channel === 'chat'
            ? known.email
              ? { email: known.email }
              : { phone: known.phone! }
            : known.phone
              ? { phone: known.phone }
              : { email: known.email! }
          : channel === 'email' || channel === 'chat'
            ? { email: `sender.${runTag}.${n}@example.net` }
            : { phone: `+4477${String(100_000_000 + n).slice(-8)}` };
    const subject = rng.pick(billing ? SUBJECTS.billing : SUBJECTS.care);
    return {
      channel,
      from,
      subject,
      body: `${subject}. Please get back to me as soon as you can.`,
      topic: billing ? team.billingTopic : team.careTopic,
      externalId: `load-${runTag}-${n}`,
    };
  }

  /** Resolves true with a slot held, false when the run stopped first. */
  private async slot(): Promise<boolean> {
    if (this.inFlight < MAX_IN_FLIGHT) {
      this.inFlight += 1;
      return true;
    }
    this.queued += 1;
    return new Promise<boolean>((resolve) => this.waiting.push(resolve));
  }

  /** Hands the slot to the next waiting post, or frees it. */
  private release(): void {
    const next = this.waiting.shift();
    if (next) next(true);
    else this.inFlight -= 1;
  }

  private async post(): Promise<void> {
    if (!(await this.slot())) return;
    if (this.stopped) return this.release();
    this.posted += 1;
    const n = this.posted;
    const { endpoints, recorder, offers } = this.options;
    const endpoint = endpoints[n % endpoints.length]!;
    const body = JSON.stringify(this.contact(n));
    const startedAt = performance.now();
    try {
      const answer = await request(endpoint, this.options.http, 'POST', '/api/v1/contacts', { authorization: `Bearer ${this.options.key}` }, body);
      const endedAt = performance.now();
      const response = json<IngestContactResponse>(answer, 'POST', '/api/v1/contacts');
      if (answer.status !== 201) recorder.error(`POST /api/v1/contacts ${answer.status} (duplicate)`);
      recorder.posted(startedAt, endedAt);
      offers.post(response.contactId, startedAt, response.offeredTo);
    } catch (error) {
      recorder.error(error instanceof RequestFailure ? error.tally : `integration: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      this.release();
    }
  }
}
