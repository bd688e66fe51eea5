/** What a mutation's rule runs against: who makes the change, when, and the rows it reads and writes. */
import type { Contact, FollowUp, QueueItem, Role, Script, SurveyResponse } from '../../domain/model';

/** A customer's rows that a merge moves. */
export interface CustomerRows {
  contact: Contact[];
  followUp: FollowUp[];
  survey: SurveyResponse[];
  queueItem: QueueItem[];
}
import type { EntityName, EntityRow } from '../entities';
import type { RejectionCode } from '../protocol';
import { englishMessage, type MessageDescriptor, type MessageValues } from '../../i18n/messages';

/** Who makes the change. */
export interface Actor {
  userId: string;
  role: Role;
  teamIds: readonly string[];
}

/** Rows a mutator reads and writes: the local cache on a desktop, PostgreSQL on the hub. */
export interface MutationStore {
  get<E extends EntityName>(entity: E, id: string): Promise<EntityRow<E> | undefined>;
  put<E extends EntityName>(entity: E, row: EntityRow<E>): Promise<void>;
  /** Every version of a script. */
  scriptVersions(scriptId: string): Promise<Script[]>;
  /** The id of the person holding this user name, if anyone does (a desktop knows those it has synced). */
  usernameHolder(username: string): Promise<string | null>;
  /** Every row of these kinds that belongs to a customer (a desktop: those it holds). */
  customerRows(customerId: string): Promise<CustomerRows>;
  /**
   * Everyone whose desktop holds one customer holds another from now on (rows
   * a merge moves between them keep reaching them). Only the hub keeps scope.
   */
  shareScope(fromCustomerId: string, toCustomerId: string): Promise<void>;
}

export interface MutationContext {
  store: MutationStore;
  actor: Actor;
  /**
   * The mutation's time: the desktop's clock when made, the hub's when applied.
   * Live routing state is stamped with it, because the hub compares it with its
   * own clock: offeredAt and claimedAt (offer TTL, who holds what), handoff.at
   * (the version a next move must quote), escalation times (the floor shows
   * how long an agent has waited for help), presence `since`, a script's
   * publishedAt (live for everyone from the moment the hub has it).
   */
  now: number;
  /**
   * When the person made the change (the desktop's clock, as sent with the
   * mutation, bounded by madeAtOf). Records of what someone did carry it, so
   * after an outage the history reads as it happened: notes, replies, wrap-ups
   * (endedAt, wrapUpAt, doneAt, acwSeconds), follow-ups and their outcomes,
   * surveys, customers made, merged and edited, notifications of an act,
   * articles, script drafts and targets as edited. Rules about "the past" judge
   * by it too: a follow-up planned offline for this afternoon is not refused
   * because the push arrived tomorrow.
   */
  madeAt: number;
  /** True on the hub, whose answer is final. */
  authoritative: boolean;
}

/** The hub trusts a desktop's clock for when a change was made, up to this far ahead of its own. */
export const MADE_AT_SKEW_MS = 5 * 60_000;

/**
 * ...and up to this far behind: a sign-in lasts a fortnight (hub/auth.ts
 * SESSION_TTL_MS), so a stamp older than that is far likelier a clock set
 * wrong (a flat CMOS battery reads years back) than a change made then.
 */
export const MADE_AT_MAX_AGE_MS = 14 * 24 * 3600_000;

/** When a change was made, as the hub records it: the desktop's stamp, within what its clock can be trusted for. */
export function madeAtOf(sentAt: number, appliedAt: number): number {
  return Math.min(Math.max(sentAt, appliedAt - MADE_AT_MAX_AGE_MS), appliedAt + MADE_AT_SKEW_MS);
}

/**
 * A mutation the domain refuses: committed as rejected on the hub, shown to
 * the agent in their language from its message id and values. `message` is
 * the British English, for logs and for readers that do not know the id.
 */
export class DomainError extends Error {
  readonly values: MessageValues;
  constructor(
    readonly code: RejectionCode,
    readonly descriptor: MessageDescriptor,
    values: MessageValues = {},
    /** Its English when that says more than the message can (a whole list, where the message names the first): for logs and API callers. */
    english?: string,
  ) {
    super(english ?? englishMessage(descriptor, values));
    this.name = 'DomainError';
    this.values = values;
  }

  /** The message id, as the protocol carries it. */
  get messageId(): string {
    return String(this.descriptor.id);
  }
}

/** A mutation's rule, given its parsed arguments. */
export type Mutator<Args> = (ctx: MutationContext, args: Args) => Promise<void>;
