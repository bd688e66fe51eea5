/**
 * Warnings on a follow-up planned by hand (the planner's own slots already
 * avoid these): a time outside the customer's contact hours or inside their
 * quiet hours, said on their clock, and a second follow-up to the same
 * customer within an hour of another. Warnings, not refusals: the agent may
 * have agreed the time with the customer.
 */
import { defineMessages } from '@formatjs/intl';
import type { FollowUp, QuietHours } from '../domain/model';
import type { Message, MessageDescriptor } from '../i18n/messages';
import { inQuietHours } from '../promise/promise';
import { minutesOfTime, zonedParts } from '../promise/zones';
import type { DailyHours } from './config';

const HOUR = 3_600_000;

export interface WarnedCustomer {
  firstName: string;
  timeZone: string;
  quietHours: QuietHours | null;
}

export interface PlannedTimeInput {
  /** The moment planned. */
  at: number;
  customer: WarnedCustomer;
  /** When customers may be contacted, on their clock (the planner's `customerHours`). */
  contactHours: DailyHours;
  /** The customer's follow-ups; done or cancelled ones, and `except` (the one being moved), are not counted. */
  followUps?: readonly Pick<FollowUp, 'id' | 'dueAt' | 'state'>[];
  except?: string;
  /** The agent's clock, for saying when the other follow-up is. */
  agentZone: string;
}

export type PlannedTimeWarningKind = 'outside-contact-hours' | 'quiet-hours' | 'near-another';

export interface PlannedTimeWarning {
  kind: PlannedTimeWarningKind;
  /** Formatted where it is shown, in the agent's language. */
  message: Message;
}

export const PLANNED_TIME_WARNING_MESSAGES: Record<'outsideContactHours' | 'quietHours' | 'nearBefore' | 'nearAfter' | 'nearSame', MessageDescriptor> = defineMessages({
  outsideContactHours: {
    id: 'planner.warnings.outsideContactHours',
    defaultMessage: 'That is {time} for {name} ({zone}), outside {name}’s contact hours {start}–{end}.',
  },
  quietHours: {
    id: 'planner.warnings.quietHours',
    defaultMessage: 'That is {time} for {name} ({zone}), in {name}’s quiet hours {start}–{end}.',
  },
  nearBefore: {
    id: 'planner.warnings.nearBefore',
    defaultMessage: '{name} already has a follow-up due at {time} your time, {minutes, plural, one {# minute} other {# minutes}} before this one.',
  },
  nearAfter: {
    id: 'planner.warnings.nearAfter',
    defaultMessage: '{name} already has a follow-up due at {time} your time, {minutes, plural, one {# minute} other {# minutes}} after this one.',
  },
  nearSame: {
    id: 'planner.warnings.nearSame',
    defaultMessage: '{name} already has a follow-up due at {time} your time, at the same time as this one.',
  },
});

const pad = (n: number) => String(n).padStart(2, '0');

/** "21:30" on the clock of `zone`. */
function clockOf(ms: number, zone: string): string {
  const p = zonedParts(ms, zone);
  return `${pad(p.h)}:${pad(p.min)}`;
}

function withinDaily(ms: number, hours: DailyHours, zone: string): boolean {
  const p = zonedParts(ms, zone);
  const minute = p.h * 60 + p.min;
  return minute >= minutesOfTime(hours.start) && minute < minutesOfTime(hours.end);
}

/** What to tell the agent about a time they chose for a follow-up; [] when it suits. */
export function plannedTimeWarnings(input: PlannedTimeInput): PlannedTimeWarning[] {
  const { at, customer, contactHours } = input;
  if (!Number.isFinite(at)) return [];
  const warnings: PlannedTimeWarning[] = [];
  const theirTime = { time: clockOf(at, customer.timeZone), name: customer.firstName, zone: customer.timeZone };
  if (!withinDaily(at, contactHours, customer.timeZone)) {
    warnings.push({
      kind: 'outside-contact-hours',
      message: { descriptor: PLANNED_TIME_WARNING_MESSAGES.outsideContactHours, values: { ...theirTime, start: contactHours.start, end: contactHours.end } },
    });
  }
  if (customer.quietHours && inQuietHours(at, customer.quietHours, customer.timeZone)) {
    warnings.push({
      kind: 'quiet-hours',
      message: { descriptor: PLANNED_TIME_WARNING_MESSAGES.quietHours, values: { ...theirTime, start: customer.quietHours.start, end: customer.quietHours.end } },
    });
  }
  const near = (input.followUps ?? [])
    .filter((other) => other.id !== input.except && other.state === 'scheduled' && Math.abs(other.dueAt - at) <= HOUR)
    .sort((a, b) => Math.abs(a.dueAt - at) - Math.abs(b.dueAt - at))[0];
  if (near) {
    const minutes = Math.round(Math.abs(near.dueAt - at) / 60_000);
    const descriptor = minutes === 0 ? PLANNED_TIME_WARNING_MESSAGES.nearSame : near.dueAt > at ? PLANNED_TIME_WARNING_MESSAGES.nearAfter : PLANNED_TIME_WARNING_MESSAGES.nearBefore;
    warnings.push({ kind: 'near-another', message: { descriptor, values: { name: customer.firstName, time: clockOf(near.dueAt, input.agentZone), minutes } } });
  }
  return warnings;
}
