import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test, newDesktop } from './fixtures';
import type { Contact, Script } from '@core/domain/model';
import { seriousViolations, signIn, waitForSync } from './helpers';
import { login, postContact, pullAll, pushAs } from './api';

/** RFC 4180 rows (quoted cells, doubled quotes), without the BOM. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const body = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < body.length; i += 1) {
    const char = body[i]!;
    if (quoted) {
      if (char === '"' && body[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(cell);
      cell = '';
    } else if (char === '\n') {
      row.push(cell.replace(/\r$/, ''));
      rows.push(row);
      row = [];
      cell = '';
    } else cell += char;
  }
  return rows;
}

async function choose(page: Page, label: string, option: string): Promise<void> {
  await page.getByRole('combobox', { name: label }).focus();
  await page.keyboard.press('Enter');
  await page.getByRole('option', { name: option, exact: true }).click();
  await expect(page.getByRole('combobox', { name: label })).toHaveText(option);
}

test('Sam reviews the week on the dashboard, drills into low CSAT and exports it; his published script reaches Ava’s next contact; Ava cannot see the dashboard', async ({ browser, request }) => {
  test.setTimeout(150_000);
  const stamp = Date.now().toString(36);

  // Nobody is available (whatever earlier tests left), so contacts wait for whoever takes them.
  const benToken = await login(request, 'ben');
  const avaToken = await login(request, 'ava');
  for (const token of [benToken, avaToken]) await pushAs(request, token, [{ name: 'presence.set', args: { presence: 'away' } }]);

  // Today a billing customer rated Ben 1 of 5.
  const unhappy = await postContact(request, { channel: 'email', from: { email: `unhappy.${stamp}@example.com` }, subject: `Charged twice, still not refunded ${stamp}`, body: 'I was charged twice for my bill.' });
  expect(
    await pushAs(request, benToken, [
      { name: 'contact.claim', args: { contactId: unhappy.contactId } },
      { name: 'contact.endConversation', args: { contactId: unhappy.contactId } },
      { name: 'contact.wrapUp', args: { contactId: unhappy.contactId, disposition: 'Information given', resolution: 'unresolved' } },
      { name: 'survey.record', args: { id: `srv-${stamp}`, contactId: unhappy.contactId, status: 'answered', csat: 1 } },
      { name: 'presence.set', args: { presence: 'away' } },
    ]),
  ).toEqual([1, 2, 3, 4, 5].map((id) => ({ id, status: 'applied' })));

  const samContext = await newDesktop(browser);
  const sam = await samContext.newPage();
  await signIn(sam, 'sam');
  await waitForSync(sam);
  await sam.keyboard.press('Alt+4');
  await expect(sam.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeFocused();
  await expect(sam.getByTestId('kpi-handled-value')).not.toHaveText('');
  await choose(sam, 'Dates', 'This week');
  await choose(sam, 'Queue', 'Billing');
  await expect(sam.getByTestId('kpi-csat')).toContainText(/\d+ low/);
  await sam.screenshot({ path: 'test-results/screenshots/dashboard.png', fullPage: true });

  // The low-CSAT contacts behind the figure, and the same rows in the CSV.
  await sam.getByTestId('kpi-csat').getByRole('button').focus();
  await sam.keyboard.press('Enter');
  const drill = sam.getByRole('dialog', { name: /^Contacts rated 1 or 2/ });
  await expect(drill).toBeVisible();
  const rows = drill.getByTestId('drill-row');
  await expect(rows.filter({ hasText: `Charged twice, still not refunded ${stamp}` })).toHaveCount(1);
  const shown = (await rows.allInnerTexts()).map((text) => text.replace(/\s+/g, ' '));
  const low = Number(/\d+/.exec(await sam.getByTestId('kpi-csat').innerText().then((t) => /(\d+) low/.exec(t)![0]))![0]);
  expect(shown).toHaveLength(low);
  await sam.screenshot({ path: 'test-results/screenshots/dashboard-drill.png' });
  const downloading = sam.waitForEvent('download');
  await drill.getByRole('button', { name: 'Export CSV' }).click();
  const download = await downloading;
  const csv = parseCsv(readFileSync(await download.path(), 'utf8'));
  expect(csv[0]).toEqual(['Contact', 'When (UTC)', 'Customer', 'Channel', 'Subject', 'Agent', 'Queue', 'Disposition', 'Resolution', 'CSAT', 'NPS']);
  const data = csv.slice(1);
  expect(data).toHaveLength(low);
  for (const row of data) {
    expect(row[6]).toBe('Billing');
    expect(['1', '2']).toContain(row[9]);
    expect(shown.some((text) => text.includes(row[2]!) && text.includes(row[4]!))).toBe(true);
  }
  expect(data.find((row) => row[0] === unhappy.contactId)).toMatchObject({ 4: `Charged twice, still not refunded ${stamp}`, 5: 'Ben Okafor', 9: '1' });
  await sam.keyboard.press('Escape');

  // Sam publishes a new version of the billing script (the editor is tested on its own).
  const samToken = await login(request, 'sam');
  const versions = (await pullAll(request, samToken)).flatMap((change) => (change.op === 'put' && change.entity === 'script' ? [change.row as unknown as Script] : [])).filter((row) => row.scriptId === 'billing-dispute');
  const published = versions.find((row) => row.status === 'published')!;
  const line = `Thanks for your patience today, {customer.firstName} (${stamp}).`;
  const stages = published.stages.map((stage) => (stage.id === 'greet' ? { ...stage, steps: [...stage.steps, { id: `thanks-${stamp}`, kind: 'say' as const, text: line, when: [], branches: [], articleIds: [] }] } : stage));
  // The script speaks German and Spanish too: the new line is translated, or publishing refuses it.
  const translations: Record<string, string> = { de: `Danke für Ihre Geduld heute, {customer.firstName} (${stamp}).`, es: `Gracias por su paciencia hoy, {customer.firstName} (${stamp}).` };
  const variants = Object.fromEntries(
    Object.entries(published.variants).map(([language, variant]) => [language, { ...variant, steps: [...variant.steps, { id: `thanks-${stamp}`, text: translations[language.split('-')[0]!] ?? line, branches: [] }] }]),
  );
  const draftVersion = Math.max(...versions.map((row) => row.version)) + (versions.some((row) => row.status === 'draft') ? 0 : 1);
  expect(
    await pushAs(request, samToken, [
      { name: 'script.save', args: { scriptId: 'billing-dispute', name: published.name, description: published.description, topics: published.topics, stages, language: published.language, variants } },
      { name: 'script.publish', args: { scriptId: 'billing-dispute', version: draftVersion } },
    ]),
  ).toEqual([
    { id: 1, status: 'applied' },
    { id: 2, status: 'applied' },
  ]);

  // Ava's next billing contact is scripted with it, and records the version at wrap-up.
  const next = await postContact(request, { channel: 'chat', from: { email: `next.${stamp}@example.com` }, name: { firstName: 'Imogen', lastName: `Hale-${stamp}` }, subject: `Charged twice on my bill ${stamp}`, body: 'My card was charged twice for this month.' });
  expect(await pushAs(request, avaToken, [{ name: 'contact.claim', args: { contactId: next.contactId } }])).toEqual([{ id: 1, status: 'applied' }]);
  const avaContext = await newDesktop(browser);
  const ava = await avaContext.newPage();
  await signIn(ava, 'ava', 'demo', `/contact?id=${next.contactId}`);
  await waitForSync(ava);
  const script = ava.getByRole('region', { name: /^Script/ });
  await expect(script.getByRole('combobox', { name: 'Script' })).toHaveText(`${published.name} (v${draftVersion})`);
  await expect(script).toContainText(`Thanks for your patience today, Imogen (${stamp}).`);
  await ava.keyboard.press('Alt+e');
  await expect(ava.getByLabel('Disposition')).toBeFocused();
  await ava.keyboard.press('Enter');
  await ava.getByRole('option').first().click();
  await ava.getByRole('button', { name: 'Resolved', exact: true }).click();
  for (const dismiss of await ava.getByTestId('suggested-follow-up').getByRole('button', { name: 'Dismiss' }).all()) await dismiss.click();
  await ava.keyboard.press('Control+Enter');
  await expect(ava).toHaveURL(/\/queue$/);
  await waitForSync(ava);
  const handled = (await pullAll(request, samToken)).find((change) => change.op === 'put' && change.entity === 'contact' && change.id === next.contactId);
  expect((handled as { row: Contact } | undefined)?.row).toMatchObject({ scriptId: 'billing-dispute', scriptVersion: draftVersion });

  // Ava's dashboard is her own figures, the contact she just finished among them; the team's are not hers.
  await ava.keyboard.press('Alt+4');
  await expect(ava.getByRole('heading', { level: 1, name: 'Your dashboard' })).toBeVisible();
  await expect(ava.getByTestId('my-kpis')).toBeVisible();
  await expect.poll(async () => Number(await ava.getByTestId('kpi-handled-value').textContent())).toBeGreaterThanOrEqual(1);
  await expect(ava.getByTestId('kpis')).toHaveCount(0);
  await expect(ava.getByRole('button', { name: 'Targets' })).toHaveCount(0);
  expect(await pushAs(request, avaToken, [{ name: 'target.set', args: { scope: 'team', scopeId: 'team_care', csat: 5 } }])).toEqual([
    { id: 1, status: 'rejected', code: 'forbidden', message: 'Only supervisors can set targets.', messageId: 'rejection.access.onlySupervisors', values: { action: 'setTargets' } },
  ]);
  await samContext.close();
  await avaContext.close();
});

test('Ava’s own dashboard: what she handled and the goodwill she gave, in each customer’s currency; Sam sees it by agent; both readable light and dark', async ({ browser, request }) => {
  test.setTimeout(150_000);
  const stamp = Date.now().toString(36);
  const benToken = await login(request, 'ben');
  const avaToken = await login(request, 'ava');
  for (const token of [benToken, avaToken]) await pushAs(request, token, [{ name: 'presence.set', args: { presence: 'away' } }]);

  // Ava handles a customer in Madrid (euros) and one in London (pounds), each given a credit.
  const madrid = await postContact(request, { channel: 'chat', from: { email: `lucia.${stamp}@example.com` }, name: { firstName: 'Lucía', lastName: `Gómez-${stamp}` }, subject: `Broadband down again ${stamp}`, body: 'My broadband is down again.' });
  const london = await postContact(request, { channel: 'email', from: { email: `tom.${stamp}@example.com` }, name: { firstName: 'Tom', lastName: `Reid-${stamp}` }, subject: `Charged twice ${stamp}`, body: 'I was charged twice for my bill.' });
  const credit = (value: number, currency: string, sign: string) => ({ kind: 'credit', description: `a ${sign}${value} credit on your next bill`, value, currency });
  const handle = (contactId: string, gesture: ReturnType<typeof credit>) => [
    { name: 'contact.claim', args: { contactId } },
    { name: 'contact.endConversation', args: { contactId } },
    { name: 'contact.wrapUp', args: { contactId, disposition: 'Information given', resolution: 'resolved', gesture } },
  ];
  expect(
    await pushAs(request, avaToken, [
      { name: 'customer.update', args: { customerId: madrid.customerId, patch: { timeZone: 'Europe/Madrid', language: 'es-ES' } } },
      ...handle(madrid.contactId, credit(15, 'EUR', '€')),
      ...handle(london.contactId, credit(10, 'GBP', '£')),
      { name: 'presence.set', args: { presence: 'away' } },
    ]),
  ).toEqual(Array.from({ length: 8 }, (_, index) => ({ id: index + 1, status: 'applied' })));

  const avaContext = await newDesktop(browser, { viewport: { width: 1440, height: 900 } });
  const ava = await avaContext.newPage();
  await signIn(ava, 'ava');
  await waitForSync(ava);
  await ava.keyboard.press('Alt+4');
  await expect(ava.getByRole('heading', { level: 1, name: 'Your dashboard' })).toBeVisible();
  await expect(ava.getByText('Dashboards are for supervisors')).toHaveCount(0);
  const mine = ava.getByTestId('my-kpis');
  await expect(mine).toBeVisible();
  await expect.poll(async () => Number(await ava.getByTestId('kpi-handled-value').textContent())).toBeGreaterThanOrEqual(2);
  await expect(ava.getByTestId('kpi-aht-value')).not.toHaveText('—');
  await expect(ava.getByTestId('kpi-csat')).toBeVisible();
  await expect(ava.getByTestId('kpi-follow-ups-value')).toHaveText(/^\d+\/\d+$/);
  // Euros and pounds side by side, never added together.
  const gestures = ava.getByTestId('kpi-gestures');
  await expect(gestures).toContainText('€15');
  await expect(gestures).toContainText('£');
  expect(Number(await ava.getByTestId('kpi-gestures-value').textContent())).toBeGreaterThanOrEqual(2);
  // The contacts behind her figure are hers.
  await ava.getByTestId('kpi-handled').getByRole('button').click();
  const drill = ava.getByRole('dialog', { name: /^Contacts you handled/ });
  await expect(drill.getByTestId('drill-row').filter({ hasText: `Broadband down again ${stamp}` })).toHaveCount(1);
  await ava.keyboard.press('Escape');
  for (const scheme of ['light', 'dark'] as const) {
    await ava.emulateMedia({ colorScheme: scheme });
    await expect(mine).toBeVisible();
    expect(await seriousViolations(ava), `agent dashboard, ${scheme}`).toEqual([]);
    await ava.screenshot({ path: `test-results/screenshots/dashboard-agent-${scheme}.png`, fullPage: true });
  }

  // Sam sees the gestures given, their value per currency, and by agent.
  const samContext = await newDesktop(browser, { viewport: { width: 1440, height: 900 } });
  const sam = await samContext.newPage();
  await signIn(sam, 'sam');
  await waitForSync(sam);
  await sam.keyboard.press('Alt+4');
  await choose(sam, 'Team', 'All teams');
  await expect(sam.getByTestId('kpi-gestures')).toContainText('€15');
  const byAgent = sam.getByTestId('gestures-table').getByRole('row', { name: /Ava Thompson/ });
  await expect(byAgent).toContainText('€15');
  await expect(byAgent).toContainText('£');
  for (const scheme of ['light', 'dark'] as const) {
    await sam.emulateMedia({ colorScheme: scheme });
    await expect(sam.getByTestId('kpis')).toBeVisible();
    expect(await seriousViolations(sam), `supervisor dashboard, ${scheme}`).toEqual([]);
    await sam.screenshot({ path: `test-results/screenshots/dashboard-supervisor-${scheme}.png`, fullPage: true });
    await sam.getByRole('region', { name: 'Goodwill gestures by agent' }).screenshot({ path: `test-results/screenshots/dashboard-gestures-${scheme}.png` });
  }
  await avaContext.close();
  await samContext.close();
});
