/** What calls for the signed-in person's attention: their notifications, and (supervisors) open escalations in their teams. */
import { defineMessages } from 'react-intl';
import type { LocalRow } from '@core/db/schema';
import type { Message } from '@core/i18n/messages';
import { customerName, type Said } from '@core/domain/model';
import { useLive } from './hooks';
import { useLocal } from './local';

/** One line of the notifications menu. */
export interface Attention {
  key: string;
  /** A notification's British English (`said` says it in the reader's language: useSaidText), or an escalation's message. */
  text: string | Message;
  said?: Said;
  at: number;
  /** Where choosing it goes. */
  path: string;
  unread: boolean;
  /** The notification to mark read when chosen (escalations are answered, not read). */
  notificationId: string | null;
}

const RECENT = 50;

const ASKING = defineMessages({
  withCustomer: {
    id: 'notices.attention.asksHelpWith',
    defaultMessage: '{named, select, yes {{who} asks for help with {customer}: {reason}} other {An agent asks for help with {customer}: {reason}}}',
  },
  noCustomer: { id: 'notices.attention.asksHelp', defaultMessage: '{named, select, yes {{who} asks for help: {reason}} other {An agent asks for help: {reason}}}' },
});

function pathOf(row: Pick<LocalRow<'notification'>, 'contactId' | 'customerId'>, openItems: ReadonlySet<string>): string {
  if (row.contactId && openItems.has(row.contactId)) return `/contact?id=${encodeURIComponent(row.contactId)}`;
  if (row.customerId) return `/customer?id=${encodeURIComponent(row.customerId)}`;
  return '/queue';
}

/** The person's latest notifications, newest first, and the escalations waiting for them as a supervisor (null until first read). */
export function useAttention(): Attention[] | null {
  const actor = useLocal((state) => state.actor);
  return useLive(
    async (db) => {
      if (!actor) return [];
      const supervisor = actor.role === 'supervisor' || actor.role === 'admin';
      const [notifications, held] = await Promise.all([
        db.notifications.orderBy('at').reverse().filter((row) => row.userId === actor.userId).limit(RECENT).toArray(),
        Promise.all((['claimed', 'wrap-up'] as const).map((state) => db.queueItems.where('[state+slaDueAt]').between([state, -Infinity], [state, Infinity]).toArray())).then((lists) => lists.flat()),
      ]);
      const openItems = new Set(held.filter((item) => item.assigneeId === actor.userId).map((item) => item.id));
      const lines: Attention[] = notifications.map((row) => ({
        key: `n:${row.id}`,
        text: row.text,
        ...(row.textMessage ? { said: row.textMessage } : {}),
        at: row.at,
        path: pathOf(row, openItems),
        unread: row.readAt === null,
        notificationId: row.id,
      }));
      if (supervisor) {
        const queues = new Map((await db.queues.toArray()).map((queue) => [queue.id, queue]));
        const asking = held.filter((item) => item.escalation?.state === 'open' && (actor.role === 'admin' || actor.teamIds.includes(queues.get(item.queueId)?.teamId ?? '')));
        for (const item of asking) {
          const [agent, customer] = await Promise.all([db.users.get(item.escalation!.byId), db.customers.get(item.customerId)]);
          const who = agent?.name.split(/\s+/)[0] ?? null;
          const reason = item.escalation!.reason;
          lines.push({
            key: `e:${item.id}`,
            text: customer
              ? { descriptor: ASKING.withCustomer, values: { named: who ? 'yes' : 'no', who: who ?? '', customer: customerName(customer), reason } }
              : { descriptor: ASKING.noCustomer, values: { named: who ? 'yes' : 'no', who: who ?? '', reason } },
            at: item.escalation!.at,
            path: `/contact?id=${encodeURIComponent(item.id)}`,
            unread: true,
            notificationId: null,
          });
        }
      }
      return lines.sort((a, b) => b.at - a.at);
    },
    [actor],
    null,
  );
}
