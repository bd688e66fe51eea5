/**
 * Warnings on a follow-up planned by hand (the planner's own slots already
 * avoid these): a time outside the customer's contact hours or inside their
 * quiet hours, said on their clock, and a second follow-up to the same
 * customer within an hour of another. Warnings, not refusals: the agent may
 * have agreed the time with the customer.
 */
import type { FollowUp, QuietHours } from '../domain/model';
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
  message: string;
}

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

function minutesText(ms: number): string {
  const minutes = Math.round(Math.abs(ms) / 60_000);
  return minutes === 0 ? 'at the same time as this one' : `${minutes} minute${minutes === 1 ? '' : 's'} ${ms > 0 ? 'after' : 'before'} this one`;
}

/** What to tell the agent about a time they chose for a follow-up; [] when it suits. */
export function plannedTimeWarnings(input: PlannedTimeInput): PlannedTimeWarning[] {
  const { at, customer, contactHours } = input;
  if (!Number.isFinite(at)) return [];
  const warnings: PlannedTimeWarning[] = [];
  const theirTime = `That is ${clockOf(at, customer.timeZone)} for ${customer.firstName} (${customer.timeZone})`;
  if (!withinDaily(at, contactHours, customer.timeZone)) {
    warnings.push({ kind: 'outside-contact-hours', message: `${theirTime}, outside ${customer.firstName}’s contact hours ${contactHours.start}–${contactHours.end}.` });
  }
  if (customer.quietHours && inQuietHours(at, customer.quietHours, customer.timeZone)) {
    warnings.push({ kind: 'quiet-hours', message: `${theirTime}, in ${customer.firstName}’s quiet hours ${customer.quietHours.start}–${customer.quietHours.end}.` });
  }
  const near = (input.followUps ?? [])
    .filter((other) => other.id !== input.except && other.state === 'scheduled' && Math.abs(other.dueAt - at) <= HOUR)
    .sort((a, b) => Math.abs(a.dueAt - at) - Math.abs(b.dueAt - at))[0];
  if (near) {
    warnings.push({
      kind: 'near-another',
      message: `${customer.firstName} already has a follow-up due at ${clockOf(near.dueAt, input.agentZone)} your time, ${minutesText(near.dueAt - at)}.`,
    });
  }
  return warnings;
}
