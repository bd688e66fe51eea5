/**
 * The demo organisation: two teams, their queues, agents, a supervisor and an
 * admin, and the routing rule that sends a contact to a queue.
 */
import type { Channel } from '../domain/common';
import { newPresence, newTeam, newUser, type PresenceRow, type Queue, type Team, type User } from '../domain/model';

export const DEMO_COMPANY = {
  name: 'Brightwave',
  /** The company's social-media handle that customers mention. */
  socialHandle: '@BrightwaveHelp',
} as const;

export const DEMO_TOPICS = ['billing', 'outage', 'delivery', 'cancellation', 'general', 'technical'] as const;
export type DemoTopic = (typeof DEMO_TOPICS)[number];

export const TEAM_CARE = 'team_care';
export const TEAM_RETENTION = 'team_retention';

export const DEMO_TEAMS: readonly Team[] = [
  newTeam({ id: TEAM_CARE, name: 'Customer Care' }),
  newTeam({ id: TEAM_RETENTION, name: 'Retention & Billing' }),
];

/**
 * Queues in routing order: a contact goes to the first queue that takes its
 * channel and topic; q_general takes any topic, so it catches the rest.
 */
export const DEMO_QUEUES: readonly Queue[] = [
  {
    id: 'q_retention',
    name: 'Retention',
    teamId: TEAM_RETENTION,
    channels: ['call', 'chat', 'email'],
    topics: ['cancellation'],
    slaSeconds: 180,
    skills: ['retention'],
  },
  {
    id: 'q_billing',
    name: 'Billing',
    teamId: TEAM_CARE,
    channels: ['call', 'chat', 'email'],
    topics: ['billing'],
    slaSeconds: 600,
    skills: ['billing'],
  },
  {
    id: 'q_technical',
    name: 'Technical support',
    teamId: TEAM_CARE,
    channels: ['call', 'chat', 'email'],
    topics: ['outage', 'technical'],
    slaSeconds: 300,
    skills: ['technical'],
  },
  {
    id: 'q_delivery',
    name: 'Deliveries & installations',
    teamId: TEAM_CARE,
    channels: ['call', 'email', 'chat', 'sms'],
    topics: ['delivery'],
    slaSeconds: 1200,
    skills: [],
  },
  {
    id: 'q_general',
    name: 'General enquiries',
    teamId: TEAM_CARE,
    channels: ['call', 'email', 'chat', 'sms', 'social'],
    topics: [],
    slaSeconds: 900,
    skills: [],
  },
];

const user = (username: string, name: string, role: User['role'], teamIds: string[], skills: string[], timeZone: string): User =>
  newUser({ id: `usr_${username}`, username, name, role, teamIds, skills, timeZone });

const USERS: readonly User[] = [
  user('ava', 'Ava Thompson', 'agent', [TEAM_CARE], ['billing', 'technical'], 'Europe/London'),
  user('ben', 'Ben Okafor', 'agent', [TEAM_CARE], ['billing', 'technical'], 'Europe/London'),
  user('chloe', 'Chloé Laurent', 'agent', [TEAM_CARE], ['billing', 'french'], 'Europe/Paris'),
  user('diego', 'Diego Fernández', 'agent', [TEAM_CARE], ['technical', 'spanish'], 'Europe/Madrid'),
  user('priya', 'Priya Shah', 'agent', [TEAM_RETENTION], ['retention', 'billing'], 'Europe/London'),
  user('tom', 'Tom Gallagher', 'agent', [TEAM_RETENTION], ['retention', 'billing', 'technical'], 'Europe/London'),
  user('sam', 'Sam Rivera', 'supervisor', [TEAM_CARE, TEAM_RETENTION], ['billing', 'technical', 'retention'], 'Europe/London'),
  user('admin', 'Jordan Ellis', 'admin', [TEAM_CARE, TEAM_RETENTION], [], 'Europe/London'),
];

export function demoUsers(): User[] {
  return USERS.map((row) => ({ ...row, teamIds: [...row.teamIds], skills: [...row.skills] }));
}

/** Everyone starts offline, as of when the demo data is made. */
export function demoPresence(now: number): PresenceRow[] {
  return USERS.map((row) => newPresence(row.id, now));
}

export const USER_AVA = 'usr_ava';
export const USER_BEN = 'usr_ben';
export const USER_SAM = 'usr_sam';

/** The agent's first name, as they say it on a call. */
export function agentFirstName(userId: string): string {
  const row = USERS.find((candidate) => candidate.id === userId);
  return row ? (row.name.split(' ')[0] ?? row.name) : 'the team';
}

const routeCache = new Map<string, Queue>();

/** The queue an inbound contact on this channel about this topic lands in, or null for channels no queue takes. */
export function routeToQueue(topic: DemoTopic, channel: Channel): Queue | null {
  const key = `${topic}/${channel}`;
  const cached = routeCache.get(key);
  if (cached) return cached;
  const queue = DEMO_QUEUES.find((q) => q.channels.includes(channel) && (q.topics.length === 0 || q.topics.includes(topic)));
  if (queue) routeCache.set(key, queue);
  return queue ?? null;
}

export function queueById(id: string): Queue {
  const queue = DEMO_QUEUES.find((q) => q.id === id);
  if (!queue) throw new Error(`unknown demo queue ${id}`);
  return queue;
}

/** Agents (and the supervisor, now and then) who could take a queue's contacts: in its team, with its skills. */
export function eligibleHandlers(queue: Queue): string[] {
  return USERS.filter(
    (row) =>
      (row.role === 'agent' || row.role === 'supervisor') &&
      row.teamIds.includes(queue.teamId) &&
      queue.skills.every((skill) => row.skills.includes(skill)),
  ).map((row) => row.id);
}

export function userSkills(userId: string): readonly string[] {
  return USERS.find((row) => row.id === userId)?.skills ?? [];
}

export function userRole(userId: string): User['role'] | null {
  return USERS.find((row) => row.id === userId)?.role ?? null;
}
