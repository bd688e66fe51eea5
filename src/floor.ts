/**
 * The live floor view, from what a supervisor's desktop holds: every person
 * of their teams with their presence, the contact they hold and how long they
 * have been in that state; every queue of their teams with what waits, the
 * oldest wait, what is at risk of missing its SLA and what already has, and
 * who is available for each skill. Pure: the screen and the benchmark run it.
 */
import type { Presence, PresenceRow, Queue, QueueItem, Role, User } from './domain/model';
import { compareQueueItems, joinPresence, requiredSkills, hasSkills } from './routing';

/** After-contact work longer than this is highlighted. */
export const ACW_LONG_MS = 3 * 60_000;
/** A waiting contact is at risk when this share of its SLA or less is left. */
export const SLA_RISK_SHARE = 0.25;

export interface FloorAgent {
  user: User;
  presence: Presence;
  /** Since when they have been in this presence. */
  since: number;
  /** The contact they hold (taken or in wrap-up), if any. */
  holding: QueueItem | null;
}

export interface FloorQueue {
  queue: Queue;
  waiting: number;
  /** When the longest-waiting contact arrived (null: none waiting). */
  oldestSince: number | null;
  atRisk: number;
  breached: number;
  /** Available people of the queue's team, by skill the queue or its waiting contacts need ('' for those needing none). */
  availableBySkill: { skill: string; available: number }[];
}

export interface Floor {
  agents: FloorAgent[];
  queues: FloorQueue[];
  /** Waiting contacts of these queues, in queue order. */
  waiting: QueueItem[];
}

export interface FloorInput {
  viewer: { role: Role; teamIds: readonly string[] };
  users: readonly User[];
  presence: readonly PresenceRow[];
  queues: readonly Queue[];
  /** Open items (waiting, claimed, wrap-up); others are ignored. */
  items: readonly QueueItem[];
  now: number;
}

/** Whether a waiting item is past its SLA, or close to it. */
export function slaState(item: Pick<QueueItem, 'slaDueAt' | 'enqueuedAt'>, now: number): 'breached' | 'at-risk' | 'ok' {
  if (item.slaDueAt <= now) return 'breached';
  const total = Math.max(1, item.slaDueAt - item.enqueuedAt);
  return item.slaDueAt - now <= total * SLA_RISK_SHARE ? 'at-risk' : 'ok';
}

export function acwRunningLong(agent: Pick<FloorAgent, 'presence' | 'since'>, now: number): boolean {
  return agent.presence === 'after-contact-work' && now - agent.since > ACW_LONG_MS;
}

export function buildFloor(input: FloorInput): Floor {
  const { viewer, now } = input;
  const everyTeam = viewer.role === 'admin';
  const inMyTeams = (teamIds: readonly string[]) => everyTeam || teamIds.some((team) => viewer.teamIds.includes(team));
  const queues = input.queues.filter((queue) => inMyTeams([queue.teamId])).sort((a, b) => a.name.localeCompare(b.name));
  const queueIds = new Set(queues.map((queue) => queue.id));
  const presence = new Map(input.presence.map((row) => [row.id, row]));
  const people = input.users.filter((user) => !user.disabled && user.role !== 'admin' && inMyTeams(user.teamIds));

  const holding = new Map<string, QueueItem>();
  const waiting: QueueItem[] = [];
  for (const item of input.items) {
    if (item.state === 'waiting') {
      if (queueIds.has(item.queueId)) waiting.push(item);
    } else if ((item.state === 'claimed' || item.state === 'wrap-up') && item.assigneeId) {
      const held = holding.get(item.assigneeId);
      if (!held || (item.claimedAt ?? 0) > (held.claimedAt ?? 0)) holding.set(item.assigneeId, item);
    }
  }
  waiting.sort(compareQueueItems);

  const agents: FloorAgent[] = people
    .map((user) => {
      const row = presence.get(user.id);
      return { user, presence: row?.presence ?? 'offline', since: row?.presenceAt ?? now, holding: holding.get(user.id) ?? null };
    })
    .sort((a, b) => a.user.name.localeCompare(b.user.name));
  const available = agents.filter((agent) => agent.presence === 'available' && !agent.holding).map((agent) => joinPresence(agent.user, presence.get(agent.user.id)!));

  const byQueue = new Map<string, QueueItem[]>();
  for (const item of waiting) byQueue.set(item.queueId, [...(byQueue.get(item.queueId) ?? []), item]);
  const floorQueues = queues.map((queue): FloorQueue => {
    const items = byQueue.get(queue.id) ?? [];
    let atRisk = 0;
    let breached = 0;
    let oldestSince: number | null = null;
    const skills = new Set<string>(queue.skills.length ? queue.skills : ['']);
    for (const item of items) {
      const state = slaState(item, now);
      if (state === 'breached') breached += 1;
      else if (state === 'at-risk') atRisk += 1;
      if (oldestSince === null || item.enqueuedAt < oldestSince) oldestSince = item.enqueuedAt;
      for (const skill of requiredSkills(item, queue)) skills.add(skill);
    }
    const team = available.filter((agent) => agent.teamIds.includes(queue.teamId));
    const availableBySkill = [...skills].sort().map((skill) => ({ skill, available: team.filter((agent) => skill === '' || hasSkills(agent, [skill])).length }));
    return { queue, waiting: items.length, oldestSince, atRisk, breached, availableBySkill };
  });
  return { agents, queues: floorQueues, waiting };
}
