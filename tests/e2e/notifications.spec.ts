import type { Customer } from '@core/domain/model';
import { expect, test } from './fixtures';
import { login, pullAll, pushAs } from './api';
import { seriousViolations, settled, signIn, waitForSync } from './helpers';

test.describe('notifications: what calls for the person, on any screen', () => {
  test('Ava @mentions Ben on a note: Ben sees it on the bell, opens it from the keyboard, and it is read on the hub', async ({ page, request }) => {
    const benToken = await login(request, 'ben');
    const customer = (await pullAll(request, benToken)).flatMap((change) => (change.op === 'put' && change.entity === 'customer' ? [change.row as unknown as Customer] : []))[0]!;
    const name = `${customer.firstName} ${customer.lastName}`;
    await signIn(page, 'ben', 'demo', '/follow-ups');
    await waitForSync(page);
    const bell = page.getByRole('button', { name: /^Notifications/ });
    await expect(bell).toBeVisible();
    // Earlier tests may have left Ben some: this one adds one more.
    await page.waitForTimeout(500);
    const unreadBefore = Number(/(\d+) unread/.exec((await bell.getAttribute('aria-label')) ?? '')?.[1] ?? 0);
    const afterMention = `Notifications, ${unreadBefore + 1} unread`;

    const noteId = `note_e2e_${Date.now()}`;
    const avaToken = await login(request, 'ava');
    expect(await pushAs(request, avaToken, [{ name: 'contact.addNote', args: { id: noteId, customerId: customer.id, body: '@Ben is this the router fault you fixed last week?', mentions: ['usr_ben'] } }])).toEqual([
      { id: 1, status: 'applied' },
    ]);

    // It arrives by sync, whatever screen Ben is on.
    await expect(page.getByRole('button', { name: afterMention })).toBeVisible({ timeout: 10_000 });
    await page.getByRole('button', { name: afterMention }).focus();
    await page.keyboard.press('Enter');
    const menu = page.getByRole('menu', { name: 'Notifications' });
    const line = menu.getByRole('menuitem', { name: new RegExp(`Ava mentioned you about ${name}: @Ben is this the router fault`) });
    await expect(line).toBeFocused();
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await settled(page);
      await page.screenshot({ path: `test-results/screenshots/notifications-${scheme}.png` });
      expect(await seriousViolations(page), `notifications menu, ${scheme}`).toEqual([]);
    }
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
    await expect(page.getByRole('button', { name: unreadBefore ? `Notifications, ${unreadBefore} unread` : 'Notifications' })).toBeVisible();

    // Read on the hub too: another desktop of Ben's would not show it as new.
    await expect
      .poll(async () => {
        const rows = (await pullAll(request, benToken)).flatMap((change) => (change.op === 'put' && change.entity === 'notification' ? [change.row as { contactId: string; readAt: number | null }] : []));
        return rows.find((row) => row.contactId === noteId)?.readAt ?? null;
      })
      .not.toBeNull();
  });
});
