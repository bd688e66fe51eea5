/** The queue row's words for urgency: every priority named, the SLA chip's text bounded so one width fits them all. */
import { describe, expect, it } from 'vitest';
import { LONGEST_SLA_TEXT, priorityLabel, shortDuration, slaLabel } from '../../renderer/src/screens/queue/labels';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

describe('queue row labels', () => {
  it('names every priority, most urgent first', () => {
    expect([1, 2, 3, 4, 5].map(priorityLabel)).toEqual(['P1 Urgent', 'P2 High', 'P3 Normal', 'P4 Low', 'P5 Lowest']);
  });

  it('says how long in minutes, hours, then days and hours', () => {
    expect(shortDuration(4 * MINUTE + 7_000)).toBe('4:07');
    expect(shortDuration(HOUR + 2 * MINUTE + 33_000)).toBe('1:02:33');
    expect(shortDuration(3 * DAY + 4 * HOUR + 59 * MINUTE)).toBe('3d 04h');
    expect(shortDuration(-5_000)).toBe('0:00');
  });

  it('says how the SLA stands, never longer than the breached text the chip is sized for', () => {
    const item = { enqueuedAt: 0, slaDueAt: 10 * MINUTE };
    expect(slaLabel(item, MINUTE)).toEqual({ level: 'ok', text: 'SLA 9:00 left' });
    expect(slaLabel(item, 6 * MINUTE)).toEqual({ level: 'near', text: 'SLA 4:00 left' });
    expect(slaLabel(item, 9 * MINUTE)).toEqual({ level: 'urgent', text: 'SLA 1:00 left' });
    expect(slaLabel(item, 10 * MINUTE)).toEqual({ level: 'breached', text: 'Breached 0:00 ago' });
    // Each digit, letter and space of the longest text in the same place as the widest it may say.
    const shape = (text: string) => text.replace(/\d/g, '0');
    expect(shape(slaLabel(item, 10 * MINUTE + 999 * DAY + 23 * HOUR).text)).toBe(LONGEST_SLA_TEXT);
    for (const late of [MINUTE, 23 * HOUR + 59 * MINUTE + 59_000, 99 * DAY]) {
      expect(slaLabel(item, 10 * MINUTE + late).text.length).toBeLessThanOrEqual(LONGEST_SLA_TEXT.length);
    }
    for (const early of [0, 9 * MINUTE]) expect(slaLabel({ enqueuedAt: 0, slaDueAt: 999 * DAY }, early).text.length).toBeLessThan(LONGEST_SLA_TEXT.length);
  });
});
