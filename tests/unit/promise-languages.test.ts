import { describe, expect, it } from 'vitest';
import { computePromise, promiseLanguage, promiseText, type BusinessCalendar, type PromiseCustomer } from '@core/promise';
import { companyCalendar } from '@core/holidays';

/** The company's calendar as shipped: London, England's bank holidays. */
const LONDON = companyCalendar();

/** An instant from a UTC wall time. */
const utc = (y: number, m: number, d: number, h = 0, min = 0) => Date.UTC(y, m - 1, d, h, min);

const berlin: PromiseCustomer = { timeZone: 'Europe/Berlin', quietHours: null, language: 'de-DE' };
const madrid: PromiseCustomer = { timeZone: 'Europe/Madrid', quietHours: null, language: 'es-ES' };
const mexico: PromiseCustomer = { timeZone: 'America/Mexico_City', quietHours: null, language: 'es-MX' };
/** Open every day 08:00–20:00 Berlin time, so the tests below can cross weekends and the clock change. */
const EVERY_DAY_BERLIN: BusinessCalendar = {
  ...LONDON,
  timeZone: 'Europe/Berlin',
  hours: Object.fromEntries((['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const).map((day) => [day, [['08:00', '20:00']]])) as unknown as BusinessCalendar['hours'],
  holidays: [],
};

describe('the promise in the customer’s language', () => {
  // Tuesday 24 November 2026, 10:00 UTC = 11:00 in Berlin and Madrid.
  const now = utc(2026, 11, 24, 10);

  it('words it in German for a German customer, on their clock', () => {
    const promise = computePromise({ kind: 'callback', now, within: { businessHours: 2 }, calendar: LONDON, customer: berlin });
    expect(promise.text).toBe('Wir rufen Sie heute bis 13:00 Uhr Ihrer Ortszeit zurück');
    expect(promise.textLanguage).toBe('de');
    expect(promiseText('reply', utc(2026, 11, 25, 8), now, 'Europe/Berlin', 'de-DE')).toBe('Sie erhalten unsere Antwort morgen bis 09:00 Uhr Ihrer Ortszeit');
    expect(promiseText('resolution', utc(2026, 11, 27, 14, 30), now, 'Europe/Berlin', 'de-DE')).toBe('Wir haben das Problem bis Freitag, 15:30 Uhr Ihrer Ortszeit behoben');
    expect(promiseText('callback', utc(2026, 12, 8, 9), now, 'Europe/Berlin', 'de')).toBe('Wir rufen Sie bis Dienstag, 8. Dezember, 10:00 Uhr Ihrer Ortszeit zurück');
    expect(promiseText('callback', utc(2027, 1, 5, 9), now, 'Europe/Berlin', 'de-AT')).toBe('Wir rufen Sie bis Dienstag, 5. Jänner 2027, 10:00 Uhr Ihrer Ortszeit zurück');
  });

  it('words it in Spanish (usted) for a Spanish customer, on their clock', () => {
    const promise = computePromise({ kind: 'callback', now, within: { businessHours: 2 }, calendar: LONDON, customer: madrid });
    expect(promise.text).toBe('Le devolveremos la llamada hoy antes de las 13:00 (su hora local)');
    expect(promise.textLanguage).toBe('es');
    expect(promiseText('reply', utc(2026, 11, 25, 8), now, 'Europe/Madrid', 'es-ES')).toBe('Recibirá nuestra respuesta mañana antes de las 09:00 (su hora local)');
    expect(promiseText('resolution', utc(2026, 11, 27, 14, 30), now, 'Europe/Madrid', 'es-ES')).toBe('Tendremos el problema resuelto el viernes antes de las 15:30 (su hora local)');
    expect(promiseText('callback', utc(2027, 1, 5, 9), now, 'Europe/Madrid', 'es-ES')).toBe('Le devolveremos la llamada el martes 5 de enero de 2027 antes de las 10:00 (su hora local)');
    expect(promiseText('callback', utc(2026, 11, 25, 0, 30), now, 'Europe/Madrid', 'es-ES')).toBe('Le devolveremos la llamada mañana antes de la 01:30 (su hora local)');
  });

  it('uses the customer’s own zone, not the business calendar’s: a Mexican customer hears Mexico City time', () => {
    const promise = computePromise({ kind: 'reply', now, within: { businessHours: 2 }, calendar: LONDON, customer: mexico });
    // 12:00 London is 06:00 in Mexico City.
    expect(promise.text).toBe('Recibirá nuestra respuesta hoy antes de las 06:00 (su hora local)');
  });

  it('keeps the wording and the hour right across the clock change (Berlin, 29 March 2026)', () => {
    // Saturday 28 March 10:00 UTC = 11:00 CET; 24 hours later it is Sunday 10:00 UTC = 12:00 CEST, not 11:00.
    const saturday = utc(2026, 3, 28, 10);
    const promise = computePromise({ kind: 'callback', now: saturday, within: { hours: 24 }, calendar: EVERY_DAY_BERLIN, customer: berlin });
    expect(promise.dueAt).toBe(utc(2026, 3, 29, 10));
    expect(promise.text).toBe('Wir rufen Sie morgen bis 12:00 Uhr Ihrer Ortszeit zurück');
    const spanish = computePromise({ kind: 'callback', now: saturday, within: { hours: 24 }, calendar: EVERY_DAY_BERLIN, customer: madrid });
    expect(spanish.text).toBe('Le devolveremos la llamada mañana antes de las 12:00 (su hora local)');
    // And back in October: Saturday 24 October 10:00 UTC = 12:00 CEST; a day later 10:00 UTC = 11:00 CET.
    const autumn = computePromise({ kind: 'callback', now: utc(2026, 10, 24, 10), within: { hours: 24 }, calendar: EVERY_DAY_BERLIN, customer: berlin });
    expect(autumn.text).toBe('Wir rufen Sie morgen bis 11:00 Uhr Ihrer Ortszeit zurück');
  });

  it('keeps English for English speakers and for languages without a wording', () => {
    expect(promiseText('callback', utc(2026, 11, 24, 15), now, 'Europe/London', 'en-GB')).toBe("We'll call you back by 3 pm your time today");
    expect(promiseText('callback', utc(2026, 11, 24, 15), now, 'Europe/Paris', 'fr-FR')).toBe("We'll call you back by 16:00 your time today");
    expect(promiseLanguage('fr-FR')).toBe('en');
    expect(promiseLanguage('es-419')).toBe('es');
    expect(promiseLanguage(undefined)).toBe('en');
    expect(promiseLanguage('not a tag')).toBe('en');
  });
});
