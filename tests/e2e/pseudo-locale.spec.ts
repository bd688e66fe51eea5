/**
 * The pseudo-localisation run: the main screens in accented text a third
 * longer (en-XA) and mirrored right to left (ar-XB). Each screen is saved as
 * a screenshot to look at, and checked for what people would see go wrong:
 * text cut off without a way to read it whole, English left untranslated, and
 * (right to left) a layout that did not mirror.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parse, TYPE } from '@formatjs/icu-messageformat-parser';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { settled, signIn, waitForSync } from './helpers';
import { postContact } from './api';

const CATALOGUE = path.resolve(import.meta.dirname, '../../src/i18n/catalogues/en-GB');
const ENGLISH_MESSAGES = readdirSync(CATALOGUE).flatMap((file) => Object.values(JSON.parse(readFileSync(path.join(CATALOGUE, file), 'utf8')) as Record<string, string>));
/** English messages with no placeholders: were one shown as it is, it bypassed translation. */
const ENGLISH = new Set(ENGLISH_MESSAGES.filter((text) => !/[{}<]/.test(text) && /[a-z]{3}/i.test(text) && text.length >= 4));

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/**
 * English messages with values in them ("{count} waiting in {queues}"), as
 * patterns: the English words around any value. Only messages of words and
 * plain values (no plurals, choices or tags, which split or vary the text),
 * with enough English words that a customer's own text is not mistaken for one.
 */
const ENGLISH_PATTERNS = ENGLISH_MESSAGES.flatMap((text) => {
  if (!/[{]/.test(text) || /[<]/.test(text)) return [];
  const elements = parse(text);
  if (!elements.every((element) => element.type === TYPE.literal || element.type === TYPE.argument || element.type === TYPE.number || element.type === TYPE.date || element.type === TYPE.time)) return [];
  const words = elements.flatMap((element) => (element.type === TYPE.literal ? element.value.match(/[A-Za-z]{2,}/g) ?? [] : []));
  if (words.length < 2 || words.join('').length < 10) return [];
  return [`^${elements.map((element) => (element.type === TYPE.literal ? escapeRegExp(element.value) : '.+?')).join('')}$`];
});

const SHOTS = path.resolve(import.meta.dirname, '../../test-results/pseudo-locale');

async function useLocale(page: Page, locale: string): Promise<void> {
  await page.evaluate((value) => localStorage.setItem('agentdesk.locale', value), locale);
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', locale);
}

interface Finding {
  kind: 'cut off' | 'untranslated';
  text: string;
  where: string;
}

/** What a person would see go wrong on the screen now. */
async function findings(page: Page, english: string[], patterns: string[]): Promise<Finding[]> {
  return page.evaluate(([englishTexts, englishPatterns]) => {
    const known = new Set(englishTexts);
    const shapes = englishPatterns.map((pattern) => new RegExp(pattern));
    const out: Finding[] = [];
    const visible = (element: Element) => {
      const box = element.getBoundingClientRect();
      return box.width > 0 && box.height > 0 && getComputedStyle(element).visibility !== 'hidden';
    };
    const where = (element: Element) => {
      const parts: string[] = [];
      for (let node: Element | null = element; node && parts.length < 3; node = node.parentElement) {
        parts.unshift(node.tagName.toLowerCase() + (node.getAttribute('data-testid') ? `[${node.getAttribute('data-testid')}]` : ''));
      }
      return parts.join(' > ');
    };
    for (const element of Array.from(document.querySelectorAll('body *'))) {
      if (!visible(element) || element.closest('[aria-hidden="true"]')) continue;
      const ownText = Array.from(element.childNodes)
        .filter((node) => node.nodeType === Node.TEXT_NODE)
        .map((node) => node.textContent ?? '')
        .join('')
        .trim();
      if (!ownText) continue;
      if (known.has(ownText) || shapes.some((shape) => shape.test(ownText))) out.push({ kind: 'untranslated', text: ownText, where: where(element) });
      const style = getComputedStyle(element);
      const clipped = style.overflowX !== 'visible' || style.textOverflow === 'ellipsis';
      // A clipped line whose whole text can still be read (a tooltip title or an accessible name) is a choice, not a loss.
      const readable = element.closest('[title]') !== null || element.closest('[aria-label]')?.getAttribute('aria-label')?.includes(ownText.slice(1, 8));
      if (clipped && element.scrollWidth > element.clientWidth + 1 && !readable) out.push({ kind: 'cut off', text: ownText.slice(0, 80), where: where(element) });
    }
    return out;
  }, [english, patterns] as const);
}

async function look(page: Page, locale: string, screen: string): Promise<Finding[]> {
  // Lazy screens and their data arrive after the URL changes: wait until the main landmark has content.
  await expect(page.getByRole('main')).not.toBeEmpty();
  await page.waitForTimeout(500);
  await settled(page);
  await page.screenshot({ path: path.join(SHOTS, `${locale}-${screen}.png`) });
  return (await findings(page, [...ENGLISH], ENGLISH_PATTERNS)).map((finding) => ({ ...finding, where: `${screen}: ${finding.where}` }));
}

for (const locale of ['en-XA', 'ar-XB'] as const) {
  test.describe(`pseudo-locale ${locale}`, () => {
    test.use({ viewport: { width: 1440, height: 900 } });
    test.setTimeout(120_000);

    test(`the agent's screens read whole, with nothing left in English`, async ({ page, request }) => {
      await signIn(page, 'ben');
      await waitForSync(page);
      await useLocale(page, locale);
      if (locale === 'ar-XB') {
        await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
        // Mirrored: the section navigation sits on the right.
        const nav = await page.getByRole('navigation').first().boundingBox();
        expect(nav!.x).toBeGreaterThan(700);
      }
      const found: Finding[] = [];
      await page.goto('/queue');
      found.push(...(await look(page, locale, 'queue')));
      // A contact of its own, whatever earlier tests left in the queue.
      const posted = await postContact(request, { channel: 'email', from: { email: `pseudo.${locale}.${Date.now()}@example.com` }, subject: 'My router keeps dropping the connection', body: 'Since Monday the internet stops every evening. Can you help?' });
      await page.goto(`/contact?id=${posted.contactId}`);
      await expect(page.locator('#timeline')).toBeVisible();
      found.push(...(await look(page, locale, 'contact')));
      await page.goto('/customers');
      await page.getByRole('listbox').first().focus();
      await page.keyboard.press('Enter');
      await expect(page).toHaveURL(/\/customer\?id=/);
      found.push(...(await look(page, locale, 'customer')));
      for (const screen of ['follow-ups', 'scripts', 'settings']) {
        await page.goto(`/${screen}`);
        found.push(...(await look(page, locale, screen)));
      }
      expect(found).toEqual([]);
    });

    test(`the supervisor's screens read whole, with nothing left in English`, async ({ page }) => {
      await signIn(page, 'sam', 'demo', '/dashboard');
      await waitForSync(page);
      await useLocale(page, locale);
      const found: Finding[] = [];
      await expect(page.getByTestId('kpi-handled-value')).toBeVisible();
      found.push(...(await look(page, locale, 'dashboard')));
      for (const screen of ['floor', 'knowledge']) {
        await page.goto(`/${screen}`);
        found.push(...(await look(page, locale, screen)));
      }
      expect(found).toEqual([]);
    });
  });
}
