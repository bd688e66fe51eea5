/** The queue row's words for urgency: every priority named, the SLA chip's text bounded so one width fits them all, in each language. */
import { describe, expect, it } from 'vitest';
import { longestSlaText, longestWaitText, priorityLabel, shortDuration, slaLabel } from '../../renderer/src/screens/queue/labels';
import { intlFor } from '../helpers/intl';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const intl = intlFor('en-GB');

describe('queue row labels', () => {
  it('names every priority, most urgent first', () => {
    expect([1, 2, 3, 4, 5].map((p) => priorityLabel(intl, p))).toEqual(['P1 Urgent', 'P2 High', 'P3 Normal', 'P4 Low', 'P5 Lowest']);
    expect(priorityLabel(intlFor('de'), 1)).toBe('P1 Dringend');
  });

  it('says how long in minutes, hours, then days and hours', () => {
    expect(shortDuration(intl, 4 * MINUTE + 7_000)).toBe('4:07');
    expect(shortDuration(intl, HOUR + 2 * MINUTE + 33_000)).toBe('1:02:33');
    expect(shortDuration(intl, 3 * DAY + 4 * HOUR + 59 * MINUTE)).toBe('3d 04h');
    expect(shortDuration(intl, -5_000)).toBe('0:00');
    expect(longestWaitText(intl)).toBe('000d 00h');
  });

  it('says how the SLA stands, never longer than the breached text the chip is sized for', () => {
    const item = { enqueuedAt: 0, slaDueAt: 10 * MINUTE };
    expect(slaLabel(intl, item, MINUTE)).toEqual({ level: 'ok', text: 'SLA 9:00 left' });
    expect(slaLabel(intl, item, 6 * MINUTE)).toEqual({ level: 'near', text: 'SLA 4:00 left' });
    expect(slaLabel(intl, item, 9 * MINUTE)).toEqual({ level: 'urgent', text: 'SLA 1:00 left' });
    expect(slaLabel(intl, item, 10 * MINUTE)).toEqual({ level: 'breached', text: 'Breached 0:00 ago' });
    expect(longestSlaText(intl)).toBe('Breached 000d 00h ago');
    for (const language of [intl, intlFor('de'), intlFor('es')]) {
      const longest = longestSlaText(language);
      // Each digit, letter and space of the longest text in the same place as the widest it may say.
      const shape = (text: string) => text.replace(/\d/g, '0');
      expect(shape(slaLabel(language, item, 10 * MINUTE + 999 * DAY + 23 * HOUR).text).length).toBeLessThanOrEqual(longest.length);
      for (const late of [MINUTE, 23 * HOUR + 59 * MINUTE + 59_000, 99 * DAY]) {
        expect(slaLabel(language, item, 10 * MINUTE + late).text.length).toBeLessThanOrEqual(longest.length);
      }
      for (const early of [0, 9 * MINUTE]) expect(slaLabel(language, { enqueuedAt: 0, slaDueAt: 999 * DAY }, early).text.length).toBeLessThanOrEqual(longest.length);
    }
  });
});
