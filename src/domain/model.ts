/**
 * AgentDesk's domain: the rows the hub stores and every desktop caches.
 * One schema per entity; types are inferred from them. Fields added by later
 * releases are optional with defaults, so older rows still parse.
 */
import { defineMessages } from '@formatjs/intl';
import { englishOf, type MessageDescriptor } from '../i18n/messages';
import { z } from 'zod';
import {
  ChannelSchema,
  CurrencySchema,
  EmailSchema,
  EpochMsSchema,
  IdSchema,
  LanguageSchema,
  PhoneSchema,
  ReachableChannelSchema,
  TimeOfDaySchema,
  TimeZoneSchema,
  longText,
  shortText,
  wellFormedText,
} from './common';
import { RegionCodeSchema } from './region';

// ---------------------------------------------------------------- people

export const ROLES = ['agent', 'supervisor', 'admin'] as const;
export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;

export const PRESENCES = ['available', 'busy', 'after-contact-work', 'away', 'offline'] as const;
export const PresenceSchema = z.enum(PRESENCES);
export type Presence = z.infer<typeof PresenceSchema>;

export const PRESENCE_MESSAGES = defineMessages({
  available: { id: 'model.presence.available', defaultMessage: 'Available' },
  busy: { id: 'model.presence.busy', defaultMessage: 'Busy' },
  'after-contact-work': { id: 'model.presence.after-contact-work', defaultMessage: 'After-contact work' },
  away: { id: 'model.presence.away', defaultMessage: 'Away' },
  offline: { id: 'model.presence.offline', defaultMessage: 'Offline' },
}) satisfies Record<Presence, MessageDescriptor>;
export const PRESENCE_LABELS: Record<Presence, string> = englishOf(PRESENCE_MESSAGES);

export const TeamSchema = z.object({
  id: IdSchema,
  name: shortText(100),
  /** The team's policy: its agents may merge duplicate customers (supervisors always may). */
  agentsMayMerge: z.boolean().default(false),
});
export type Team = z.infer<typeof TeamSchema>;

/** A team's row: its agents may not merge customers unless given. */
export function newTeam(fields: Pick<Team, 'id' | 'name'> & Partial<Team>): Team {
  return { agentsMayMerge: false, ...fields };
}

export const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
export const WeekdaySchema = z.enum(WEEKDAYS);
export type Weekday = z.infer<typeof WeekdaySchema>;

/** When someone works, on their own clock (the user's time zone). */
export const WorkingHoursSchema = z
  .object({
    days: z.array(WeekdaySchema).min(1, 'pick at least one working day').max(7),
    start: TimeOfDaySchema,
    end: TimeOfDaySchema,
  })
  .refine((hours) => hours.start < hours.end, 'working hours must start before they end');
export type WorkingHours = z.infer<typeof WorkingHoursSchema>;

export const DEFAULT_WORKING_HOURS: WorkingHours = { days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '09:00', end: '17:30' };
/** Follow-ups an agent is planned to do in one working day, unless set otherwise. */
export const DEFAULT_FOLLOW_UP_CAPACITY = 8;

/**
 * Someone who signs in. Credentials never leave the hub; this row is what every
 * desktop sees. Their presence is a row of its own (PresenceRowSchema): it
 * changes several times a contact, and only they and their supervisors need it.
 */
export const UserSchema = z.object({
  id: IdSchema,
  username: z.string().regex(/^[a-z0-9._-]{2,40}$/, 'must be 2–40 lowercase letters, digits, . _ or -'),
  name: shortText(100),
  role: RoleSchema,
  teamIds: z.array(IdSchema).max(50),
  skills: z.array(shortText(40)).max(50),
  /** The agent's own time zone (working hours, reminders). */
  timeZone: TimeZoneSchema.default('UTC'),
  /** When follow-ups can be planned for this person. */
  workingHours: WorkingHoursSchema.default(DEFAULT_WORKING_HOURS),
  /** How many follow-ups a working day holds before the planner spreads them to the next. */
  followUpCapacity: z.number().int().min(1).max(100).default(DEFAULT_FOLLOW_UP_CAPACITY),
  /** Switched off by an administrator: cannot sign in, is offered nothing, and their sessions stop working. */
  disabled: z.boolean().default(false),
});
export type User = z.infer<typeof UserSchema>;

/** A person's row with what a new person starts with where not given: no teams or skills, UTC, the standard hours and capacity, enabled. */
export function newUser(fields: Pick<User, 'id' | 'username' | 'name' | 'role'> & Partial<Omit<User, 'id' | 'username' | 'name' | 'role'>>): User {
  return {
    teamIds: [],
    skills: [],
    timeZone: 'UTC',
    workingHours: DEFAULT_WORKING_HOURS,
    followUpCapacity: DEFAULT_FOLLOW_UP_CAPACITY,
    disabled: false,
    ...fields,
  };
}

/**
 * A person's presence, one row per person (its id is their user id). It syncs
 * to them and to the supervisors and admins who share a team with them, not
 * to the whole floor: it changes with every contact.
 */
export const PresenceRowSchema = z.object({
  id: IdSchema,
  presence: PresenceSchema,
  /** When the presence last changed. */
  presenceAt: EpochMsSchema,
  /** Since when an available agent has had nothing to do: the longest idle is offered the next contact. */
  idleSince: EpochMsSchema.nullable().default(null),
});
export type PresenceRow = z.infer<typeof PresenceRowSchema>;
/** A presence without its row id: what routing joins to a person's row. */
export type PresenceFields = Omit<PresenceRow, 'id'>;

/** A new person's presence: offline, since `now`. */
export function newPresence(userId: string, now: number): PresenceRow {
  return { id: userId, presence: 'offline', presenceAt: now, idleSince: null };
}

/**
 * A presence moved to another state at `now`. Becoming available starts the
 * idle clock (routing offers the longest idle first); going offline stops it.
 */
export function presenceMoved(row: PresenceRow, presence: Presence, now: number): PresenceRow {
  const idleSince = presence === 'available' ? now : presence === 'offline' ? null : row.idleSince;
  return { ...row, presence, presenceAt: now, idleSince };
}

export const QueueSchema = z.object({
  id: IdSchema,
  name: shortText(100),
  teamId: IdSchema,
  channels: z.array(ChannelSchema).min(1),
  /** Topics routed here (billing, outage, delivery…); empty takes any topic on its channels. */
  topics: z.array(shortText(40)).max(50),
  /** Time to answer before the SLA is breached. */
  slaSeconds: z.number().int().min(10).max(14 * 24 * 3600),
  /** Skills an agent needs to be offered this queue's contacts. */
  skills: z.array(shortText(40)).max(20),
});
export type Queue = z.infer<typeof QueueSchema>;

// ---------------------------------------------------------------- customers

export const TIERS = ['standard', 'gold', 'vip'] as const;
export const TierSchema = z.enum(TIERS);
export type Tier = z.infer<typeof TierSchema>;

export const QuietHoursSchema = z.object({ start: TimeOfDaySchema, end: TimeOfDaySchema });
export type QuietHours = z.infer<typeof QuietHoursSchema>;

export const AttributeValueSchema = z.union([wellFormedText().max(500), z.number(), z.boolean(), z.null()]);

/** The customer rows of each kind a merge moved to the survivor (an undo moves them back). */
export const MergedRowsSchema = z.object({
  contact: z.array(IdSchema).max(10_000),
  followUp: z.array(IdSchema).max(10_000),
  survey: z.array(IdSchema).max(10_000),
  queueItem: z.array(IdSchema).max(10_000),
});
export type MergedRows = z.infer<typeof MergedRowsSchema>;

/** What a merge did to the customer merged away, kept on its row so a supervisor can undo it. */
export const CustomerMergeSchema = z.object({
  at: EpochMsSchema,
  by: IdSchema,
  moved: MergedRowsSchema,
  /** Its own identifiers before the merge (they moved to the survivor). */
  emails: z.array(EmailSchema).max(20),
  phones: z.array(PhoneSchema).max(20),
  socialHandle: wellFormedText().max(500).nullable(),
  /** Identifiers the survivor gained from it (an undo takes them back). */
  addedEmails: z.array(EmailSchema).max(20),
  addedPhones: z.array(PhoneSchema).max(20),
});
export type CustomerMerge = z.infer<typeof CustomerMergeSchema>;

export const CustomerSchema = z.object({
  id: IdSchema,
  firstName: shortText(80),
  lastName: wellFormedText().trim().max(80),
  company: wellFormedText().trim().max(120).nullable().default(null),
  emails: z.array(EmailSchema).max(20),
  phones: z.array(PhoneSchema).max(20),
  tier: TierSchema,
  language: LanguageSchema,
  timeZone: TimeZoneSchema,
  /** Where they live, as an ISO 3166 country or subdivision code ("DE-BY"): promises and follow-ups skip its public holidays too. Null: unknown (every row made before it existed). */
  region: RegionCodeSchema.nullable().default(null),
  /** When the customer does not want to be contacted, in their own time zone. */
  quietHours: QuietHoursSchema.nullable(),
  preferredChannel: ReachableChannelSchema,
  tags: z.array(shortText(40)).max(50),
  attributes: z.record(wellFormedText().max(60), AttributeValueSchema),
  /** The account's currency; null (every row made before it existed): the currency of where they live (`accountCurrency`). */
  currency: CurrencySchema.nullable().default(null),
  createdAt: EpochMsSchema,
  updatedAt: EpochMsSchema,
  /** Merged into this customer: the row stays as a redirect, so links and changes that name it still land. */
  mergedInto: IdSchema.nullable().default(null),
  merge: CustomerMergeSchema.nullable().default(null),
});
export type Customer = z.infer<typeof CustomerSchema>;

/**
 * A customer's row with what a new customer starts with where not given: no
 * last name, company, addresses, tags or attributes, the standard tier, British
 * English and London time, no region, no quiet hours, and updated when created.
 */
export function newCustomer(
  fields: Pick<Customer, 'id' | 'firstName' | 'preferredChannel' | 'createdAt'> & Partial<Omit<Customer, 'id' | 'firstName' | 'preferredChannel' | 'createdAt'>>,
): Customer {
  const { id, firstName, preferredChannel, createdAt, ...rest } = fields;
  return {
    id,
    firstName,
    lastName: '',
    company: null,
    emails: [],
    phones: [],
    tier: 'standard',
    language: 'en-GB',
    timeZone: 'Europe/London',
    region: null,
    quietHours: null,
    preferredChannel,
    tags: [],
    attributes: {},
    currency: null,
    createdAt,
    updatedAt: createdAt,
    mergedInto: null,
    merge: null,
    ...rest,
  };
}

/** Fields of a customer that people edit (customer.update patches these). */
export const CUSTOMER_EDITABLE_FIELDS = [
  'firstName',
  'lastName',
  'company',
  'emails',
  'phones',
  'tier',
  'language',
  'timeZone',
  'region',
  'quietHours',
  'preferredChannel',
  'tags',
  'attributes',
  'currency',
] as const;
export type CustomerEditableField = (typeof CUSTOMER_EDITABLE_FIELDS)[number];

export function customerName(customer: Pick<Customer, 'firstName' | 'lastName'>): string {
  return `${customer.firstName} ${customer.lastName}`.trim();
}

// ---------------------------------------------------------------- contacts

export const DIRECTIONS = ['inbound', 'outbound', 'internal'] as const;
export const DirectionSchema = z.enum(DIRECTIONS);
export type Direction = z.infer<typeof DirectionSchema>;

export const RESOLUTIONS = ['resolved', 'unresolved'] as const;
export const ResolutionSchema = z.enum(RESOLUTIONS);
export type Resolution = z.infer<typeof ResolutionSchema>;

export const AdherenceSchema = z.object({
  /** Ids of the steps the agent ticked off. */
  done: z.array(wellFormedText().max(60)).max(200),
  /** Steps the script showed for this contact. */
  total: z.number().int().min(0).max(200),
});
export type Adherence = z.infer<typeof AdherenceSchema>;

export const GESTURE_KINDS = ['credit', 'refund', 'discount', 'waive-fee', 'upgrade', 'priority-callback', 'gift'] as const;
export const GestureSchema = z.object({
  kind: z.enum(GESTURE_KINDS),
  /** What the customer is told, e.g. "a £10 credit on your next bill". */
  description: shortText(300),
  /** Money value in the account currency, when it has one. */
  value: z.number().min(0).max(100_000).nullable(),
  /** The currency of `value`: the customer's account currency; null on gestures recorded before, in the goodwill policy's (GBP). */
  currency: CurrencySchema.nullable().default(null),
});
export type Gesture = z.infer<typeof GestureSchema>;

export const PromiseSchema = z.object({
  /** What the customer was told, e.g. "We'll call you back by Tuesday 3 pm your time". */
  text: shortText(300),
  /** The moment promised. */
  dueAt: EpochMsSchema,
});
export type ContactPromise = z.infer<typeof PromiseSchema>;

/**
 * Text the hub or a rule wrote (not a person): its message id and values, so
 * each reader sees it in their own language. The row keeps the English too,
 * for older desktops and for rows written before this was kept.
 */
export const SaidSchema = z.object({
  id: z.string().min(1).max(200),
  values: z.record(z.string().max(64), z.union([wellFormedText().max(4000), z.number()])).refine((values) => Object.keys(values).length <= 20, 'a message carries at most 20 values').default({}),
});
export type Said = z.infer<typeof SaidSchema>;

/** One interaction with a customer on any channel; internal notes are contacts on the `note` channel. */
export const ContactSchema = z.object({
  id: IdSchema,
  customerId: IdSchema,
  channel: ChannelSchema,
  direction: DirectionSchema,
  subject: wellFormedText().trim().max(300),
  /** The message, the call's transcript, or the note. */
  body: longText(),
  /** A note the system wrote (a transfer, a merge): the body as a message, for the reader's language. */
  bodyMessage: SaidSchema.optional(),
  /** The customer's address it came from or went to (phone, email, handle). */
  address: wellFormedText().max(320).nullable().default(null),
  /** When it started (arrived, was sent, was written). */
  at: EpochMsSchema,
  endedAt: EpochMsSchema.nullable().default(null),
  queueId: IdSchema.nullable().default(null),
  /** The agent who handled it, or who wrote the note. */
  agentId: IdSchema.nullable().default(null),
  topic: wellFormedText().max(40).nullable().default(null),
  disposition: wellFormedText().max(60).nullable().default(null),
  resolution: ResolutionSchema.nullable().default(null),
  /** The customer's tone, from −1 (very negative) to 1 (very positive). */
  sentiment: z.number().min(-1).max(1).nullable().default(null),
  /** The agent's wrap-up summary. */
  summary: longText(4000).nullable().default(null),
  /** A note on another contact (a note added during a call points at the call). */
  parentId: IdSchema.nullable().default(null),
  /** The script (and its version) the agent followed. */
  scriptId: IdSchema.nullable().default(null),
  scriptVersion: z.number().int().min(1).nullable().default(null),
  /** Which script steps the agent ticked off, of how many shown. */
  adherence: AdherenceSchema.nullable().default(null),
  /** A goodwill gesture given to the customer. */
  gesture: GestureSchema.nullable().default(null),
  /** The expectation set with the customer. */
  promise: PromiseSchema.nullable().default(null),
  /** After-contact work, in seconds (from the end of the conversation to the wrap-up). */
  acwSeconds: z.number().int().min(0).max(24 * 3600).nullable().default(null),
  /** People a note asks in (@mentions): each is notified. */
  mentions: z.array(IdSchema).max(20).default([]),
});
export type Contact = z.infer<typeof ContactSchema>;

/** What every contact is given: who, on which channel and way, what was said, and when. */
export type NewContactFields = Pick<Contact, 'id' | 'customerId' | 'channel' | 'direction' | 'body' | 'at'> &
  Partial<Omit<Contact, 'id' | 'customerId' | 'channel' | 'direction' | 'body' | 'at'>>;

/**
 * A contact's row with what a new contact has where not given: no subject or
 * address, not ended, in no queue, nobody's, no topic, and nothing of its
 * wrap-up (disposition, resolution, sentiment, summary, script, gesture,
 * promise, after-contact work), on no other contact.
 */
export function newContact(fields: NewContactFields): Contact {
  const { id, customerId, channel, direction, body, at, ...rest } = fields;
  return {
    id,
    customerId,
    channel,
    direction,
    subject: '',
    body,
    address: null,
    at,
    endedAt: null,
    queueId: null,
    agentId: null,
    topic: null,
    disposition: null,
    resolution: null,
    sentiment: null,
    summary: null,
    parentId: null,
    scriptId: null,
    scriptVersion: null,
    adherence: null,
    gesture: null,
    promise: null,
    acwSeconds: null,
    mentions: [],
    ...rest,
  };
}

// ---------------------------------------------------------------- queue

export const QUEUE_STATES = ['waiting', 'claimed', 'wrap-up', 'done'] as const;
export const QueueStateSchema = z.enum(QUEUE_STATES);
export type QueueState = z.infer<typeof QueueStateSchema>;

/** A contact's place in a queue. Its id is the contact's id: one queue item per contact. */
/**
 * A contact handed on: to another queue, or offered to a named agent there
 * (`toAgentId`, cleared when it goes back to the queue).
 */
export const HandoffSchema = z.object({
  fromId: IdSchema,
  fromQueueId: IdSchema,
  toAgentId: IdSchema.nullable(),
  reason: shortText(120),
  note: longText(4000).default(''),
  at: EpochMsSchema,
});
export type Handoff = z.infer<typeof HandoffSchema>;

export const ESCALATION_STATES = ['open', 'taken', 'advised'] as const;

/** An agent's call for help: open until a supervisor takes the contact over or replies with advice. */
export const EscalationSchema = z.object({
  byId: IdSchema,
  reason: shortText(500),
  at: EpochMsSchema,
  state: z.enum(ESCALATION_STATES),
  /** The supervisor who took it over or advised. */
  supervisorId: IdSchema.nullable().default(null),
  answeredAt: EpochMsSchema.nullable().default(null),
});
export type Escalation = z.infer<typeof EscalationSchema>;

export const QueueItemSchema = z.object({
  id: IdSchema,
  contactId: IdSchema,
  customerId: IdSchema,
  queueId: IdSchema,
  channel: ChannelSchema,
  /** 1 is the most urgent, 5 the least. */
  priority: z.number().int().min(1).max(5),
  enqueuedAt: EpochMsSchema,
  slaDueAt: EpochMsSchema,
  state: QueueStateSchema,
  assigneeId: IdSchema.nullable(),
  claimedAt: EpochMsSchema.nullable(),
  doneAt: EpochMsSchema.nullable(),
  topic: wellFormedText().max(40).nullable().default(null),
  /** Skills an agent needs for this contact (the queue's, and any the contact adds). */
  skills: z.array(shortText(40)).max(20).default([]),
  /** The agent this contact is being offered to, and since when (the offer lapses after a while). */
  offeredTo: IdSchema.nullable().default(null),
  offeredAt: EpochMsSchema.nullable().default(null),
  /** Agents who declined it: not offered it again. */
  declinedBy: z.array(IdSchema).max(100).default([]),
  /** When the conversation ended and after-contact work began. */
  wrapUpAt: EpochMsSchema.nullable().default(null),
  /** The last hand-over: who moved it here and why; the next agent reads its note first. */
  handoff: HandoffSchema.nullable().default(null),
  /** An agent asked a supervisor for help with it. */
  escalation: EscalationSchema.nullable().default(null),
});
export type QueueItem = z.infer<typeof QueueItemSchema>;

/** The queue item's middle priority, for a contact nothing makes more or less urgent. */
export const DEFAULT_PRIORITY = 3;

/**
 * A contact waiting in a queue: its id is the contact's, it is queued when the
 * contact arrived, due within the queue's SLA, needs the queue's skills, and
 * is nobody's, offered to nobody and declined by nobody. `patch` sets the rest
 * (priority, DEFAULT_PRIORITY where not given; a claimed or done item's state).
 */
export function newQueueItem(
  contact: Pick<Contact, 'id' | 'customerId' | 'channel' | 'at' | 'topic'>,
  queue: Pick<Queue, 'id' | 'slaSeconds' | 'skills'>,
  patch: Partial<Omit<QueueItem, 'id' | 'contactId'>> = {},
): QueueItem {
  return {
    id: contact.id,
    contactId: contact.id,
    customerId: contact.customerId,
    queueId: queue.id,
    channel: contact.channel,
    priority: DEFAULT_PRIORITY,
    enqueuedAt: contact.at,
    slaDueAt: contact.at + queue.slaSeconds * 1000,
    state: 'waiting',
    assigneeId: null,
    claimedAt: null,
    doneAt: null,
    topic: contact.topic,
    skills: [...queue.skills],
    offeredTo: null,
    offeredAt: null,
    declinedBy: [],
    wrapUpAt: null,
    handoff: null,
    escalation: null,
    ...patch,
  };
}

// ---------------------------------------------------------------- follow-ups

export const FOLLOW_UP_KINDS = ['callback', 'check-in', 'recovery', 'message'] as const;
export const FollowUpKindSchema = z.enum(FOLLOW_UP_KINDS);
export type FollowUpKind = z.infer<typeof FollowUpKindSchema>;

export const FOLLOW_UP_STATES = ['scheduled', 'done', 'cancelled'] as const;
export const FollowUpStateSchema = z.enum(FOLLOW_UP_STATES);
export type FollowUpState = z.infer<typeof FollowUpStateSchema>;

export const FOLLOW_UP_OUTCOMES = ['reached', 'no-answer', 'left-message', 'resolved', 'needs-another'] as const;
export const FollowUpOutcomeSchema = z.enum(FOLLOW_UP_OUTCOMES);
export type FollowUpOutcome = z.infer<typeof FollowUpOutcomeSchema>;

export const FOLLOW_UP_KIND_MESSAGES = defineMessages({
  callback: { id: 'model.followUpKind.callback', defaultMessage: 'Callback' },
  'check-in': { id: 'model.followUpKind.check-in', defaultMessage: 'Check-in' },
  recovery: { id: 'model.followUpKind.recovery', defaultMessage: 'Recovery call' },
  message: { id: 'model.followUpKind.message', defaultMessage: 'Message' },
}) satisfies Record<FollowUpKind, MessageDescriptor>;
export const FOLLOW_UP_KIND_LABELS: Record<FollowUpKind, string> = englishOf(FOLLOW_UP_KIND_MESSAGES);

export const FOLLOW_UP_OUTCOME_MESSAGES = defineMessages({
  reached: { id: 'model.followUpOutcome.reached', defaultMessage: 'Reached' },
  'no-answer': { id: 'model.followUpOutcome.no-answer', defaultMessage: 'No answer' },
  'left-message': { id: 'model.followUpOutcome.left-message', defaultMessage: 'Left a message' },
  resolved: { id: 'model.followUpOutcome.resolved', defaultMessage: 'Resolved' },
  'needs-another': { id: 'model.followUpOutcome.needs-another', defaultMessage: 'Needs another follow-up' },
}) satisfies Record<FollowUpOutcome, MessageDescriptor>;
export const FOLLOW_UP_OUTCOME_LABELS: Record<FollowUpOutcome, string> = englishOf(FOLLOW_UP_OUTCOME_MESSAGES);

export const FollowUpSchema = z.object({
  id: IdSchema,
  customerId: IdSchema,
  /** The contact it follows up on. */
  contactId: IdSchema.nullable(),
  kind: FollowUpKindSchema,
  channel: ReachableChannelSchema,
  dueAt: EpochMsSchema,
  ownerId: IdSchema,
  state: FollowUpStateSchema,
  /** Why it was planned, shown to whoever does it. */
  reason: wellFormedText().max(500),
  outcome: FollowUpOutcomeSchema.nullable(),
  note: longText(4000),
  createdAt: EpochMsSchema,
  createdBy: IdSchema,
  completedAt: EpochMsSchema.nullable(),
  completedBy: IdSchema.nullable(),
  cancelReason: wellFormedText().max(500).nullable(),
  /** Snoozed: remind at this time rather than at the due time (the due time promised stays). */
  remindAt: EpochMsSchema.nullable().default(null),
  /** The planner rule that suggested it (null when planned by hand). */
  ruleId: wellFormedText().max(40).nullable().default(null),
  /** The follow-up it continues ("needs another follow-up"). */
  previousId: IdSchema.nullable().default(null),
  /** The timeline entry its outcome was logged as. */
  outcomeContactId: IdSchema.nullable().default(null),
});
export type FollowUp = z.infer<typeof FollowUpSchema>;

/** What every follow-up is given: for whom, how, when, whose, and who planned it when. */
export type NewFollowUpFields = Pick<FollowUp, 'id' | 'customerId' | 'kind' | 'channel' | 'dueAt' | 'ownerId' | 'createdAt' | 'createdBy'> &
  Partial<Omit<FollowUp, 'id' | 'customerId' | 'kind' | 'channel' | 'dueAt' | 'ownerId' | 'createdAt' | 'createdBy'>>;

/**
 * A follow-up's row with what a newly planned one has where not given:
 * scheduled, on no contact, with no reason or note, no outcome, not completed
 * or cancelled, not snoozed, planned by hand (no rule) and continuing none.
 */
export function newFollowUp(fields: NewFollowUpFields): FollowUp {
  const { id, customerId, kind, channel, dueAt, ownerId, createdAt, createdBy, ...rest } = fields;
  return {
    id,
    customerId,
    contactId: null,
    kind,
    channel,
    dueAt,
    ownerId,
    state: 'scheduled',
    reason: '',
    outcome: null,
    note: '',
    createdAt,
    createdBy,
    completedAt: null,
    completedBy: null,
    cancelReason: null,
    remindAt: null,
    ruleId: null,
    previousId: null,
    outcomeContactId: null,
    ...rest,
  };
}

// ---------------------------------------------------------------- satisfaction

export const SurveyResponseSchema = z.object({
  id: IdSchema,
  contactId: IdSchema,
  customerId: IdSchema,
  agentId: IdSchema.nullable(),
  /** answered: the customer gave scores; sent: a survey went out and no answer is in yet. */
  status: z.enum(['answered', 'sent']),
  csat: z.number().int().min(1).max(5).nullable(),
  nps: z.number().int().min(0).max(10).nullable(),
  comment: longText(2000),
  at: EpochMsSchema,
});
export type SurveyResponse = z.infer<typeof SurveyResponseSchema>;

// ---------------------------------------------------------------- scripts

export const SCRIPT_STAGES = ['greet', 'understand', 'empathise', 'resolve', 'expectations', 'close'] as const;
export const ScriptStageIdSchema = z.enum(SCRIPT_STAGES);
export type ScriptStageId = z.infer<typeof ScriptStageIdSchema>;

export const SCRIPT_STAGE_MESSAGES = defineMessages({
  greet: { id: 'model.scriptStage.greet', defaultMessage: 'Greet' },
  understand: { id: 'model.scriptStage.understand', defaultMessage: 'Understand the need' },
  empathise: { id: 'model.scriptStage.empathise', defaultMessage: 'Empathise' },
  resolve: { id: 'model.scriptStage.resolve', defaultMessage: 'Resolve' },
  expectations: { id: 'model.scriptStage.expectations', defaultMessage: 'Set expectations' },
  close: { id: 'model.scriptStage.close', defaultMessage: 'Close' },
}) satisfies Record<ScriptStageId, MessageDescriptor>;
export const SCRIPT_STAGE_LABELS: Record<ScriptStageId, string> = englishOf(SCRIPT_STAGE_MESSAGES);

export const ScriptStepSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]{1,60}$/, 'step ids are lowercase letters, digits and dashes'),
  /** say: a line to say or write; ask: a question; do: an action for the agent. */
  kind: z.enum(['say', 'ask', 'do']),
  text: shortText(1000),
  /** Situation triggers (any of them) that make this step appear; empty: always shown. */
  when: z.array(wellFormedText().max(40)).max(10).default([]),
  /** Answers that lead elsewhere: a step id in this script or a stage id. */
  branches: z.array(z.object({ label: shortText(100), goto: wellFormedText().max(60) })).max(10).default([]),
  /** Knowledge articles (policies, how-tos) the agent may need at this step. */
  articleIds: z.array(IdSchema).max(10).default([]),
});
export type ScriptStep = z.infer<typeof ScriptStepSchema>;

export const ScriptStageSchema = z.object({
  id: ScriptStageIdSchema,
  steps: z.array(ScriptStepSchema).max(50),
});
export type ScriptStage = z.infer<typeof ScriptStageSchema>;

// ---------------------------------------------------------------- language variants

/** The language content is written in when a row does not say (every row made before variants existed). */
export const DEFAULT_CONTENT_LANGUAGE = 'en-GB';
/** The most translations one script, reply or article carries. */
export const MAX_CONTENT_VARIANTS = 20;

/** Translations keyed by language tag ("de", "es-MX"); rows made before variants existed have none. */
export function contentVariants<Variant extends z.ZodType>(variant: Variant) {
  return z
    .record(LanguageSchema, variant)
    .refine((variants) => Object.keys(variants).length <= MAX_CONTENT_VARIANTS, `at most ${MAX_CONTENT_VARIANTS} languages`)
    .default({});
}

/**
 * A step of a script in another language: the words only. What the step does
 * (its kind, triggers, where its branches go, its articles) stays the
 * source's, so a translation cannot change how the script runs.
 */
export const ScriptVariantStepSchema = z.object({
  id: ScriptStepSchema.shape.id,
  /** May be empty in a draft being translated; publishing refuses it then. */
  text: wellFormedText().trim().max(1000),
  /** The labels of the source step's branches, in the same order (empty ones refused when publishing). */
  branches: z.array(wellFormedText().trim().max(100)).max(10).default([]),
});
export type ScriptVariantStep = z.infer<typeof ScriptVariantStepSchema>;

/** A script in another language: its name and every step of the source, by id, in the source's order. */
export const ScriptVariantSchema = z.object({
  /** May be empty in a draft being translated; publishing refuses it then. */
  name: wellFormedText().trim().max(120),
  description: wellFormedText().max(1000).default(''),
  steps: z.array(ScriptVariantStepSchema).max(SCRIPT_STAGES.length * 50),
});
export type ScriptVariant = z.infer<typeof ScriptVariantSchema>;

/** One version of a script. A script's versions share `scriptId`; the row id is `${scriptId}@${version}`. */
export const ScriptSchema = z.object({
  id: IdSchema,
  scriptId: IdSchema,
  version: z.number().int().min(1),
  status: z.enum(['draft', 'published', 'retired']),
  name: shortText(120),
  description: wellFormedText().max(1000),
  /** Topics this script is suggested for. */
  topics: z.array(shortText(40)).max(20),
  stages: z.array(ScriptStageSchema).max(SCRIPT_STAGES.length),
  /** The language the stages are written in. */
  language: LanguageSchema.default(DEFAULT_CONTENT_LANGUAGE),
  /** The same script in other languages, step for step. */
  variants: contentVariants(ScriptVariantSchema),
  updatedAt: EpochMsSchema,
  updatedBy: IdSchema,
  publishedAt: EpochMsSchema.nullable(),
});
export type Script = z.infer<typeof ScriptSchema>;

export function scriptVersionId(scriptId: string, version: number): string {
  return `${scriptId}@${version}`;
}

// ---------------------------------------------------------------- targets

/**
 * What a supervisor aims for. A team's targets apply to its KPIs; a queue's
 * set how fast its contacts must be answered (the SLA, which also sets the
 * queue's SLA clocks) and the share to answer that fast (service level).
 * One row per team or queue, id `${scope}:${scopeId}`; null leaves a figure without target.
 */
export const TargetSchema = z.object({
  id: IdSchema,
  scope: z.enum(['team', 'queue']),
  scopeId: IdSchema,
  /** Average handle time, at most this many seconds. */
  ahtSeconds: z.number().int().min(10).max(24 * 3600).nullable().default(null),
  /** Average CSAT (1–5), at least. */
  csat: z.number().min(1).max(5).nullable().default(null),
  /** First-contact resolution share (0–1), at least. */
  fcr: z.number().min(0).max(1).nullable().default(null),
  /** Share answered within the SLA (0–1), at least. */
  serviceLevel: z.number().min(0).max(1).nullable().default(null),
  /** Queues: answer within this many seconds. */
  slaSeconds: z.number().int().min(10).max(14 * 24 * 3600).nullable().default(null),
  updatedAt: EpochMsSchema,
  updatedBy: IdSchema,
});
export type Target = z.infer<typeof TargetSchema>;

export function targetId(scope: Target['scope'], scopeId: string): string {
  return `${scope}:${scopeId}`;
}

// ---------------------------------------------------------------- knowledge

export const ARTICLE_KINDS = ['policy', 'how-to', 'reply'] as const;
export const ArticleKindSchema = z.enum(ARTICLE_KINDS);
export type ArticleKind = z.infer<typeof ArticleKindSchema>;

export const ARTICLE_KIND_MESSAGES = defineMessages({
  policy: { id: 'model.articleKind.policy', defaultMessage: 'Policy' },
  'how-to': { id: 'model.articleKind.how-to', defaultMessage: 'How-to' },
  reply: { id: 'model.articleKind.reply', defaultMessage: 'Saved reply' },
}) satisfies Record<ArticleKind, MessageDescriptor>;
export const ARTICLE_KIND_LABELS: Record<ArticleKind, string> = englishOf(ARTICLE_KIND_MESSAGES);

/** An article in another language. */
export const ArticleVariantSchema = z.object({
  title: shortText(160),
  body: wellFormedText().trim().min(1).max(20_000),
});
export type ArticleVariant = z.infer<typeof ArticleVariantSchema>;

/** A short knowledge article supervisors write and agents search from the contact workspace, offline too. */
export const ArticleSchema = z.object({
  id: IdSchema,
  kind: ArticleKindSchema,
  title: shortText(160),
  /** Plain text; blank lines separate paragraphs. Saved replies may use script variables ({customer.firstName}). */
  body: wellFormedText().trim().min(1).max(20_000),
  tags: z.array(shortText(40)).max(20),
  /** Archived articles are kept (scripts may still name them) but not offered. */
  archived: z.boolean().default(false),
  /** The language the title and body are written in. */
  language: LanguageSchema.default(DEFAULT_CONTENT_LANGUAGE),
  /** The article in other languages. */
  variants: contentVariants(ArticleVariantSchema),
  updatedAt: EpochMsSchema,
  updatedBy: IdSchema,
});
export type Article = z.infer<typeof ArticleSchema>;

// ---------------------------------------------------------------- notifications

export const NOTIFICATION_KINDS = [
  /** Someone @mentioned the person in a note. */
  'mention',
  /** A contact was transferred to the person (offered to them). */
  'transfer',
  /** A contact the person transferred to someone came back to the queue (declined, not answered). */
  'transfer-returned',
  /** A supervisor replied to the person's escalation with advice, or took the contact over. */
  'advice',
  'taken-over',
  /** A supervisor set the person's presence. */
  'presence',
] as const;
export const NotificationKindSchema = z.enum(NOTIFICATION_KINDS);
export type NotificationKind = z.infer<typeof NotificationKindSchema>;

/** Something for one person to see, on whatever screen they are: synced to them alone. */
export const NotificationSchema = z.object({
  id: IdSchema,
  /** Who it is for. */
  userId: IdSchema,
  kind: NotificationKindSchema,
  /** Who caused it (null: the hub, e.g. an offer that lapsed). */
  fromId: IdSchema.nullable(),
  /** What it says, in words (British English). */
  text: longText(2000),
  /** What it says as a message, for the reader's language (rows from before have only `text`). */
  textMessage: SaidSchema.optional(),
  customerId: IdSchema.nullable().default(null),
  contactId: IdSchema.nullable().default(null),
  at: EpochMsSchema,
  readAt: EpochMsSchema.nullable().default(null),
});
export type Notification = z.infer<typeof NotificationSchema>;

/** A notification's row: unread, about no customer unless given. */
export function newNotification(fields: Pick<Notification, 'id' | 'userId' | 'kind' | 'fromId' | 'text' | 'at'> & Partial<Pick<Notification, 'customerId' | 'contactId' | 'textMessage'>>): Notification {
  return { customerId: null, contactId: null, readAt: null, ...fields };
}
