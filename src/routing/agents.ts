/**
 * Who gets a contact. Offers go to the longest-idle available agent who can
 * take it; "take next" gives an agent the first contact in queue order they
 * can take. These are pure: the hub runs them under its write lock over the
 * rows it has (planOffers), and desktops can run them over their cache.
 */
import type { PresenceFields, PresenceRow, Queue, QueueItem, User } from '../domain/model';
import { OFFER_TTL_MS } from '../sync/mutations';
import { compareQueueItems } from './queues';

/** A person as routing sees them: their directory row joined with their presence. */
export type Agent = User & PresenceFields;

/** Joins a person's row with their presence row. */
export function joinPresence(user: User, presence: PresenceRow): Agent {
  if (presence.id !== user.id) throw new Error(`The presence of ${presence.id} joined to the person ${user.id}`);
  return { ...user, presence: presence.presence, presenceAt: presence.presenceAt, idleSince: presence.idleSince };
}

/** Roles that are offered contacts when available (administrators are not). */
const HANDLER_ROLES: ReadonlySet<User['role']> = new Set(['agent', 'supervisor']);

/** Skills a contact needs: its own and its queue's. */
export function requiredSkills(item: Pick<QueueItem, 'skills'>, queue: Pick<Queue, 'skills'> | undefined): string[] {
  return [...new Set([...item.skills, ...(queue?.skills ?? [])])];
}

export function hasSkills(agent: Pick<User, 'skills'>, skills: readonly string[]): boolean {
  return skills.every((skill) => agent.skills.includes(skill));
}

/** Whether an item is being offered to someone right now (the same test contact.claim applies). */
export function offerIsLive(item: Pick<QueueItem, 'offeredTo' | 'offeredAt'>, now: number, ttlMs: number = OFFER_TTL_MS): boolean {
  return item.offeredTo !== null && item.offeredAt !== null && now - item.offeredAt < ttlMs;
}

/** Since when an agent has been idle: idleSince, or when their presence last changed if that is unknown. */
export function idleSinceOf(agent: Pick<Agent, 'idleSince' | 'presenceAt'>): number {
  return agent.idleSince ?? agent.presenceAt;
}

export interface ChooseAgentOptions {
  now: number;
  /** Agents holding a claimed or wrap-up contact. */
  busyAgentIds: Iterable<string>;
  /** Agents holding a live offer (one offer per agent at a time). */
  offeredAgentIds: Iterable<string>;
  /** Agents to pass over if anyone else can take it (e.g. who just let this contact's offer lapse). */
  avoidAgentIds?: Iterable<string>;
}

const asSet = (ids: Iterable<string>): ReadonlySet<string> => (ids instanceof Set ? (ids as ReadonlySet<string>) : new Set(ids));

/** Whether this agent may be offered this item now, apart from being busy or already holding an offer. */
export function canTake(agent: Agent, item: Pick<QueueItem, 'skills' | 'declinedBy'>, queue: Queue): boolean {
  return (
    HANDLER_ROLES.has(agent.role) &&
    !agent.disabled &&
    agent.presence === 'available' &&
    agent.teamIds.includes(queue.teamId) &&
    !item.declinedBy.includes(agent.id) &&
    hasSkills(agent, requiredSkills(item, queue))
  );
}

/**
 * The agent to offer a contact to: available, in the queue's team, with every
 * skill the contact and its queue need, who has not declined it, is not busy
 * and holds no live offer; of those, the one idle the longest (ties by id).
 * Agents to avoid are chosen only when nobody else can take it.
 */
export function chooseAgent<A extends Agent>(item: Pick<QueueItem, 'skills' | 'declinedBy'>, queue: Queue, agents: readonly A[], options: ChooseAgentOptions): A | null {
  const busy = asSet(options.busyAgentIds);
  const offered = asSet(options.offeredAgentIds);
  const avoid = asSet(options.avoidAgentIds ?? []);
  const eligible = agents.filter((agent) => !busy.has(agent.id) && !offered.has(agent.id) && canTake(agent, item, queue));
  const idleFor = (agent: A) => options.now - idleSinceOf(agent);
  const longestIdle = (list: A[]) =>
    list.reduce<A | null>((best, agent) => {
      if (!best) return agent;
      const diff = idleFor(agent) - idleFor(best);
      return diff > 0 || (diff === 0 && agent.id < best.id) ? agent : best;
    }, null);
  return longestIdle(eligible.filter((agent) => !avoid.has(agent.id))) ?? longestIdle(eligible);
}

/**
 * "Take next": the contact this agent should handle now. A contact on offer to
 * them comes first; otherwise the first waiting contact in queue order, from
 * their teams' queues, whose skills they have, that they have not declined
 * and that is not on offer to someone else. Null when there is none.
 */
export function nextItemFor<T extends QueueItem>(agent: Pick<User, 'id' | 'teamIds' | 'skills'>, items: readonly T[], queues: readonly Queue[], now: number, ttlMs: number = OFFER_TTL_MS): T | null {
  const teamQueues = new Map(queues.filter((queue) => agent.teamIds.includes(queue.teamId)).map((queue) => [queue.id, queue]));
  const candidates = items.filter((item) => {
    if (item.state !== 'waiting') return false;
    const queue = teamQueues.get(item.queueId);
    if (!queue || !hasSkills(agent, requiredSkills(item, queue))) return false;
    if (offerIsLive(item, now, ttlMs)) return item.offeredTo === agent.id;
    return !item.declinedBy.includes(agent.id);
  });
  const offered = candidates.filter((item) => item.offeredTo === agent.id && offerIsLive(item, now, ttlMs)).sort(compareQueueItems);
  if (offered[0]) return offered[0];
  return [...candidates].sort(compareQueueItems)[0] ?? null;
}

export interface OfferChange {
  itemId: string;
  agentId: string;
}

export interface ReturnedTransfer extends OfferChange {
  /** Who transferred it. */
  fromId: string;
  /** The hand-over's time (names it). */
  handoffAt: number;
  why: 'expired' | 'withdrawn';
}

export interface OfferPlan {
  /** Offers older than the TTL, cleared. */
  expired: OfferChange[];
  /** Live offers taken back because their agent can no longer take them (not available, busy, left the team, holds another offer). */
  withdrawn: OfferChange[];
  /** New offers. */
  offered: OfferChange[];
  /** Contacts transferred to a named agent whose offer lapsed or was withdrawn: back to their queue, and whoever transferred them is told. */
  returned: ReturnedTransfer[];
  /** The queue items to write, with their new offer fields. */
  updates: QueueItem[];
}

export interface PlanOffersInput {
  /** Open queue items (waiting, claimed, wrap-up); others are ignored. */
  items: readonly QueueItem[];
  queues: readonly Queue[];
  /** The people who could be offered work, with their presence (others are simply not chosen). */
  users: readonly Agent[];
  now: number;
  ttlMs?: number;
}

/**
 * One offer pass: lapsed offers are cleared, offers to agents who can no
 * longer take them are withdrawn, then every waiting contact without a live
 * offer, in queue order, is offered to chooseAgent's pick. An agent whose
 * offer of a contact just lapsed is passed over for it when anyone else can
 * take it. One offer per agent at a time.
 */
export function planOffers(input: PlanOffersInput): OfferPlan {
  const { now } = input;
  const ttlMs = input.ttlMs ?? OFFER_TTL_MS;
  const queues = new Map(input.queues.map((queue) => [queue.id, queue]));
  const users = new Map(input.users.map((user) => [user.id, user]));
  const busy = new Set<string>();
  for (const item of input.items) {
    if ((item.state === 'claimed' || item.state === 'wrap-up') && item.assigneeId) busy.add(item.assigneeId);
  }
  const waiting = input.items.filter((item) => item.state === 'waiting').sort(compareQueueItems);
  const plan: OfferPlan = { expired: [], withdrawn: [], offered: [], returned: [], updates: [] };
  const offeredAgents = new Set<string>();
  const lapsedBy = new Map<string, string>();
  /** Waiting items without a live offer, in queue order. */
  const open: QueueItem[] = [];
  /** Items to write, by id. */
  const changed = new Map<string, QueueItem>();

  // A contact transferred to someone by name keeps its offer before any routine offer to them.
  const named = (item: QueueItem) => item.offeredTo !== null && item.handoff?.toAgentId === item.offeredTo;
  for (const item of [...waiting.filter(named), ...waiting.filter((item) => !named(item))]) {
    const agentId = item.offeredTo;
    if (agentId === null) {
      open.push(item);
      continue;
    }
    const named = item.handoff?.toAgentId === agentId ? item.handoff : null;
    const cleared: QueueItem = { ...item, offeredTo: null, offeredAt: null, handoff: named ? { ...named, toAgentId: null } : item.handoff };
    const giveBack = (why: ReturnedTransfer['why']) => {
      if (named) plan.returned.push({ itemId: item.id, agentId, fromId: named.fromId, handoffAt: named.at, why });
    };
    if (!offerIsLive(item, now, ttlMs)) {
      giveBack('expired');
      plan.expired.push({ itemId: item.id, agentId });
      lapsedBy.set(item.id, agentId);
      changed.set(item.id, cleared);
      open.push(cleared);
      continue;
    }
    const agent = users.get(agentId);
    const queue = queues.get(item.queueId);
    const stillFits = !!agent && !!queue && canTake(agent, item, queue) && !busy.has(agentId) && !offeredAgents.has(agentId);
    if (stillFits) {
      offeredAgents.add(agentId);
      continue;
    }
    giveBack('withdrawn');
    plan.withdrawn.push({ itemId: item.id, agentId });
    changed.set(item.id, cleared);
    open.push(cleared);
  }

  const candidates = input.users.filter((user) => user.presence === 'available' && !user.disabled && !busy.has(user.id));
  if (candidates.length > 0) {
    for (const item of open) {
      if (offeredAgents.size >= candidates.length) break;
      const queue = queues.get(item.queueId);
      if (!queue) continue;
      const lapsed = lapsedBy.get(item.id);
      const agent = chooseAgent(item, queue, candidates, {
        now,
        busyAgentIds: busy,
        offeredAgentIds: offeredAgents,
        avoidAgentIds: lapsed ? [lapsed] : [],
      });
      if (!agent) continue;
      offeredAgents.add(agent.id);
      plan.offered.push({ itemId: item.id, agentId: agent.id });
      changed.set(item.id, { ...item, offeredTo: agent.id, offeredAt: now });
    }
  }
  // An offer that lapsed and went straight back to the same agent is still a new offer (new offeredAt).
  plan.updates = [...changed.values()];
  return plan;
}
