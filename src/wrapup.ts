/** Wrap-up configuration: the disposition codes agents choose from (assets/config/dispositions.json). */
import { z } from 'zod';
import config from '../assets/config/dispositions.json';
import { UI_LOCALES, SOURCE_LOCALE, type AppLocale, type UiLocale } from './i18n/locales';

const Label = z.string().min(1).max(60);

/** The label in the languages other than British English; a language left out shows the English. */
const TranslatedLabelsSchema = z
  .object(Object.fromEntries(UI_LOCALES.filter((locale) => locale !== SOURCE_LOCALE).map((locale) => [locale, Label.optional()])) as Record<Exclude<UiLocale, 'en-GB'>, z.ZodOptional<typeof Label>>)
  .strict();

export const DispositionSchema = z.object({
  code: z.string().regex(/^[a-z0-9-]{2,40}$/),
  /** British English: what is stored with the contact and shown where no translation is given. */
  label: Label,
  /** The company's own wording in the agents' other languages (a company's dispositions are its own words, not the product's catalogue). */
  labels: TranslatedLabelsSchema.optional(),
  /** Whether this outcome usually means the customer's need was met (pre-selects "resolved"). */
  resolves: z.boolean(),
});
export type Disposition = z.infer<typeof DispositionSchema>;

export const DispositionConfigSchema = z.object({
  dispositions: z
    .array(DispositionSchema)
    .min(1)
    .refine((list) => new Set(list.map((d) => d.code)).size === list.length, 'disposition codes must be unique'),
});

export const DISPOSITIONS: readonly Disposition[] = DispositionConfigSchema.parse(config).dispositions;

/** A disposition as the agent reads it in their language: the company's translation, else its English. */
export function dispositionLabel(disposition: Disposition, locale: AppLocale): string {
  const labels: Partial<Record<string, string>> = disposition.labels ?? {};
  return labels[locale] ?? disposition.label;
}

/** The label shown for one stored with a contact (the English label), in the agent's language; unknown ones as stored. */
export function storedDispositionLabel(stored: string, locale: AppLocale): string {
  const found = DISPOSITIONS.find((disposition) => disposition.label === stored);
  return found ? dispositionLabel(found, locale) : stored;
}
