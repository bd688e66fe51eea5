/**
 * Goodwill gestures on the dashboard: how many were given, what they were
 * worth and by whom, in the range and filters of the other figures. Money is
 * kept per currency: amounts in euros and pounds are never added together.
 */
import type { Contact } from '../domain/model';
import { FilterMatcher } from './definitions';
import type { MetricsFilters, MetricsQueue, MetricsUser } from './types';

export type GestureContact = Pick<Contact, 'id' | 'at' | 'channel' | 'queueId' | 'agentId' | 'gesture'>;

/** Money given, by currency code: { EUR: 25, GBP: 40 }. */
export type MoneyByCurrency = Record<string, number>;

export interface AgentGestures {
  agentId: string;
  given: number;
  value: MoneyByCurrency;
}

export interface GestureFigures {
  /** Gestures given, with or without a money value. */
  given: number;
  /** Of them, gestures with a money value. */
  withValue: number;
  value: MoneyByCurrency;
  /** One row per agent who gave any, most given first. */
  byAgent: AgentGestures[];
}

function addMoney(into: MoneyByCurrency, currency: string, amount: number): void {
  into[currency] = Math.round(((into[currency] ?? 0) + amount) * 100) / 100;
}

/**
 * The gestures given on contacts in `filters` (a contact by its `at`, queue,
 * channel and agent, as for the other figures). A gesture recorded without a
 * currency counts in `fallbackCurrency` (the goodwill policy's).
 */
export function gestureFigures(
  contacts: Iterable<GestureContact>,
  filters: MetricsFilters,
  fallbackCurrency: string,
  lookups: { queues: readonly MetricsQueue[]; users: readonly MetricsUser[] },
): GestureFigures {
  const teamOfQueue = new Map(lookups.queues.map((queue) => [queue.id, queue.teamId]));
  const teamsOfUser = new Map(lookups.users.map((user) => [user.id, user.teamIds]));
  const match = new FilterMatcher(
    filters,
    (queueId) => teamOfQueue.get(queueId),
    (userId) => teamsOfUser.get(userId),
  );
  const figures: GestureFigures = { given: 0, withValue: 0, value: {}, byAgent: [] };
  const agents = new Map<string, AgentGestures>();
  for (const contact of contacts) {
    const gesture = contact.gesture;
    if (!gesture || !match.inRange(contact.at) || !match.matches(contact.queueId, contact.channel, contact.agentId)) continue;
    figures.given += 1;
    const agentId = contact.agentId ?? '(none)';
    let agent = agents.get(agentId);
    if (!agent) agents.set(agentId, (agent = { agentId, given: 0, value: {} }));
    agent.given += 1;
    if (gesture.value !== null && gesture.value > 0) {
      const currency = gesture.currency ?? fallbackCurrency;
      figures.withValue += 1;
      addMoney(figures.value, currency, gesture.value);
      addMoney(agent.value, currency, gesture.value);
    }
  }
  figures.byAgent = [...agents.values()].sort((a, b) => b.given - a.given || a.agentId.localeCompare(b.agentId));
  return figures;
}

/** "€25 · £40", largest first; "—" for nothing. */
export function moneyByCurrencyText(value: MoneyByCurrency, format: (amount: number, currency: string) => string): string {
  const entries = Object.entries(value).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  return entries.length ? entries.map(([currency, amount]) => format(amount, currency)).join(' · ') : '—';
}
