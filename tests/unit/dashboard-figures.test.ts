/** The dashboard's figures and labels in each language: numbers, shares, clocks, money and days by the locale; KPI names and sentences from the catalogues. */
import { describe, expect, it } from 'vitest';
import { createFormatter } from '../../src/i18n/format';
import { METRIC_MESSAGES } from '../../src/metrics/messages';
import { figureFormat } from '../../renderer/src/screens/dashboard/figures';
import { intlFor } from '../helpers/intl';

// Intl puts a narrow or plain no-break space in some outputs; tests compare with plain spaces.
const plain = (text: string) => text.replace(/[\u202f\u00a0]/g, ' ');

describe.each([
  ['en-GB', { count: '12,345', pct: '87%', dec: '4.3', duration: '4:07', long: '1:02:33', money: '£40 · €20.50', sentiment: '+0.25', negative: '-0.10', day: '3 Mar', handled: 'Contacts handled', fcr: 'First-contact resolution' }],
  ['de', { count: '12.345', pct: '87 %', dec: '4,3', duration: '4:07', long: '1:02:33', money: '40 £ · 20,50 €', sentiment: '+0,25', negative: '-0,10', day: '3. März', handled: 'Bearbeitete Kontakte', fcr: 'Erstlösungsquote' }],
  ['es', { count: '12.345', pct: '87 %', dec: '4,3', duration: '4:07', long: '1:02:33', money: '40 GBP · 20,50 €', sentiment: '+0,25', negative: '-0,10', day: '3 mar', handled: 'Contactos atendidos', fcr: 'Resolución en el primer contacto' }],
] as const)('%s', (locale, expected) => {
  const figure = figureFormat(createFormatter(locale, { timeZone: 'Europe/London' }));

  it('writes counts, shares, scores, clocks, money per currency, sentiment and days', () => {
    expect(plain(figure.count(12_345))).toBe(expected.count);
    expect(plain(figure.pct(0.871))).toBe(expected.pct);
    expect(plain(figure.dec(4.26))).toBe(expected.dec);
    expect(figure.duration(246.6)).toBe(expected.duration);
    expect(figure.duration(3753)).toBe(expected.long);
    expect(plain(figure.money({ EUR: 20.5, GBP: 40 }))).toBe(expected.money);
    expect(plain(figure.sentiment(0.25))).toBe(expected.sentiment);
    expect(plain(figure.sentiment(-0.1)).replace('−', '-')).toBe(expected.negative);
    // A day key is that calendar day wherever the computer is.
    expect(plain(figure.day('2026-03-03'))).toBe(expected.day);
  });

  it('writes nothing counted as a dash', () => {
    for (const text of [figure.pct(null), figure.dec(null), figure.duration(null), figure.sentiment(null), figure.money({})]) expect(text).toBe('—');
  });

  it('names the KPIs from the catalogue', () => {
    const intl = intlFor(locale);
    expect(intl.formatMessage(METRIC_MESSAGES.handled)).toBe(expected.handled);
    expect(intl.formatMessage(METRIC_MESSAGES.fcr)).toBe(expected.fcr);
  });
});

describe('sentences with counts and choices', () => {
  it('says a presence set from the floor as a whole sentence in each language', () => {
    const message = { id: 'floor.presence.set', defaultMessage: '' };
    expect(intlFor('de').formatMessage(message, { name: 'Ava', presence: 'away' })).toBe('Ava ist jetzt abwesend; die Person wurde benachrichtigt.');
    expect(intlFor('es').formatMessage(message, { name: 'Ava', presence: 'available' })).toBe('Ava ahora está disponible; se le ha avisado.');
  });

  it('counts one and many', () => {
    const message = { id: 'dashboard.kpi.sentimentDetail', defaultMessage: '' };
    expect(intlFor('de').formatMessage(message, { count: 1 })).toBe('1 Nachricht gelesen');
    expect(intlFor('es').formatMessage(message, { count: 3 })).toBe('3 mensajes leídos');
  });
});
