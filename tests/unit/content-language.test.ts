import { describe, expect, it } from 'vitest';
import { baseLanguage, canonicalLanguage, chooseLanguage, localiseArticle, variantFor } from '@core/content';
import { ArticleSchema } from '@core/domain/model';

describe('chooseLanguage: the customer language picks a variant', () => {
  const variants = ['de', 'es', 'es-MX'];

  it('takes the exact tag first', () => {
    expect(chooseLanguage('es-MX', 'en-GB', variants)).toEqual({ language: 'es-MX', variant: 'es-MX', match: 'exact' });
  });

  it('then a variant written for the base language', () => {
    expect(chooseLanguage('de-DE', 'en-GB', variants)).toEqual({ language: 'de', variant: 'de', match: 'base' });
    expect(chooseLanguage('de-AT', 'en-GB', variants)).toMatchObject({ variant: 'de', match: 'base' });
    expect(chooseLanguage('es-ES', 'en-GB', variants)).toMatchObject({ variant: 'es', match: 'base' });
  });

  it('then another region of the same language, before falling back to the source', () => {
    expect(chooseLanguage('es-AR', 'en-GB', ['es-MX', 'fr'])).toEqual({ language: 'es-MX', variant: 'es-MX', match: 'region' });
    expect(chooseLanguage('de', 'en-GB', ['de-CH'])).toMatchObject({ variant: 'de-CH', match: 'region' });
  });

  it('counts the source as a match: an en-GB script needs no variant for English speakers', () => {
    expect(chooseLanguage('en-GB', 'en-GB', variants)).toEqual({ language: 'en-GB', variant: null, match: 'exact' });
    expect(chooseLanguage('en-US', 'en-GB', variants)).toEqual({ language: 'en-GB', variant: null, match: 'region' });
    expect(chooseLanguage('en', 'en-GB', ['en'])).toMatchObject({ variant: 'en', match: 'exact' });
  });

  it('prefers the source over a variant in the same language and region', () => {
    expect(chooseLanguage('de-DE', 'de-DE', ['de-DE'])).toMatchObject({ variant: null, match: 'exact' });
  });

  it('falls back to the source when nothing speaks the language', () => {
    expect(chooseLanguage('fr-FR', 'en-GB', variants)).toEqual({ language: 'en-GB', variant: null, match: 'fallback' });
    expect(chooseLanguage('de-DE', 'en-GB', [])).toMatchObject({ variant: null, match: 'fallback' });
  });

  it('ignores case and canonicalises tags', () => {
    expect(chooseLanguage('ES-mx', 'en-GB', variants)).toMatchObject({ variant: 'es-MX', match: 'exact' });
    expect(chooseLanguage('de-de', 'en-GB', ['DE'])).toMatchObject({ variant: 'DE', match: 'base' });
    expect(canonicalLanguage('zh-hant-tw')).toBe('zh-Hant-TW');
    expect(baseLanguage('zh-Hant-TW')).toBe('zh');
  });

  it('treats an unknown, malformed or missing language as "show the source" without throwing', () => {
    expect(chooseLanguage('klingon-for-sure', 'en-GB', variants)).toMatchObject({ variant: null, match: 'fallback' });
    expect(chooseLanguage('x', 'en-GB', variants)).toMatchObject({ variant: null, match: 'fallback' });
    expect(chooseLanguage('', 'en-GB', variants)).toMatchObject({ variant: null, match: 'fallback' });
    expect(chooseLanguage(null, 'en-GB', variants)).toMatchObject({ variant: null, match: 'fallback' });
    expect(chooseLanguage('qaa', 'en-GB', ['qaa'])).toMatchObject({ variant: 'qaa', match: 'exact' });
  });
});

describe('variants on content rows', () => {
  const article = ArticleSchema.parse({
    id: 'kb-1',
    kind: 'policy',
    title: 'Refunds',
    body: 'Refunds take 3 days.',
    tags: [],
    updatedAt: 0,
    updatedBy: 'usr_sam',
    variants: { de: { title: 'Erstattungen', body: 'Erstattungen dauern 3 Tage.' } },
  });

  it('parses rows written before variants existed: British English, no variants', () => {
    const old = ArticleSchema.parse({ id: 'kb-2', kind: 'policy', title: 'Old', body: 'Text', tags: [], updatedAt: 0, updatedBy: 'usr_sam' });
    expect(old.language).toBe('en-GB');
    expect(old.variants).toEqual({});
    expect(localiseArticle(old, 'de-DE').choice.match).toBe('fallback');
  });

  it('shows the variant for the customer language and the source otherwise', () => {
    expect(localiseArticle(article, 'de-DE')).toMatchObject({ article: { title: 'Erstattungen', body: 'Erstattungen dauern 3 Tage.' }, choice: { match: 'base' } });
    expect(localiseArticle(article, 'es-ES')).toMatchObject({ article: { title: 'Refunds' }, choice: { match: 'fallback', language: 'en-GB' } });
    expect(variantFor(article, 'de').text).toEqual({ title: 'Erstattungen', body: 'Erstattungen dauern 3 Tage.' });
  });

  it('refuses variants under something that is not a language tag', () => {
    expect(() => ArticleSchema.parse({ ...article, variants: { 'not a tag': { title: 'x', body: 'y' } } })).toThrow();
  });
});

describe('the shipped saved replies and demo articles in German and Spanish', () => {
  it('has translations that fill in the same variables as their source', async () => {
    const { defaultReplies, replyVariantProblems, SavedReplySchema } = await import('@core/replies');
    const { demoArticles } = await import('@core/demo/knowledge');
    const replies = defaultReplies();
    expect(replies.filter((reply) => Object.keys(reply.variants).length > 0).length).toBeGreaterThanOrEqual(5);
    for (const article of demoArticles(0, 'usr_sam')) expect(replyVariantProblems(article.body, article.language, article.variants)).toEqual([]);
    // A translation that drops a variable is refused.
    const reply = replies.find((candidate) => candidate.id === 'duplicate-payment-refund')!;
    const broken = SavedReplySchema.safeParse({ ...reply, variants: { de: { title: 'Erstattung', text: 'Guten Tag, wir haben erstattet. – {agent.firstName}, {company.name}' } } });
    expect(broken.success).toBe(false);
    expect(broken.error?.issues.map((issue) => issue.message)).toEqual([expect.stringContaining('leaves out {customer.firstName}')]);
  });

  it('gives a Spanish customer the Spanish reply and a French one the English source', async () => {
    const { defaultReplies, localiseReply } = await import('@core/replies');
    const reply = defaultReplies().find((candidate) => candidate.id === 'router-restart')!;
    expect(localiseReply(reply, 'es-ES')).toMatchObject({ reply: { title: 'Reiniciar el router' }, choice: { match: 'base' } });
    expect(localiseReply(reply, 'fr-FR')).toMatchObject({ reply: { title: 'Restarting your router' }, choice: { match: 'fallback' } });
  });
});
