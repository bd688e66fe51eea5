/**
 * The workstation's language (serve mode): chosen in Settings › Language, the
 * whole shell switches at once and stays so after a reload; "Same as this
 * computer" follows the browser's language. Axe-clean in German.
 */
import { expect, newDesktop, test } from './fixtures';
import { seriousViolations, signIn, waitForSync } from './helpers';

test.describe('the language of the workstation (serve mode)', () => {
  test('choosing Deutsch switches the whole shell at once, survives a reload, and is axe-clean', async ({ page }) => {
    await signIn(page, 'ava', 'demo', '/settings');
    await waitForSync(page);
    await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();

    await page.getByRole('combobox', { name: 'Language of the workstation' }).click();
    await page.getByRole('option', { name: 'Deutsch' }).click();

    // Everything at once: navigation, top bar, the screen's headings and the window's title.
    const nav = page.getByRole('navigation', { name: 'Bereiche' });
    const german = async () => {
      await expect(page.getByRole('heading', { level: 1, name: 'Einstellungen' })).toBeVisible();
      for (const name of ['Warteschlange', 'Kunden', 'Folgekontakte', 'Dashboard', 'Skripte', 'Einstellungen']) {
        await expect(nav.getByRole('button', { name: new RegExp(`^${name}`) })).toBeVisible();
      }
      await expect(page.getByRole('banner').getByRole('button', { name: /Suche und Befehle/ })).toBeVisible();
      await expect(page.getByRole('button', { name: /Kontomenü$/ })).toBeVisible();
      await expect(page.getByTestId('connection-indicator')).toHaveText('Online');
      for (const region of ['Sprache', 'Darstellung', 'Ihr Konto', 'Synchronisierung', 'Hub-Verbindung', 'Info', 'Updates', 'Diagnose']) {
        await expect(page.getByRole('region', { name: region })).toBeVisible();
      }
      await expect(page).toHaveTitle('Einstellungen – AgentDesk');
      await expect(page.locator('html')).toHaveAttribute('lang', 'de');
    };
    await german();
    await expect(page.getByRole('navigation', { name: 'Sections' })).toHaveCount(0);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: '/tmp/language-de-settings.png' });

    await page.reload();
    await german();

    // The shortcuts sheet and the palette read the one command catalogue, in German too.
    await page.getByRole('heading', { level: 1, name: 'Einstellungen' }).click();
    await page.keyboard.press('Control+k');
    const palette = page.getByRole('combobox', { name: 'Kunden, Artikel und Befehle suchen' });
    await expect(palette).toBeFocused();
    await palette.fill('warteschlange');
    await expect(page.getByRole('option', { name: /Zur Warteschlange/ })).toBeVisible();
    await page.keyboard.press('Escape');

    // Back to the computer's language (this browser speaks English).
    await page.getByRole('combobox', { name: 'Sprache der Arbeitsoberfläche' }).click();
    await page.getByRole('option', { name: /^Wie auf diesem Computer/ }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: /^Queue/ })).toBeVisible();
  });

  test('"Same as this computer" follows the browser: a Spanish browser gets Spanish from sign-in on', async ({ browser }) => {
    const context = await newDesktop(browser, { locale: 'es-ES' });
    const page = await context.newPage();
    try {
      await page.goto('/queue');
      await expect(page.getByRole('heading', { level: 1, name: 'Iniciar sesión' })).toBeVisible();
      await expect(page).toHaveTitle('Iniciar sesión – AgentDesk');
      await page.getByLabel('Nombre de usuario').fill('ava');
      await page.getByLabel('Contraseña').fill('demo');
      await page.keyboard.press('Enter');
      await expect(page.getByRole('button', { name: /Menú de la cuenta$/ })).toBeVisible();
      const nav = page.getByRole('navigation', { name: 'Secciones' });
      for (const name of ['Cola', 'Clientes', 'Seguimientos', 'Panel', 'Guiones', 'Configuración']) {
        await expect(nav.getByRole('button', { name: new RegExp(`^${name}`) })).toBeVisible();
      }
      await nav.getByRole('button', { name: /^Configuración/ }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'Configuración' })).toBeVisible();
      await expect(page.getByRole('combobox', { name: 'Idioma del puesto de trabajo' })).toHaveText('Igual que este equipo (Español)');
      await expect(page.locator('html')).toHaveAttribute('lang', 'es');
    } finally {
      await context.close();
    }
  });
});
