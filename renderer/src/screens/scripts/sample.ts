/**
 * A sample contact to preview a script with: a sample customer on a call, and
 * the situations a supervisor can switch on to see the empathy lines each one
 * brings (waited 12 minutes, third contact this week…). Triggers and variables
 * come from the same engine the contact workspace uses.
 */
import { COMPANY } from '@core/company';
import {
  ContactSchema,
  CustomerSchema,
  FollowUpSchema,
  QueueItemSchema,
  SurveyResponseSchema,
  newUser,
  type Contact,
  type Tier,
  type User,
} from '@core/domain/model';
import { defineMessages, type MessageDescriptor } from 'react-intl';
import { detectTriggers, variablesFor, type Situation, type TriggerHit } from '@core/scripts';
import type { ScriptTrigger, ScriptVariable } from '@core/scripts/vocabulary';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

export const SAMPLE_SITUATIONS = ['long-wait', 'repeat-contact', 'low-csat', 'vip', 'overdue-follow-up', 'negative-sentiment'] as const satisfies readonly ScriptTrigger[];
export type SampleSituation = (typeof SAMPLE_SITUATIONS)[number];

export const SAMPLE_SITUATION_MESSAGES: Record<SampleSituation, MessageDescriptor> = defineMessages({
  'long-wait': { id: 'scripts.sample.longWait', defaultMessage: 'Waited 12 minutes' },
  'repeat-contact': { id: 'scripts.sample.repeatContact', defaultMessage: 'Third contact this week' },
  'low-csat': { id: 'scripts.sample.lowCsat', defaultMessage: 'Unhappy last time (CSAT 2)' },
  vip: { id: 'scripts.sample.vip', defaultMessage: 'VIP' },
  'overdue-follow-up': { id: 'scripts.sample.overdueFollowUp', defaultMessage: 'Overdue follow-up' },
  'negative-sentiment': { id: 'scripts.sample.negativeSentiment', defaultMessage: 'Upset message' },
});

export const SAMPLE_CUSTOMER = { firstName: 'Priya', lastName: 'Shah' } as const;

const CALM = 'Agent: Thank you for calling, how can I help?\nCustomer: Hi, I have a question about my account.';
const UPSET =
  "Agent: Thank you for calling, how can I help?\nCustomer: I've been charged twice again and nobody has sorted it. This is ridiculous and I'm fed up.";

const SAMPLE_AGENT = newUser({ id: 'usr_sample', username: 'sample', name: 'Ava Okafor', role: 'agent' });

export interface SampleContact {
  hits: TriggerHit[];
  vars: Record<ScriptVariable, string>;
  /** Who the sample customer is, for "Priya Shah, Standard customer, on a call about billing". */
  description: { name: string; tier: Tier; topic: string | null };
}

/** The sample situation with the chosen situations switched on, as the contact workspace would see it. */
export function sampleContact(on: ReadonlySet<SampleSituation>, options: { agent?: User; topic?: string | null; now: number }): SampleContact {
  const { now } = options;
  const customer = CustomerSchema.parse({
    id: 'cus_sample',
    firstName: SAMPLE_CUSTOMER.firstName,
    lastName: SAMPLE_CUSTOMER.lastName,
    emails: ['priya.shah@example.com'],
    phones: ['+44 7700 900123'],
    tier: on.has('vip') ? 'vip' : 'standard',
    language: 'en-GB',
    timeZone: 'Europe/London',
    quietHours: null,
    preferredChannel: 'call',
    tags: [],
    attributes: {},
    createdAt: now - 400 * DAY,
    updatedAt: now - 400 * DAY,
  });
  const contact: Contact = ContactSchema.parse({
    id: 'con_sample',
    customerId: customer.id,
    channel: 'call',
    direction: 'inbound',
    subject: 'Sample call',
    body: on.has('negative-sentiment') ? UPSET : CALM,
    at: now - 2 * MINUTE,
    topic: options.topic ?? null,
  });
  const earlier = on.has('repeat-contact')
    ? [1, 3].map((days, index) =>
        ContactSchema.parse({ id: `con_sample_${index}`, customerId: customer.id, channel: 'chat', direction: 'inbound', subject: 'Earlier contact', body: '', at: now - days * DAY }),
      )
    : [];
  const surveys = on.has('low-csat')
    ? [
        SurveyResponseSchema.parse({
          id: 'sur_sample',
          contactId: 'con_sample_prev',
          customerId: customer.id,
          agentId: null,
          status: 'answered',
          csat: 2,
          nps: null,
          comment: '',
          at: now - 5 * DAY,
        }),
      ]
    : [];
  const followUps = on.has('overdue-follow-up')
    ? [
        FollowUpSchema.parse({
          id: 'fu_sample',
          customerId: customer.id,
          contactId: null,
          kind: 'callback',
          channel: 'call',
          dueAt: now - 2 * DAY,
          ownerId: SAMPLE_AGENT.id,
          state: 'scheduled',
          reason: 'Confirm the correction',
          outcome: null,
          note: '',
          createdAt: now - 4 * DAY,
          createdBy: SAMPLE_AGENT.id,
          completedAt: null,
          completedBy: null,
          cancelReason: null,
        }),
      ]
    : [];
  const waited = on.has('long-wait') ? 12 : 2;
  const queueItem = QueueItemSchema.parse({
    id: contact.id,
    contactId: contact.id,
    customerId: customer.id,
    queueId: 'q_sample',
    channel: 'call',
    priority: 3,
    enqueuedAt: now - (waited + 2) * MINUTE,
    slaDueAt: now,
    state: 'claimed',
    assigneeId: SAMPLE_AGENT.id,
    claimedAt: now - 2 * MINUTE,
    doneAt: null,
  });
  const situation: Situation = {
    customer,
    agent: options.agent ?? SAMPLE_AGENT,
    contact,
    history: [contact, ...earlier],
    surveys,
    followUps,
    queueItem,
    now,
    companyName: COMPANY.name,
    promiseText: "we'll call you back by 4 pm tomorrow",
    gestureText: 'a £10 credit on your next bill',
  };
  const vars = variablesFor(situation);
  return {
    hits: detectTriggers(situation),
    vars,
    description: { name: `${customer.firstName} ${customer.lastName}`, tier: customer.tier, topic: options.topic ?? null },
  };
}
