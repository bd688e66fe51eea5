import type { APIRequestContext, Locator, Page } from '@playwright/test';
import { expect, test, newDesktop } from './fixtures';
import type { Script } from '@core/domain/model';
import { seriousViolations, signIn, waitForSync } from './helpers';
import { login, pullAll } from './api';

const SCRIPT_ID = 'billing-dispute';

/** Every version of the billing script, as the hub has them now. */
async function billingVersions(request: APIRequestContext): Promise<Script[]> {
  const changes = await pullAll(request, await login(request, 'sam'));
  const rows = new Map<string, Script>();
  for (const change of changes) {
    if (change.op === 'put' && change.entity === 'script' && (change.row as Script).scriptId === SCRIPT_ID) rows.set((change.row as Script).id, change.row as Script);
  }
  return [...rows.values()];
}

/** Moves the active row of a listbox with the arrow keys until it is the one named. */
async function chooseRow(page: Page, listbox: Locator, name: string): Promise<void> {
  await listbox.focus();
  for (let moves = 0; moves < 40; moves++) {
    const active = await listbox.getAttribute('aria-activedescendant');
    if (active && (await page.locator(`#${active}`).textContent())?.includes(name)) return;
    await page.keyboard.press('ArrowDown');
  }
  throw new Error(`“${name}” is not in the list`);
}

test('a supervisor edits a script with a live preview, is stopped from publishing mistakes, publishes, and agents get the new version', async ({ browser, request }) => {
  test.setTimeout(180_000);
  const before = await billingVersions(request);
  const published = before.find((version) => version.status === 'published');
  expect(published, 'the billing script is published').toBeDefined();
  const next = before.find((version) => version.status === 'draft')?.version ?? Math.max(...before.map((version) => version.version)) + 1;

  const samContext = await newDesktop(browser);
  const sam = await samContext.newPage();
  await signIn(sam, 'sam', 'demo', '/scripts');
  await waitForSync(sam);

  // The list: one row per script, with its published version; open the billing script from the keyboard.
  await expect(sam.getByRole('heading', { level: 1, name: 'Scripts' })).toBeVisible();
  const list = sam.getByRole('listbox', { name: 'Scripts' });
  const billingRow = sam.getByTestId('script-row').filter({ hasText: 'Billing dispute' });
  await expect(billingRow.getByTestId('script-published')).toContainText(`Published: version ${published!.version}`);
  await expect(sam.getByRole('button', { name: 'New script (N)' })).toBeVisible();
  expect(await seriousViolations(sam), 'scripts list').toEqual([]);
  await sam.screenshot({ path: 'test-results/screenshots/scripts-list.png' });
  await chooseRow(sam, list, 'Billing dispute');
  await sam.keyboard.press('Enter');
  await expect(sam).toHaveURL(new RegExp(`/scripts\\?id=${SCRIPT_ID}$`));
  await expect(sam.getByRole('heading', { level: 1, name: 'Billing dispute' })).toBeFocused();

  // To the Empathise stage with the arrow keys; the preview follows.
  const stages = sam.getByRole('tablist', { name: 'Stages', exact: true });
  await stages.getByRole('tab', { selected: true }).focus();
  await sam.keyboard.press('ArrowRight');
  await sam.keyboard.press('ArrowRight');
  await expect(stages.getByRole('tab', { selected: true })).toContainText('Empathise');
  const preview = sam.getByRole('region', { name: 'Preview' });
  await expect(preview.getByRole('tablist', { name: 'Preview stages' }).getByRole('tab', { selected: true })).toContainText('Empathise');

  // A new line, with a mistyped variable.
  const panel = sam.locator('#editor-stage-panel');
  const steps = panel.getByRole('group', { name: /^Empathise, step \d+/ });
  await sam.getByRole('button', { name: 'Add step to Empathise' }).click();
  const lineStep = sam.locator(`[data-step-key="${await steps.last().getAttribute('data-step-key')}"]`);
  const lineText = lineStep.getByRole('textbox', { name: 'Line to say or write' });
  await expect(lineText).toBeFocused();
  await sam.keyboard.type('I can see why a double charge is worrying, {customer.firstname}.');
  await expect(preview).toContainText('I can see why a double charge is worrying, {customer.firstname}.');
  const problems = sam.getByRole('region', { name: /To fix before publishing/ });
  await expect(problems).toContainText('uses {customer.firstname}, which is not a variable; did you mean {customer.firstName}?');
  await expect(lineStep).toContainText('did you mean {customer.firstName}?');

  // Alt+↑ moves it up a place; the cursor stays in it.
  const heading = lineStep.getByRole('heading', { level: 3 });
  const placeBefore = Number(/step (\d+)/.exec((await heading.textContent()) ?? '')?.[1]);
  await sam.keyboard.press('Alt+ArrowUp');
  await expect(heading).toContainText(`step ${placeBefore - 1}`);
  await expect(lineText).toBeFocused();

  // An action step, which the line's branch goes to, then removed: the branch goes nowhere.
  await sam.getByRole('button', { name: 'Add step to Empathise' }).click();
  const checkStep = sam.locator(`[data-step-key="${await steps.last().getAttribute('data-step-key')}"]`);
  await sam.keyboard.type('Check the account for a second payment taken on the same day.');
  await checkStep.getByRole('combobox', { name: 'Kind' }).click();
  await sam.getByRole('option', { name: 'Do' }).click();
  await expect(checkStep.getByRole('textbox', { name: 'What the agent does' })).toBeVisible();
  await lineStep.getByRole('button', { name: /^Add branch to step/ }).click();
  await expect(lineStep.getByRole('textbox', { name: 'Branch 1 answer' })).toBeFocused();
  await sam.keyboard.type('Still worried');
  await lineStep.getByRole('combobox', { name: 'Branch 1 goes to' }).click();
  await sam.getByRole('option', { name: /^Step: Empathise \d+, Check the account/ }).click();
  await checkStep.getByRole('button', { name: /^Remove step/ }).click();
  await expect(problems).toContainText(/the branch “Still worried” goes to '[a-z0-9-]+', which is not a step or stage of this script/);
  await sam.screenshot({ path: 'test-results/screenshots/scripts-editor-problems.png', fullPage: true });

  // Publishing is refused, with the reasons.
  await sam.getByRole('button', { name: 'Publish…' }).click();
  const notice = sam.getByTestId('script-notice');
  await expect(notice).toBeFocused();
  await expect(notice).toContainText('Cannot publish: 2 problems to fix first');
  await expect(notice).toContainText("uses {customer.firstname}, which is not a variable; did you mean {customer.firstName}?");
  await expect(notice).toContainText('goes to');
  await expect(notice).toContainText('which is not a step or stage of this script');
  await expect(sam.getByRole('dialog')).toHaveCount(0);
  await sam.screenshot({ path: 'test-results/screenshots/scripts-publish-refused.png' });

  // Fixed: the variable from the menu, the branch to the Resolve stage.
  await lineText.focus();
  await sam.keyboard.press('ControlOrMeta+a');
  await sam.keyboard.type('I can see why a double charge is worrying, ');
  await lineStep.getByRole('button', { name: /^Insert variable into step/ }).click();
  await sam.getByRole('menuitem', { name: /^\{customer\.firstName\}/ }).click();
  await expect(lineText).toBeFocused();
  await sam.keyboard.type('.');
  await expect(lineText).toHaveValue('I can see why a double charge is worrying, {customer.firstName}.');
  await lineStep.getByRole('combobox', { name: 'Branch 1 goes to' }).click();
  await sam.getByRole('option', { name: 'Stage 4: Resolve' }).click();

  // The script has German and Spanish versions: the new line, and its answer, need translating before it is published.
  await expect(problems).toContainText('And 2 problems in the translations, shown under Languages.');
  const languages = sam.getByTestId('script-languages');
  const stepId = /(empathise-\d+)$/.exec((await heading.textContent()) ?? '')?.[1];
  const translation = languages.locator(`[data-variant-step="${stepId}"]`);
  for (const [language, text, answer] of [
    ['German', 'Ich verstehe, dass eine doppelte Abbuchung beunruhigend ist, {customer.firstName}.', 'Immer noch besorgt'],
    ['Spanish', 'Entiendo que un cobro duplicado le preocupe, {customer.firstName}.', 'Sigue preocupado'],
  ] as const) {
    await languages.getByRole('tab', { name: new RegExp(`^${language} \\(1 to fix\\)`) }).click();
    await translation.getByRole('textbox', { name: new RegExp(`^Step \\d+ in ${language}$`) }).fill(text);
    await expect(languages.getByTestId('variant-problems')).toContainText(`answer 1 of the ${language} version is empty`);
    await translation.getByRole('textbox', { name: `Answer 1 in ${language}` }).fill(answer);
    await expect(languages.getByRole('tab', { name: `${language} (ready)` })).toBeVisible();
  }
  await expect(sam.getByRole('heading', { name: 'Nothing to fix: ready to publish' })).toBeVisible();

  // The preview shows the line as an agent would see it, with the sample customer's first name.
  await expect(preview).toContainText('I can see why a double charge is worrying, Priya.');
  await preview.getByRole('checkbox', { name: 'Waited 12 minutes' }).check();
  await expect(preview.getByRole('listitem', { name: /Waited a long time: Waited 12 minutes/ })).toBeVisible();
  await expect(preview).toContainText('12 minutes is far too long to wait');
  await sam.screenshot({ path: 'test-results/screenshots/scripts-editor-preview.png' });

  // Ctrl+S saves the draft.
  await lineText.focus();
  await sam.keyboard.press('Control+s');
  await expect(sam.getByText(`Draft saved: version ${next} of “Billing dispute”.`)).toBeVisible();
  await expect(sam.getByRole('status').filter({ hasText: 'Draft saved' })).toBeVisible();

  // The branch works in the preview: it leads to Resolve.
  await preview.getByRole('button', { name: 'Still worried' }).click();
  await expect(preview.getByRole('tablist', { name: 'Preview stages' }).getByRole('tab', { selected: true })).toContainText('Resolve');

  expect(await seriousViolations(sam), 'script editor').toEqual([]);

  // Published: the version goes up, the one before is retired.
  await sam.getByRole('button', { name: 'Publish…' }).click();
  const dialog = sam.getByRole('dialog', { name: `Publish version ${next}?` });
  await expect(dialog.getByRole('button', { name: `Publish version ${next}` })).toBeFocused();
  await sam.keyboard.press('Enter');
  await expect(notice).toContainText(`Published version ${next}`);
  const versions = sam.getByTestId('script-versions');
  await expect(versions.getByRole('listitem').filter({ hasText: `Version ${next}` })).toContainText('Published');
  await expect(versions.getByRole('listitem').filter({ hasText: `Version ${published!.version}` })).toContainText('Retired');
  await sam.screenshot({ path: 'test-results/screenshots/scripts-published.png', fullPage: true });
  await waitForSync(sam);
  await expect.poll(async () => (await billingVersions(request)).find((version) => version.status === 'published')?.version, { timeout: 20_000 }).toBe(next);

  // Ava, an agent on another desktop: her list shows the new version, which she can read but not edit.
  const avaContext = await newDesktop(browser);
  const ava = await avaContext.newPage();
  await signIn(ava, 'ava', 'demo', '/scripts');
  await waitForSync(ava);
  const avaRow = ava.getByTestId('script-row').filter({ hasText: 'Billing dispute' });
  await expect(avaRow.getByTestId('script-published')).toContainText(`Published: version ${next}`, { timeout: 30_000 });
  await expect(ava.getByRole('button', { name: /New script/ })).toHaveCount(0);
  await ava.screenshot({ path: 'test-results/screenshots/scripts-agent-list.png' });
  await chooseRow(ava, ava.getByRole('listbox', { name: 'Scripts' }), 'Billing dispute');
  await ava.keyboard.press('Enter');
  await expect(ava.getByRole('heading', { level: 1, name: 'Billing dispute' })).toBeVisible();
  await expect(ava.getByText('Supervisors edit scripts.')).toBeVisible();
  await expect(ava.getByRole('region', { name: '3. Empathise' })).toContainText('I can see why a double charge is worrying, {customer.firstName}.');
  await expect(ava.getByRole('button', { name: 'Publish…' })).toHaveCount(0);
  await expect(ava.getByRole('textbox')).toHaveCount(0);
  expect(await seriousViolations(ava), 'script for agents').toEqual([]);
  await ava.screenshot({ path: 'test-results/screenshots/scripts-agent-view.png', fullPage: true });

  await avaContext.close();
  await samContext.close();
});

test('a supervisor starts a new script from a copy; it stays a draft, out of agents’ lists', async ({ page, request }) => {
  test.setTimeout(90_000);
  const name = `Broadband upgrade ${Date.now().toString(36)}`;
  await signIn(page, 'sam', 'demo', '/scripts');
  await waitForSync(page);
  await page.getByRole('listbox', { name: 'Scripts' }).focus();
  await page.keyboard.press('n');
  const dialog = page.getByRole('dialog', { name: 'New script' });
  await expect(dialog.getByRole('textbox', { name: 'Name' })).toBeFocused();
  await page.keyboard.type(name);
  await dialog.getByRole('combobox', { name: 'Start from' }).click();
  await page.getByRole('option', { name: 'A copy of General enquiry' }).click();
  await dialog.getByRole('button', { name: 'Create draft' }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Nothing to fix: ready to publish' })).toBeVisible();
  await expect(page.getByTestId('script-versions')).toContainText('Draft');
  // A copy starts without topics, so contacts keep the script they get today.
  await expect(page.getByRole('combobox', { name: 'Topics' })).toHaveValue('');
  await page.getByRole('button', { name: 'All scripts' }).click();
  const row = page.getByTestId('script-row').filter({ hasText: name });
  await expect(row).toContainText('Not published yet');
  await expect(row).toContainText('Draft: version 1');
  await waitForSync(page);

  const agentView = (await pullAll(request, await login(request, 'ava'))).filter((change) => change.op === 'put' && change.entity === 'script' && (change.row as Script).name === name);
  expect(agentView.map((change) => (change as unknown as { row: Script }).row.status)).toEqual(['draft']);
});
