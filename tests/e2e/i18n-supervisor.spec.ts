/**
 * The supervisor's screens in each language, at a laptop's 1440×900: the
 * dashboard, the floor and the administrator's people, in German, Spanish
 * and the accented pseudo-locale (a third longer). Headings come from the
 * catalogues, and nothing runs wider than the window; screenshots for a
 * person to look at.
 */
import type { Page } from '@playwright/test';
import { expect, newDesktop, test } from './fixtures';
import { settled, signIn, waitForSync } from './helpers';
import { accent } from '../../src/i18n/pseudo';

const pseudo = (english: string) => new RegExp(accent(english));

const LOCALES = [
  { locale: 'de', dashboard: 'Dashboard', floor: 'Live-Übersicht', admin: 'Verwaltung', kpi: 'Erstlösungsquote', targets: 'Ziele', people: 'Benutzername' },
  { locale: 'es', dashboard: 'Panel', floor: 'Plataforma', admin: 'Administración', kpi: 'Resolución en el primer contacto', targets: 'Objetivos', people: 'Nombre de usuario' },
  // Pseudo-locale: each letter accented, the text a third longer, in brackets.
  { locale: 'en-XA', dashboard: pseudo('Dashboard'), floor: pseudo('Floor'), admin: pseudo('Admin'), kpi: pseudo('First-contact resolution'), targets: pseudo('Targets'), people: pseudo('User name') },
] as const;

/** Elements wider than the window or cut off sideways (text overflowing its box without an ellipsis meant for it). */
async function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    if (document.documentElement.scrollWidth > window.innerWidth + 1) found.push(`page ${document.documentElement.scrollWidth}px wide`);
    for (const cell of document.querySelectorAll<HTMLElement>('th, td, button, [role="tab"], label, h1, h2')) {
      const style = getComputedStyle(cell);
      if (style.textOverflow === 'ellipsis' || cell.offsetParent === null) continue;
      if (cell.scrollWidth > cell.clientWidth + 1 && style.overflowX !== 'visible') found.push(`${cell.tagName.toLowerCase()} “${cell.innerText.slice(0, 40)}”`);
    }
    return found;
  });
}

for (const expected of LOCALES) {
  test(`the dashboard, the floor and the people screen in ${expected.locale}`, async ({ browser }) => {
    test.setTimeout(120_000);
    const context = await newDesktop(browser, { viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await signIn(page, 'admin');
    await waitForSync(page);
    await page.evaluate((locale) => localStorage.setItem('agentdesk.locale', locale), expected.locale);

    await page.goto('/dashboard');
    await expect(page.getByRole('heading', { level: 1, name: expected.dashboard })).toBeVisible();
    await expect(page.getByTestId('kpi-fcr')).toContainText(expected.kpi);
    await expect(page.getByTestId('agents-table')).toBeVisible();
    await settled(page);
    await page.screenshot({ path: `test-results/screenshots/i18n-dashboard-${expected.locale}.png`, fullPage: true });
    expect(await overflowing(page), 'dashboard').toEqual([]);
    // The charts and the agents' table, below the fold.
    await page.getByTestId('agents-table').scrollIntoViewIfNeeded();
    await settled(page);
    await page.screenshot({ path: `test-results/screenshots/i18n-dashboard-agents-${expected.locale}.png` });
    await page.getByRole('button', { name: expected.targets, exact: true }).click();
    const targets = page.getByRole('dialog');
    await expect(targets).toBeVisible();
    await settled(page);
    await page.screenshot({ path: `test-results/screenshots/i18n-dashboard-targets-${expected.locale}.png` });
    await page.keyboard.press('Escape');
    await expect(targets).toBeHidden();

    await page.goto('/floor');
    await expect(page.getByRole('heading', { level: 1, name: expected.floor })).toBeVisible();
    await expect(page.getByTestId('floor-queue').first()).toBeVisible();
    await settled(page);
    await page.screenshot({ path: `test-results/screenshots/i18n-floor-${expected.locale}.png`, fullPage: true });
    expect(await overflowing(page), 'floor').toEqual([]);

    await page.goto('/admin');
    await expect(page.getByRole('heading', { level: 1, name: expected.admin })).toBeVisible();
    await expect(page.getByRole('columnheader', { name: expected.people })).toBeVisible();
    await expect(page.getByTestId('person-row').first()).toBeVisible();
    await settled(page);
    await page.screenshot({ path: `test-results/screenshots/i18n-admin-people-${expected.locale}.png`, fullPage: true });
    expect(await overflowing(page), 'people').toEqual([]);
    await context.close();
  });
}
