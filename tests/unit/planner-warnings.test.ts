import { describe, expect, it } from 'vitest';
import { newCustomer, newFollowUp } from '@core/domain/model';
import { PLANNER_RULES, plannedTimeWarnings, type PlannedTimeWarning } from '@core/planner';
import { intlFor } from '../helpers/intl';

const MINUTE = 60_000;
const utc = (y: number, m: number, d: number, h: number, min = 0) => Date.UTC(y, m - 1, d, h, min);
const ana = newCustomer({ id: 'cus_ana', firstName: 'Ana', preferredChannel: 'call', timeZone: 'Europe/Madrid', createdAt: 0 });
const joe = newCustomer({ id: 'cus_joe', firstName: 'Joe', preferredChannel: 'call', timeZone: 'America/New_York', quietHours: { start: '21:00', end: '08:00' }, createdAt: 0 });
const HOURS = { start: '09:00', end: '18:00' };

const english = intlFor('en-GB');
const german = intlFor('de');
/** A warning as the agent reads it: its kind and the message formatted in British English. */
const read = ({ kind, message }: PlannedTimeWarning, intl = english) => ({ kind, message: intl.formatMessage(message.descriptor, message.values) });

const warn = (at: number, customer = ana, extra: Partial<Parameters<typeof plannedTimeWarnings>[0]> = {}) =>
  plannedTimeWarnings({ at, customer, contactHours: HOURS, agentZone: 'Europe/London', ...extra }).map((warning) => read(warning));

function followUp(id: string, dueAt: number, state: 'scheduled' | 'done' = 'scheduled') {
  return newFollowUp({ id, customerId: ana.id, kind: 'callback', channel: 'call', dueAt, ownerId: 'usr_ben', reason: 'Call back', createdAt: 0, createdBy: 'usr_ben', ...(state === 'done' ? { state, completedAt: 1, completedBy: 'usr_ben', outcome: 'reached' as const } : {}) });
}

describe('a follow-up planned outside the customer’s hours', () => {
  it('says the customer’s own time and their contact hours', () => {
    // 20:30 in London is 21:30 in Madrid in winter.
    expect(warn(utc(2026, 3, 2, 20, 30))).toEqual([
      { kind: 'outside-contact-hours', message: 'That is 21:30 for Ana (Europe/Madrid), outside Ana’s contact hours 09:00–18:00.' },
    ]);
  });

  it('is quiet inside the hours: the start counts, the end does not', () => {
    expect(warn(utc(2026, 3, 2, 8, 0))).toEqual([]); // 09:00 Madrid
    expect(warn(utc(2026, 3, 2, 16, 59))).toEqual([]); // 17:59
    expect(warn(utc(2026, 3, 2, 17, 0)).map((w) => w.message)).toEqual(['That is 18:00 for Ana (Europe/Madrid), outside Ana’s contact hours 09:00–18:00.']);
    expect(warn(utc(2026, 3, 2, 7, 59)).map((w) => w.kind)).toEqual(['outside-contact-hours']);
  });

  it('follows the customer’s clock across a daylight-saving change', () => {
    // 16:30Z is 17:30 in Madrid before the clocks go forward (29 March 2026), 18:30 after.
    expect(warn(utc(2026, 3, 27, 16, 30))).toEqual([]);
    expect(warn(utc(2026, 3, 30, 16, 30)).map((w) => w.message)).toEqual(['That is 18:30 for Ana (Europe/Madrid), outside Ana’s contact hours 09:00–18:00.']);
  });

  it('warns in quiet hours that wrap midnight, on the customer’s clock through their DST change', () => {
    const hours = { start: '07:00', end: '22:00' };
    // 12:30Z is 07:30 in New York in EST (quiet until 08:00), 08:30 in EDT from 8 March 2026.
    expect(warn(utc(2026, 3, 6, 12, 30), joe, { contactHours: hours })).toEqual([
      { kind: 'quiet-hours', message: 'That is 07:30 for Joe (America/New_York), in Joe’s quiet hours 21:00–08:00.' },
    ]);
    expect(warn(utc(2026, 3, 9, 12, 30), joe, { contactHours: hours })).toEqual([]);
    expect(warn(utc(2026, 3, 10, 1, 30), joe, { contactHours: hours }).map((w) => w.kind)).toEqual(['quiet-hours']); // 21:30 EDT
  });

  it('gives both when a time is outside the contact hours and in quiet hours', () => {
    expect(warn(utc(2026, 3, 6, 11, 0), joe).map((w) => w.kind)).toEqual(['outside-contact-hours', 'quiet-hours']); // 06:00 EST
  });

  it('uses the planner’s configured contact hours', () => {
    expect(PLANNER_RULES.schedule.customerHours).toEqual({ start: '08:00', end: '20:00' });
    const [warning] = plannedTimeWarnings({ at: utc(2026, 3, 2, 19, 30), customer: ana, contactHours: PLANNER_RULES.schedule.customerHours, agentZone: 'Europe/London' });
    expect(warning && read(warning).message).toBe('That is 20:30 for Ana (Europe/Madrid), outside Ana’s contact hours 08:00–20:00.');
  });

  it('is a message with its values, which the screen says in the agent’s language', () => {
    const [warning] = plannedTimeWarnings({ at: utc(2026, 3, 2, 20, 30), customer: ana, contactHours: HOURS, agentZone: 'Europe/London' });
    expect(warning?.message.descriptor.id).toBe('planner.warnings.outsideContactHours');
    expect(warning?.message.values).toEqual({ time: '21:30', name: 'Ana', zone: 'Europe/Madrid', start: '09:00', end: '18:00' });
    expect(warning && read(warning, german).message).toBe('Das ist 21:30 Uhr bei Ana (Europe/Madrid), außerhalb der Kontaktzeiten von Ana (09:00–18:00).');
  });
});

describe('two follow-ups to the same customer within an hour', () => {
  const at = utc(2026, 3, 2, 10, 0); // 11:00 Madrid, 10:00 London

  it('warns, saying when the other one is on the agent’s clock', () => {
    expect(warn(at, ana, { followUps: [followUp('fu_1', at + 45 * MINUTE)] })).toEqual([
      { kind: 'near-another', message: 'Ana already has a follow-up due at 10:45 your time, 45 minutes after this one.' },
    ]);
    expect(warn(at, ana, { followUps: [followUp('fu_1', at - 60 * MINUTE)] })[0]?.message).toBe('Ana already has a follow-up due at 09:00 your time, 60 minutes before this one.');
  });

  it('counts the minutes in a plural the agent’s language agrees with', () => {
    const [warning] = plannedTimeWarnings({ at, customer: ana, contactHours: HOURS, agentZone: 'Europe/London', followUps: [followUp('fu_1', at - MINUTE)] });
    expect(warning?.message.descriptor.id).toBe('planner.warnings.nearBefore');
    expect(warning?.message.values).toEqual({ name: 'Ana', time: '09:59', minutes: 1 });
    expect(warning && read(warning).message).toBe('Ana already has a follow-up due at 09:59 your time, 1 minute before this one.');
    expect(warn(at, ana, { followUps: [followUp('fu_1', at)] })[0]?.message).toBe('Ana already has a follow-up due at 10:00 your time, at the same time as this one.');
  });

  it('names the nearest when there are several', () => {
    expect(warn(at, ana, { followUps: [followUp('fu_1', at + 50 * MINUTE), followUp('fu_2', at - 10 * MINUTE)] })[0]?.message).toContain('09:50 your time, 10 minutes before');
  });

  it('does not warn past the hour, for the follow-up being moved, or for one already done', () => {
    expect(warn(at, ana, { followUps: [followUp('fu_1', at + 61 * MINUTE)] })).toEqual([]);
    expect(warn(at, ana, { followUps: [followUp('fu_1', at + 5 * MINUTE)], except: 'fu_1' })).toEqual([]);
    expect(warn(at, ana, { followUps: [followUp('fu_1', at + 5 * MINUTE, 'done')] })).toEqual([]);
  });

  it('says nothing for a time not yet entered', () => {
    expect(warn(Number.NaN)).toEqual([]);
  });
});
