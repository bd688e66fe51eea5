import { describe, expect, it } from 'vitest';
import { newContact, type Gesture } from '@core/domain/model';
import { moneyText } from '@core/gestures';
import { computeDashboard, gestureFigures, moneyByCurrencyText, type MetricsFilters } from '@core/metrics';

const HOUR = 3_600_000;
const FROM = Date.UTC(2026, 2, 2);
const TO = Date.UTC(2026, 2, 9);
const queues = [
  { id: 'q-billing', teamId: 't-a' },
  { id: 'q-tech', teamId: 't-b' },
];
const users = [
  { id: 'ava', teamIds: ['t-a'] },
  { id: 'ben', teamIds: ['t-b'] },
];

const credit = (value: number, currency: string | null): Gesture => ({ kind: 'credit', description: `a ${value} credit`, value, currency });
const callback: Gesture = { kind: 'priority-callback', description: 'a priority callback', value: null, currency: null };

let next = 0;
function handled(agentId: string, gesture: Gesture | null, fields: { at?: number; queueId?: string; channel?: 'call' | 'chat' } = {}) {
  next += 1;
  return newContact({
    id: `con_${next}`,
    customerId: `cus_${next}`,
    channel: fields.channel ?? 'call',
    direction: 'inbound',
    body: 'Hello',
    at: fields.at ?? FROM + 10 * HOUR,
    agentId,
    queueId: fields.queueId ?? (agentId === 'ava' ? 'q-billing' : 'q-tech'),
    endedAt: (fields.at ?? FROM + 10 * HOUR) + 300_000,
    gesture,
  });
}

const contacts = [
  handled('ava', credit(10, 'GBP')),
  handled('ava', credit(15, 'EUR')),
  handled('ava', credit(5.5, 'EUR'), { channel: 'chat' }),
  handled('ava', callback),
  // Recorded before gestures carried their currency: the policy's.
  handled('ben', credit(20, null)),
  handled('ben', null),
  // Outside the dates.
  handled('ben', credit(99, 'GBP'), { at: TO + HOUR }),
];
const lookups = { queues, users };
const figures = (filters: Partial<MetricsFilters> = {}) => gestureFigures(contacts, { from: FROM, to: TO, ...filters }, 'GBP', lookups);

describe('goodwill gestures on the dashboard', () => {
  it('counts the gestures given in the dates, and their value per currency, never summed across currencies', () => {
    const all = figures();
    expect(all.given).toBe(5);
    expect(all.withValue).toBe(4);
    expect(all.value).toEqual({ GBP: 30, EUR: 20.5 });
    expect(moneyByCurrencyText(all.value, moneyText)).toBe('£30 · €20.50');
  });

  it('says who gave them, most first', () => {
    expect(figures().byAgent).toEqual([
      { agentId: 'ava', given: 4, value: { GBP: 10, EUR: 20.5 } },
      { agentId: 'ben', given: 1, value: { GBP: 20 } },
    ]);
  });

  it('follows the dashboard filters: an agent sees their own, a team its queues', () => {
    expect(figures({ agentIds: ['ben'] })).toEqual({ given: 1, withValue: 1, value: { GBP: 20 }, byAgent: [{ agentId: 'ben', given: 1, value: { GBP: 20 } }] });
    expect(figures({ teamIds: ['t-a'] }).given).toBe(4);
    expect(figures({ channels: ['chat'] }).value).toEqual({ EUR: 5.5 });
    expect(figures({ from: TO, to: TO + 2 * HOUR }).value).toEqual({ GBP: 99 });
  });

  it('is empty, not zero money, when nothing was given', () => {
    const none = figures({ agentIds: ['nobody'] });
    expect(none).toEqual({ given: 0, withValue: 0, value: {}, byAgent: [] });
    expect(moneyByCurrencyText(none.value, moneyText)).toBe('—');
  });

  it('an agent’s own figures are the supervisor’s narrowed to them', () => {
    const rows = { contacts, queueItems: [], surveys: [], followUps: [], queues, users };
    const own = computeDashboard(rows, { from: FROM, to: TO, agentIds: ['ava'] }, TO, 'UTC');
    expect(own.handled.total).toBe(4);
    expect(own.handleTime.ahtSeconds).toBe(300);
    expect(own.agents.map((row) => row.agentId)).toEqual(['ava']);
  });
});
