/**
 * The words script variables fill in, in the language of the text they go
 * into: a German script thanks "für Ihren Anruf", not "for calling". English
 * stays as variablesFor words it; German and Spanish address the customer
 * formally (Sie, usted), as the scripts do.
 */
import { baseLanguage } from '../content/language';
import type { Channel } from '../domain/common';
import type { Tier } from '../domain/model';
import { zonedParts } from '../promise/zones';

export type CustomerWordsLanguage = 'de' | 'es';

export interface CustomerWords {
  thanks: Record<Channel, string>;
  tiers: Record<Tier, string>;
  noRating: string;
  noFollowUp: string;
  /** When a follow-up is due, on the customer's clock: "Dienstag, 24. November, 15:00 Uhr". */
  due: (ms: number, zone: string, withYear: boolean) => string;
}

function nameIn(locale: string, ms: number, zone: string, part: 'weekday' | 'month'): string {
  // Until the one formatting module (src/i18n/format.ts) offers names in a given locale and zone.
  return new Intl.DateTimeFormat(locale, { [part]: 'long', timeZone: zone }).format(ms);
}

const clock = (ms: number, zone: string) => {
  const p = zonedParts(ms, zone);
  return `${String(p.h).padStart(2, '0')}:${String(p.min).padStart(2, '0')}`;
};

export const CUSTOMER_WORDS: Record<CustomerWordsLanguage, CustomerWords> = {
  de: {
    thanks: {
      call: 'Vielen Dank für Ihren Anruf bei',
      chat: 'Vielen Dank für Ihre Nachricht an',
      email: 'Vielen Dank für Ihre E-Mail an',
      sms: 'Vielen Dank für Ihre SMS an',
      social: 'Vielen Dank für Ihre Nachricht an',
      note: 'Vielen Dank für Ihre Anfrage bei',
    },
    tiers: { standard: 'Standard', gold: 'Gold', vip: 'VIP' },
    noRating: 'noch keine Bewertung',
    noFollowUp: 'kein Folgetermin geplant',
    due: (ms, zone, withYear) => {
      const p = zonedParts(ms, zone);
      return `${nameIn('de', ms, zone, 'weekday')}, ${p.d}. ${nameIn('de', ms, zone, 'month')}${withYear ? ` ${p.y}` : ''}, ${clock(ms, zone)} Uhr`;
    },
  },
  es: {
    thanks: {
      call: 'Gracias por llamar a',
      chat: 'Gracias por escribir a',
      email: 'Gracias por escribir a',
      sms: 'Gracias por escribir a',
      social: 'Gracias por escribir a',
      note: 'Gracias por contactar con',
    },
    tiers: { standard: 'Estándar', gold: 'Oro', vip: 'VIP' },
    noRating: 'todavía sin valoración',
    noFollowUp: 'ningún seguimiento previsto',
    due: (ms, zone, withYear) => {
      const p = zonedParts(ms, zone);
      return `el ${nameIn('es', ms, zone, 'weekday')} ${p.d} de ${nameIn('es', ms, zone, 'month')}${withYear ? ` de ${p.y}` : ''} a las ${clock(ms, zone)}`;
    },
  },
};

/** The words for a text in `language`, or null for English (and languages without their own words yet). */
export function customerWordsFor(language: string | null | undefined): CustomerWords | null {
  const base = language ? baseLanguage(language) : '';
  return base === 'de' || base === 'es' ? CUSTOMER_WORDS[base] : null;
}
