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
  /** The mutation's time: the desktop's clock when made, the hub's when applied. */
  now: number;
  /**
   * When the person made the change (the desktop's clock, as sent with the
   * mutation). Rules about "the past" judge by it: a follow-up planned offline
   * for this afternoon is not refused because the push arrived tomorrow.
   */
  madeAt: number;
  /** True on the hub, whose answer is final. */
  authoritative: boolean;
}

/** The hub trusts a desktop's clock for when a change was made, up to this far ahead of its own. */
export const MADE_AT_SKEW_MS = 5 * 60_000;

/** A mutation the domain refuses: committed as rejected on the hub, shown to the agent with its message. */
export class DomainError extends Error {
  constructor(
    readonly code: RejectionCode,
    message: string,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

/** A mutation's rule, given its parsed arguments. */
export type Mutator<Args> = (ctx: MutationContext, args: Args) => Promise<void>;
