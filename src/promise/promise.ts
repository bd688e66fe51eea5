/**
 * Setting expectations concretely: from "we need about four business hours"
 * to "We'll call you back by 3 pm your time today", a moment that is inside
 * opening hours and outside the customer's quiet hours, worded in the
 * customer's own time zone.
 */
import { baseLanguage } from '../content/language';
import type { QuietHours } from '../domain/model';
import { type BusinessCalendar, addBusinessTime, isOpenAt } from './calendar';
import { MONTH_NAMES, WEEKDAY_NAMES, addDays, daysBetween, instantAtTime, minutesOfTime, zoneOffset, zonedParts } from './zones';

export const PROMISE_KINDS = ['callback', 'reply', 'resolution'] as const;
export type PromiseKind = (typeof PROMISE_KINDS)[number];

export interface PromiseCustomer {
  timeZone: string;
  quietHours: QuietHours | null;
  /**
   * BCP 47 tag: the promise is worded in German or Spanish for de-* and es-*
   * customers, in English otherwise; English speakers get a 12-hour clock ("3 pm"), others 24-hour ("15:00").
   */
  language?: string;
}

export interface PromiseInput {
  kind: PromiseKind;
  now: number;
  /** How long we need: open business time, wall-clock time, or both (the later wins). */
  within: { businessHours?: number; hours?: number };
  calendar: BusinessCalendar;
  customer: PromiseCustomer;
  /** Round the moment up to a multiple of this many minutes on the customer's clock (default 30; 0 or 1 to keep it exact). */
  roundTo?: number;
}

export interface PromiseResult {
  /** The moment promised. */
  dueAt: number;
  /** What the customer is told, in their language: "We'll call you back by Tuesday 3 pm your time", "Wir rufen Sie bis Dienstag, 15:00 Uhr Ihrer Ortszeit zurück". */
  text: string;
  /** The language `text` is written in: "en", "de" or "es". */
  textLanguage: PromiseLanguage;
  /** The moment on the customer's clock, in full, for the agent: "Tuesday 24 November 2026, 3 pm (America/New_York)". */
  customerLocalText: string;
  /** The same moment on the business calendar's clock: "Tuesday 24 November 2026, 8 pm (Europe/London)". */
  businessLocalText: string;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/** Rounding, opening hours and quiet hours settle in a few rounds; this bounds a calendar that can never satisfy them. */
const MAX_ADJUSTMENTS = 60;

const LEADS: Record<PromiseKind, string> = {
  callback: "We'll call you back",
  reply: "You'll have our reply",
  resolution: "We'll have this fixed",
};

/** Rounds up to the next multiple of `minutes` on the clock of `zone` (a 30-minute step gives :00 and :30 in Kolkata too). */
export function roundUpInZone(ms: number, minutes: number, zone: string): number {
  if (!(minutes > 1)) return ms;
  const step = minutes * MINUTE;
  const offset = zoneOffset(ms, zone);
  const rounded = Math.ceil((ms + offset) / step) * step - offset;
  return rounded >= ms ? rounded : rounded + step;
}

/** Whether `ms` falls in the quiet hours, on the customer's clock; quiet hours may span midnight (22:00–07:00). */
export function inQuietHours(ms: number, quietHours: QuietHours | null, zone: string): boolean {
  if (!quietHours) return false;
  const start = minutesOfTime(quietHours.start);
  const end = minutesOfTime(quietHours.end);
  if (start === end) return false;
  const p = zonedParts(ms, zone);
  const now = p.h * 60 + p.min;
  return start < end ? now >= start && now < end : now >= start || now < end;
}

/** When the quiet hours that contain `ms` end, on the customer's clock. */
export function endOfQuietHours(ms: number, quietHours: QuietHours, zone: string): number {
  const start = minutesOfTime(quietHours.start);
  const end = minutesOfTime(quietHours.end);
  const p = zonedParts(ms, zone);
  const today = { y: p.y, m: p.m, d: p.d };
  const now = p.h * 60 + p.min;
  const endsTomorrow = start > end && now >= start;
  return instantAtTime(endsTomorrow ? addDays(today, 1) : today, quietHours.end, zone);
}

function usesTwelveHourClock(language: string | undefined): boolean {
  return language === undefined || /^en(-|$)/i.test(language);
}

/** "3 pm", "3:30 pm", "12 pm" — or "15:00" for a 24-hour clock. */
export function clockText(ms: number, zone: string, language?: string): string {
  const p = zonedParts(ms, zone);
  if (!usesTwelveHourClock(language)) return `${String(p.h).padStart(2, '0')}:${String(p.min).padStart(2, '0')}`;
  const hour = p.h % 12 === 0 ? 12 : p.h % 12;
  const minutes = p.min === 0 ? '' : `:${String(p.min).padStart(2, '0')}`;
  return `${hour}${minutes} ${p.h < 12 ? 'am' : 'pm'}`;
}

/**
 * "by 3 pm your time today", "by 9 am your time tomorrow", "by Tuesday 3 pm
 * your time", "by Tuesday 24 November, 3 pm your time" — on the customer's clock.
 */
export function byWhenText(dueAt: number, now: number, zone: string, language?: string): string {
  const due = zonedParts(dueAt, zone);
  const today = zonedParts(now, zone);
  const days = daysBetween(today, due);
  const time = clockText(dueAt, zone, language);
  const weekday = WEEKDAY_NAMES[due.weekday] ?? '';
  if (days === 0) return `by ${time} your time today`;
  if (days === 1) return `by ${time} your time tomorrow`;
  if (days > 1 && days < 7) return `by ${weekday} ${time} your time`;
  const year = due.y === today.y ? '' : ` ${due.y}`;
  return `by ${weekday} ${due.d} ${MONTH_NAMES[due.m - 1] ?? ''}${year}, ${time} your time`;
}

/** The languages a promise can be worded in. */
export const PROMISE_LANGUAGES = ['en', 'de', 'es'] as const;
export type PromiseLanguage = (typeof PROMISE_LANGUAGES)[number];

/** The language to word a promise in for a customer: theirs when there is a wording for it, English otherwise. */
export function promiseLanguage(language: string | undefined): PromiseLanguage {
  const base = language ? baseLanguage(language) : 'en';
  return (PROMISE_LANGUAGES as readonly string[]).includes(base) ? (base as PromiseLanguage) : 'en';
}

/** A weekday's or month's name in the customer's language, on their clock (e.g. "Dienstag", "noviembre"). */
function nameIn(language: string, ms: number, zone: string, part: 'weekday' | 'month'): string {
  // Until the one formatting module (src/i18n/format.ts) offers names in a given locale and zone.
  return new Intl.DateTimeFormat(language, { [part]: 'long', timeZone: zone }).format(ms);
}

/** German: "heute bis 15:00 Uhr Ihrer Ortszeit", "bis Dienstag, 15:00 Uhr Ihrer Ortszeit", "bis Dienstag, 24. November, 15:00 Uhr Ihrer Ortszeit". */
function byWhenGerman(dueAt: number, now: number, zone: string, locale: string): string {
  const due = zonedParts(dueAt, zone);
  const today = zonedParts(now, zone);
  const days = daysBetween(today, due);
  const time = `${clockText(dueAt, zone, locale)} Uhr Ihrer Ortszeit`;
  if (days === 0) return `heute bis ${time}`;
  if (days === 1) return `morgen bis ${time}`;
  const weekday = nameIn(locale, dueAt, zone, 'weekday');
  if (days > 1 && days < 7) return `bis ${weekday}, ${time}`;
  const year = due.y === today.y ? '' : ` ${due.y}`;
  return `bis ${weekday}, ${due.d}. ${nameIn(locale, dueAt, zone, 'month')}${year}, ${time}`;
}

/** Spanish: "hoy antes de las 15:00 (su hora local)", "el martes antes de las 15:00 (…)", "el martes 24 de noviembre antes de las 15:00 (…)". */
function byWhenSpanish(dueAt: number, now: number, zone: string, locale: string): string {
  const due = zonedParts(dueAt, zone);
  const today = zonedParts(now, zone);
  const days = daysBetween(today, due);
  // "la 1:30", "las 15:00".
  const time = `antes de ${due.h === 1 ? 'la' : 'las'} ${clockText(dueAt, zone, locale)} (su hora local)`;
  if (days === 0) return `hoy ${time}`;
  if (days === 1) return `mañana ${time}`;
  const weekday = nameIn(locale, dueAt, zone, 'weekday');
  if (days > 1 && days < 7) return `el ${weekday} ${time}`;
  const year = due.y === today.y ? '' : ` de ${due.y}`;
  return `el ${weekday} ${due.d} de ${nameIn(locale, dueAt, zone, 'month')}${year} ${time}`;
}

/** Whole sentences per language: the words around the moment differ in order, so they are not glued from parts. */
const SENTENCES: Record<Exclude<PromiseLanguage, 'en'>, Record<PromiseKind, (when: string) => string>> = {
  de: {
    callback: (when) => `Wir rufen Sie ${when} zurück`,
    reply: (when) => `Sie erhalten unsere Antwort ${when}`,
    resolution: (when) => `Wir haben das Problem ${when} behoben`,
  },
  es: {
    callback: (when) => `Le devolveremos la llamada ${when}`,
    reply: (when) => `Recibirá nuestra respuesta ${when}`,
    resolution: (when) => `Tendremos el problema resuelto ${when}`,
  },
};

/** What the customer is told, in their language (English where there is no wording for it). */
export function promiseText(kind: PromiseKind, dueAt: number, now: number, zone: string, language?: string): string {
  const wording = promiseLanguage(language);
  const locale = language ?? 'en-GB';
  if (wording === 'de') return SENTENCES.de[kind](byWhenGerman(dueAt, now, zone, locale));
  if (wording === 'es') return SENTENCES.es[kind](byWhenSpanish(dueAt, now, zone, locale));
  return `${LEADS[kind]} ${byWhenText(dueAt, now, zone, language)}`;
}

function fullText(ms: number, zone: string, language?: string): string {
  const p = zonedParts(ms, zone);
  return `${WEEKDAY_NAMES[p.weekday] ?? ''} ${p.d} ${MONTH_NAMES[p.m - 1] ?? ''} ${p.y}, ${clockText(ms, zone, language)} (${zone})`;
}

/**
 * The moment to promise and how to say it. The moment is at least the time
 * needed from now, rounded up on the customer's clock, inside business hours
 * (closing time included) and outside the customer's quiet hours; when it
 * lands in quiet hours it moves to their end, and then to the next opening if
 * the business is closed by then.
 */
export function computePromise(input: PromiseInput): PromiseResult {
  const { kind, now, within, calendar, customer } = input;
  const roundTo = input.roundTo ?? 30;
  const zone = customer.timeZone;

  let due = now;
  if (within.businessHours !== undefined) due = Math.max(due, addBusinessTime(now, within.businessHours * HOUR, calendar));
  if (within.hours !== undefined) due = Math.max(due, now + within.hours * HOUR);

  let settled = false;
  for (let round = 0; round < MAX_ADJUSTMENTS && !settled; round += 1) {
    const rounded = roundUpInZone(due, roundTo, zone);
    if (!isOpenAt(rounded, calendar)) {
      due = addBusinessTime(rounded, 0, calendar);
      continue;
    }
    if (customer.quietHours && inQuietHours(rounded, customer.quietHours, zone)) {
      due = endOfQuietHours(rounded, customer.quietHours, zone);
      continue;
    }
    due = rounded;
    settled = true;
  }
  if (!settled) throw new Error("No moment within the business calendar's opening hours falls outside the customer's quiet hours");

  return {
    dueAt: due,
    text: promiseText(kind, due, now, zone, customer.language),
    textLanguage: promiseLanguage(customer.language),
    customerLocalText: fullText(due, zone, customer.language),
    businessLocalText: fullText(due, calendar.timeZone, customer.language),
  };
}
