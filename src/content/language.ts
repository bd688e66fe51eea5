/**
 * Choosing which language version of a script, reply or article to show a
 * customer. Content is written in a source language and may carry variants
 * keyed by BCP 47 tag ("de", "es", "es-MX"); the customer's profile language
 * picks the closest one.
 */

/** How a language was chosen for a customer. */
export type LanguageMatch =
  /** The customer's tag itself (de-DE for de-DE). */
  | 'exact'
  /** Content written for the customer's base language (de for de-DE; en-GB source for en-GB). */
  | 'base'
  /** Another region of the customer's language (es-ES for es-MX): better than another language. */
  | 'region'
  /** Nothing in the customer's language: the source, and the workspace says so. */
  | 'fallback';

export interface LanguageChoice {
  /** The tag of the text shown: a variant's key, or the source language. */
  language: string;
  /** The variant's key, or null for the source text. */
  variant: string | null;
  match: LanguageMatch;
}

/**
 * A tag in its canonical form ("ES-mx" → "es-MX"), or, when it is not a
 * well-formed tag, lower-cased as written, so that unknown tags still compare
 * equal to themselves and never throw.
 */
export function canonicalLanguage(tag: string): string {
  const trimmed = tag.trim();
  try {
    return Intl.getCanonicalLocales(trimmed)[0] ?? trimmed.toLowerCase();
  } catch {
    return trimmed.toLowerCase();
  }
}

/** The language subtag: "de" for de-DE, "es" for es-419, "zh" for zh-Hant-TW. */
export function baseLanguage(tag: string): string {
  return (canonicalLanguage(tag).split('-')[0] ?? '').toLowerCase();
}

/**
 * The closest of the source and its variants to the customer's language:
 * the exact tag first, then content written for the customer's base language,
 * then another region of it, and the source when none speaks it. The source
 * counts too: an en-GB script needs no variant for an en-GB or en-US customer.
 * An empty or unknown customer language gets the source.
 */
export function chooseLanguage(wanted: string | null | undefined, source: string, variants: Iterable<string>): LanguageChoice {
  const keys = [...variants];
  const fallback: LanguageChoice = { language: source, variant: null, match: 'fallback' };
  if (!wanted || wanted.trim() === '') return fallback;
  const want = canonicalLanguage(wanted);
  const wantBase = baseLanguage(wanted);
  const sourceTag = canonicalLanguage(source);
  // The source wins ties: it is the text the variants were translated from.
  const candidates: { key: string | null; tag: string }[] = [{ key: null, tag: sourceTag }, ...keys.map((key) => ({ key, tag: canonicalLanguage(key) }))];
  const pick = (found: { key: string | null; tag: string } | undefined, match: LanguageMatch): LanguageChoice | null =>
    found ? { language: found.key ?? source, variant: found.key, match } : null;
  return (
    pick(
      candidates.find((candidate) => candidate.tag === want),
      'exact',
    ) ??
    pick(
      candidates.find((candidate) => candidate.tag === wantBase),
      'base',
    ) ??
    pick(
      candidates.find((candidate) => baseLanguage(candidate.tag) === wantBase),
      'region',
    ) ??
    fallback
  );
}

/** Content with a source language and translated variants keyed by language tag. */
export interface Translatable<Variant> {
  language: string;
  variants: Readonly<Record<string, Variant>>;
}

/** The variant for the customer's language (null: show the source) and how it was chosen. */
export function variantFor<Variant>(content: Translatable<Variant>, wanted: string | null | undefined): LanguageChoice & { text: Variant | null } {
  const choice = chooseLanguage(wanted, content.language, Object.keys(content.variants));
  return { ...choice, text: choice.variant === null ? null : (content.variants[choice.variant] ?? null) };
}

/** Whether showing `shown` to a customer who speaks `wanted` needs the visible "no version in their language" notice. */
export function isLanguageFallback(choice: Pick<LanguageChoice, 'match'>, wanted: string | null | undefined): boolean {
  return choice.match === 'fallback' && !!wanted && wanted.trim() !== '';
}
