/** The floor view's figures, from rows as a supervisor's desktop holds them. */
import { describe, expect, it } from 'vitest';
import { newPresence, presenceMoved, type Queue } from '@core/domain/model';
import { acwRunningLong, buildFloor, slaState, ACW_LONG_MS } from '@core/floor';
import { contact, T0, user, waiting } from '../helpers/world';

const NOW = T0 + 600_000;
const care: Queue = { id: 'q_care', name: 'Care', teamId: 'team_care', channels: ['chat', 'email'], topics: [], slaSeconds: 300, skills: [] };
const billing: Queue = { id: 'q_billing', name: 'Billing', teamId: 'team_care', channels: ['chat'], topics: [], slaSeconds: 600, skills: ['billing'] };
const other: Queue = { id: 'q_other', name: 'Other', teamId: 'team_other', channels: ['email'], topics: [], slaSeconds: 3600, skills: [] };
const people = [
  user('ava', 'Ava Thompson', 'agent', ['team_care']),
  user('ben', 'Ben Okafor', 'agent', ['team_care'], { skills: ['billing'] }),
  user('cara', 'Cara Diaz', 'agent', ['team_care']),
  user('sam', 'Sam Rivera', 'supervisor', ['team_care']),
  user('olga', 'Olga Petrova', 'agent', ['team_other']),
  user('ada', 'Ada Mensah', 'admin', []),
];
const at = (id: string, presence: Parameters<typeof presenceMoved>[1], since: number) => presenceMoved(newPresence(id, T0 - 3_600_000), presence, since);
const presence = [at('usr_ava', 'busy', NOW - 120_000), at('usr_ben', 'available', NOW - 30_000), at('usr_cara', 'after-contact-work', NOW - ACW_LONG_MS - 1000), at('usr_olga', 'available', NOW - 5_000)];

/** A chat that came in `ago` ms before NOW, waiting in `queue` with that queue's SLA. */
function chat(id: string, queue: Queue, ago: number) {
  const row = contact(id, `cus_${id}`, NOW - ago, { channel: 'chat', queueId: queue.id });
  return { ...waiting(row, queue.id), slaDueAt: row.at + queue.slaSeconds * 1000, skills: [...queue.skills] };
}

const items = [
  chat('fresh', care, 10_000),
  chat('risky', care, 240_000),
  chat('late', care, 400_000),
  chat('bill', billing, 60_000),
  chat('theirs', other, 60_000),
  { ...chat('held', care, 200_000), state: 'claimed' as const, assigneeId: 'usr_ava', claimedAt: NOW - 120_000 },
  { ...chat('acw', care, 500_000), state: 'wrap-up' as const, assigneeId: 'usr_cara', claimedAt: NOW - 400_000, wrapUpAt: NOW - ACW_LONG_MS - 1000 },
];

describe('the floor view', () => {
  const floor = buildFloor({ viewer: { role: 'supervisor', teamIds: ['team_care'] }, users: people, presence, queues: [care, billing, other], items, now: NOW });

  it('lists the people of my teams with their presence, since when, and the contact they hold', () => {
    expect(floor.agents.map((agent) => [agent.user.username, agent.presence, NOW - agent.since, agent.holding?.id ?? null])).toEqual([
      ['ava', 'busy', 120_000, 'held'],
      ['ben', 'available', 30_000, null],
      ['cara', 'after-contact-work', ACW_LONG_MS + 1000, 'acw'],
      // Sam has not synced a presence here: offline.
      ['sam', 'offline', 0, null],
    ]);
    expect(floor.agents.filter((agent) => acwRunningLong(agent, NOW)).map((agent) => agent.user.username)).toEqual(['cara']);
  });

  it('counts each queue of my teams: waiting, the oldest, at risk and breached, and who is available per skill', () => {
    expect(floor.queues).toEqual([
      { queue: billing, waiting: 1, oldestSince: NOW - 60_000, atRisk: 0, breached: 0, availableBySkill: [{ skill: 'billing', available: 1 }] },
      { queue: care, waiting: 3, oldestSince: NOW - 400_000, atRisk: 1, breached: 1, availableBySkill: [{ skill: '', available: 1 }] },
    ]);
    expect(floor.waiting.map((item) => item.id)).toEqual(['late', 'risky', 'fresh', 'bill']);
  });

  it('shows an admin every team', () => {
    const all = buildFloor({ viewer: { role: 'admin', teamIds: [] }, users: people, presence, queues: [care, billing, other], items, now: NOW });
    expect(all.queues.map((row) => row.queue.id)).toEqual(['q_billing', 'q_care', 'q_other']);
    expect(all.agents.map((agent) => agent.user.username)).toEqual(['ava', 'ben', 'cara', 'olga', 'sam']);
  });

  it('judges an SLA breached when due, at risk in its last quarter', () => {
    expect(slaState({ enqueuedAt: 0, slaDueAt: 1000 }, 1000)).toBe('breached');
    expect(slaState({ enqueuedAt: 0, slaDueAt: 1000 }, 750)).toBe('at-risk');
    expect(slaState({ enqueuedAt: 0, slaDueAt: 1000 }, 749)).toBe('ok');
  });
});
