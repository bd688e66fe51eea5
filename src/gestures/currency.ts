/**
 * A customer's account currency: the one set on their account, else the
 * currency of where they live (their time zone, then their language's
 * region), else the goodwill policy's. Amounts of different currencies are
 * never added together.
 */
import type { Customer, Gesture } from '../domain/model';

const EURO_ZONES = [
  'Amsterdam', 'Andorra', 'Athens', 'Berlin', 'Bratislava', 'Brussels', 'Busingen', 'Dublin', 'Helsinki', 'Lisbon', 'Ljubljana', 'Luxembourg',
  'Madrid', 'Malta', 'Monaco', 'Paris', 'Riga', 'Rome', 'San_Marino', 'Tallinn', 'Vatican', 'Vienna', 'Vilnius', 'Zagreb', 'Mariehamn',
];

/** Time zones (or their prefixes, ending in "/") and the currency used there. Longest match wins. */
const ZONE_CURRENCIES: Record<string, string> = {
  ...Object.fromEntries(EURO_ZONES.map((city) => [`Europe/${city}`, 'EUR'])),
  'Atlantic/Canary': 'EUR',
  'Atlantic/Madeira': 'EUR',
  'Atlantic/Azores': 'EUR',
  'Africa/Ceuta': 'EUR',
  'Europe/London': 'GBP',
  'Europe/Belfast': 'GBP',
  'Europe/Jersey': 'GBP',
  'Europe/Guernsey': 'GBP',
  'Europe/Isle_of_Man': 'GBP',
  'Europe/Zurich': 'CHF',
  'Europe/Stockholm': 'SEK',
  'Europe/Oslo': 'NOK',
  'Europe/Copenhagen': 'DKK',
  'Europe/Warsaw': 'PLN',
  'Europe/Prague': 'CZK',
  'Europe/Budapest': 'HUF',
  'America/': 'USD',
  'Pacific/Honolulu': 'USD',
  'US/': 'USD',
  'America/Toronto': 'CAD',
  'America/Vancouver': 'CAD',
  'America/Edmonton': 'CAD',
  'America/Winnipeg': 'CAD',
  'America/Halifax': 'CAD',
  'America/St_Johns': 'CAD',
  'America/Regina': 'CAD',
  'America/Mexico_City': 'MXN',
  'America/Sao_Paulo': 'BRL',
  'Australia/': 'AUD',
  'Pacific/Auckland': 'NZD',
  'Asia/Tokyo': 'JPY',
  'Asia/Kolkata': 'INR',
  'Asia/Singapore': 'SGD',
};

/** Regions of a language tag (en-GB → GB) and their currency. */
const REGION_CURRENCIES: Record<string, string> = {
  GB: 'GBP',
  US: 'USD',
  CA: 'CAD',
  AU: 'AUD',
  NZ: 'NZD',
  IE: 'EUR',
  FR: 'EUR',
  DE: 'EUR',
  ES: 'EUR',
  IT: 'EUR',
  NL: 'EUR',
  BE: 'EUR',
  PT: 'EUR',
  AT: 'EUR',
  FI: 'EUR',
  CH: 'CHF',
  SE: 'SEK',
  NO: 'NOK',
  DK: 'DKK',
  PL: 'PLN',
  MX: 'MXN',
  BR: 'BRL',
  JP: 'JPY',
  IN: 'INR',
};

function zoneCurrency(timeZone: string): string | null {
  let best: { key: string; currency: string } | null = null;
  for (const [key, currency] of Object.entries(ZONE_CURRENCIES)) {
    const matches = key.endsWith('/') ? timeZone.startsWith(key) : timeZone === key;
    if (matches && (!best || key.length > best.key.length)) best = { key, currency };
  }
  return best?.currency ?? null;
}

function languageCurrency(language: string): string | null {
  const region = language.split('-').find((part, index) => index > 0 && /^[A-Za-z]{2}$/.test(part));
  return region ? (REGION_CURRENCIES[region.toUpperCase()] ?? null) : null;
}

/** The currency of where the customer lives: by their time zone, then their language's region; null when neither says. */
export function regionCurrency(customer: Pick<Customer, 'timeZone' | 'language'>): string | null {
  return zoneCurrency(customer.timeZone) ?? languageCurrency(customer.language);
}

/** The customer's account currency: set on the account, else where they live, else `fallback` (the policy's). */
export function accountCurrency(customer: Pick<Customer, 'timeZone' | 'language'> & { currency?: string | null }, fallback: string): string {
  return customer.currency ?? regionCurrency(customer) ?? fallback;
}

/** A gesture's currency: as recorded, or (recorded before gestures carried one) the policy's. */
export function gestureCurrency(gesture: Pick<Gesture, 'currency'>, fallback: string): string {
  return gesture.currency ?? fallback;
}
