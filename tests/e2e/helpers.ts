import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect } from './fixtures';

/**
 * Signs in through the sign-in screen with the keyboard, as an agent would, in whatever language the
 * workstation speaks (the fields are found by what they are, not by their English labels). Demo accounts
 * use the password "demo".
 */
export async function signIn(page: Page, username: string, password = 'demo', path = '/queue'): Promise<void> {
  await page.goto(path);
  const user = page.getByRole('textbox').and(page.locator('[autocomplete="username"]'));
  await expect(user).toBeFocused();
  await user.fill(username);
  await page.keyboard.press('Tab');
  await page.keyboard.type(password);
  await page.keyboard.press('Enter');
  await expect(page.locator('#account-button')).toBeVisible();
}

/** Waits until the first full sync has finished and nothing is waiting. */
export async function waitForSync(page: Page): Promise<void> {
  await expect(page.getByTestId('connection-indicator')).toHaveText('Online', { timeout: 30_000 });
}

/** Once every finite animation and transition has finished: the screen as a person sees it, not halfway through a fade. */
export async function settled(page: Page): Promise<void> {
  await page.evaluate(() => Promise.all(document.getAnimations().filter((animation) => animation.effect?.getComputedTiming().iterations !== Infinity).map((animation) => animation.finished.catch(() => undefined))));
}

/** Serious and critical accessibility problems axe finds on the page, described for the failure message. */
export async function seriousViolations(page: Page): Promise<string[]> {
  const scan = async () => {
    await settled(page);
    // Colours are read at their end state: a control whose selection just changed (a tab going from filled to text)
    // is halfway between two colours while its transition runs, and a loaded machine can stretch that past a second.
    const still = await page.addStyleTag({ content: '*, *::before, *::after { transition: none !important; animation: none !important; }' });
    try {
      const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
      return describe(results.violations);
    } finally {
      await still.evaluate((element) => (element as HTMLStyleElement).remove());
    }
  };
  const describe = (violations: Awaited<ReturnType<AxeBuilder['analyze']>>['violations']) =>
    violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map((violation) => `${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes.slice(0, 3).map(where).join(', ')}`);
  // A contrast problem names its colours, so a failure says what was on the screen.
  const where = (node: Awaited<ReturnType<AxeBuilder['analyze']>>['violations'][number]['nodes'][number]) => {
    const data = node.any.find((check) => check.id === 'color-contrast')?.data as { fgColor?: string; bgColor?: string; contrastRatio?: number } | undefined;
    return data?.fgColor ? `${node.target.join(' ')} (${data.fgColor} on ${data.bgColor}, ${data.contrastRatio})` : node.target.join(' ');
  };
  const first = await scan();
  if (first.length === 0) return first;
  // A colour caught while a control changes state (a sync landing mid-scan enables a button) is not what anyone
  // reads: a problem counts when a second look, a moment later, still finds it.
  await page.waitForTimeout(500);
  const second = new Set(await scan());
  return first.filter((problem) => second.has(problem));
}

