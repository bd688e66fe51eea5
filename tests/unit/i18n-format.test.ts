import { describe, expect, it } from 'vitest';
import { createFormatter } from '../../src/i18n/format';
import { negotiateLocale, isRightToLeft, formattingLocale } from '../../src/i18n/locales';
import { pseudoMessage, accent } from '../../src/i18n/pseudo';
import { TYPE } from '@formatjs/icu-messageformat-parser';

// Tuesday 3 March 2026, 14:05 in London (GMT), 15:05 in Berlin, 09:05 in New York.
const AT = Date.UTC(2026, 2, 3, 14, 5);
// Intl puts a narrow no-break space in some outputs; tests compare with plain spaces.
const plain = (text: string) => text.replace(/[\u202f\u00a0]/g, ' ');

describe('choosing the language', () => {
  it('takes the first the workstation speaks, by exact tag or base language', () => {
    expect(negotiateLocale(['de-AT', 'en-US'])).toBe('de');
    expect(negotiateLocale(['fr-FR', 'es-MX'])).toBe('es');
    expect(negotiateLocale(['en-US'])).toBe('en-GB');
    expect(negotiateLocale(['pt-BR', 'ja'])).toBe('en-GB');
    expect(negotiateLocale([])).toBe('en-GB');
  });

  it('knows the right-to-left pseudo-locale and formats pseudo-locales as British English', () => {
    expect(isRightToLeft('ar-XB')).toBe(true);
    expect(isRightToLeft('de')).toBe(false);
    expect(formattingLocale('en-XA')).toBe('en-GB');
  });
});

describe.each([
  ['en-GB', { time: '14:05', date: '3 Mar 2026', weekdayLong: 'Tuesday 3 March', money: '€1,234.50', percent: '87%', list: 'Ava, Ben and Cai', or: 'Ava, Ben or Cai', language: 'German', number: '12,345.6', tomorrow: 'tomorrow' }],
  ['de', { time: '15:05', date: '3. März 2026', weekdayLong: 'Dienstag, 3. März', money: '1.234,50 €', percent: '87 %', list: 'Ava, Ben und Cai', or: 'Ava, Ben oder Cai', language: 'Deutsch', number: '12.345,6', tomorrow: 'morgen' }],
  ['es', { time: '15:05', date: '3 mar 2026', weekdayLong: 'martes, 3 de marzo', money: '1234,50 €', percent: '87 %', list: 'Ava, Ben y Cai', or: 'Ava, Ben o Cai', language: 'alemán', number: '12.345,6', tomorrow: 'mañana' }],
] as const)('formatting in %s', (locale, expected) => {
  const zone = locale === 'en-GB' ? 'Europe/London' : 'Europe/Berlin';
  const format = createFormatter(locale, { timeZone: zone });

  it('writes times and dates on the agent’s clock', () => {
    expect(format.time(AT)).toBe(expected.time);
    expect(plain(format.date(AT, 'medium'))).toBe(expected.date);
    expect(format.date(AT, 'weekdayLong')).toBe(expected.weekdayLong);
  });

  it('writes a time on the customer’s clock when asked', () => {
    expect(format.time(AT, 'America/New_York')).toBe('09:05');
  });

  it('writes money, percentages, numbers and lists', () => {
    expect(plain(format.currency(1234.5, 'EUR'))).toBe(expected.money);
    expect(plain(format.percent(0.873))).toBe(expected.percent);
    expect(plain(format.number(12345.6))).toBe(expected.number);
    expect(format.list(['Ava', 'Ben', 'Cai'])).toBe(expected.list);
    expect(format.list(['Ava', 'Ben', 'Cai'], 'or')).toBe(expected.or);
  });

  it('names languages and days relative to today', () => {
    expect(format.languageName('de')).toBe(expected.language);
    expect(format.relativeDay(AT + 24 * 3600_000, AT)).toBe(expected.tomorrow);
    expect(format.relativeDay(AT + 3 * 24 * 3600_000, AT)).toBeNull();
  });

  it('shows today as a time and another year with its year', () => {
    expect(format.when(AT, AT + 60_000)).toBe(expected.time);
    expect(format.when(AT, Date.UTC(2027, 5, 1))).toContain('2026');
  });
});

describe('durations', () => {
  const format = createFormatter('en-GB');
  it('runs a timer as minutes and seconds, then hours', () => {
    expect(format.clockDuration(247_000)).toBe('4:07');
    expect(format.clockDuration(3_753_000)).toBe('1:02:33');
    expect(format.clockDuration(-5)).toBe('0:00');
  });
  it('writes spans in words in the agent’s language', () => {
    expect(format.duration(15 * 60_000)).toBe('15 mins');
    expect(format.duration(135 * 60_000)).toBe('2 hrs 15 mins');
    expect(format.duration(75 * 60_000, 'long')).toBe('1 hour 15 minutes');
    expect(format.duration(12 * 60_000, 'long')).toBe('12 minutes');
    expect(format.duration(3 * 24 * 3600_000)).toBe('3 days');
    expect(createFormatter('de').duration(3 * 24 * 3600_000)).toBe('3 Tg.');
    expect(createFormatter('es').duration(2 * 3600_000)).toBe('2 h');
  });
});

describe('pseudo-localisation', () => {
  it('accents letters and leaves placeholders, plurals and tags working', () => {
    expect(accent('Take')).toBe('Ţáķé');
    const ast = pseudoMessage('Take {name}: {count, plural, one {# contact} other {# contacts}} <b>now</b>');
    const kinds = ast.map((element) => element.type);
    expect(kinds).toContain(TYPE.argument);
    expect(kinds).toContain(TYPE.plural);
    expect(kinds).toContain(TYPE.tag);
  });
  it('makes text about a third longer, in brackets', () => {
    const ast = pseudoMessage('Finish the wrap-up');
    const text = ast.map((element) => ('value' in element ? element.value : '')).join('');
    expect(text.startsWith('[')).toBe(true);
    expect(text.endsWith(']')).toBe(true);
    expect(text.length).toBeGreaterThanOrEqual(Math.round('Finish the wrap-up'.length * 1.3));
  });
});
