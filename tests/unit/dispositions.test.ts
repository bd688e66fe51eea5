/** Dispositions are the company's own words: each says itself in the agents' languages, and English stands in for one left out. */
import { describe, expect, it } from 'vitest';
import { DISPOSITIONS, DispositionSchema, dispositionLabel, storedDispositionLabel } from '@core/wrapup';

describe('dispositions', () => {
  it('has German and Spanish for every disposition the company ships', () => {
    for (const disposition of DISPOSITIONS) {
      expect(disposition.labels?.de, disposition.code).toBeTruthy();
      expect(disposition.labels?.es, disposition.code).toBeTruthy();
    }
  });

  it('shows the agent’s language, and the English where the company gave none (or for the pseudo-locales)', () => {
    const refund = DISPOSITIONS.find((d) => d.code === 'refund-issued')!;
    expect(dispositionLabel(refund, 'de')).toBe('Erstattung oder Gutschrift veranlasst');
    expect(dispositionLabel(refund, 'en-GB')).toBe('Refund or credit issued');
    expect(dispositionLabel(refund, 'en-XA')).toBe('Refund or credit issued');
    expect(dispositionLabel({ ...refund, labels: { es: 'Reembolso' } }, 'de')).toBe('Refund or credit issued');
  });

  it('reads a stored (English) disposition in the agent’s language; one no longer configured as stored', () => {
    expect(storedDispositionLabel('Engineer booked', 'es')).toBe('Visita técnica programada');
    expect(storedDispositionLabel('Something retired', 'de')).toBe('Something retired');
  });

  it('refuses a label for a language the workstation does not speak, and an empty one', () => {
    const base = { code: 'info-given', label: 'Information given', resolves: true };
    expect(DispositionSchema.safeParse({ ...base, labels: { fr: 'Information donnée' } }).success).toBe(false);
    expect(DispositionSchema.safeParse({ ...base, labels: { de: '' } }).success).toBe(false);
    expect(DispositionSchema.safeParse({ ...base, labels: { de: 'Auskunft erteilt' } }).success).toBe(true);
    expect(DispositionSchema.safeParse(base).success).toBe(true);
  });
});
