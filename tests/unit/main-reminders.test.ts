import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Reminder } from '@core/reminders';
import { recorded, resetFakeElectron } from '../helpers/fake-electron';
import { createDesktopReminders, type DesktopReminders } from '../../main/reminders';
import { mainText, type MainText } from '../../main/i18n';

vi.mock('electron', () => import('../helpers/fake-electron'));

/** Reminders already due, worded by the renderer in the agent's language. */
const due = (count: number, title = (i: number) => `Rückruf fällig: Kunde ${i}`): Reminder[] =>
  Array.from({ length: count }, (_, i) => ({ id: `fu_${i + 1}`, at: Date.now() - (count - i) * 60_000, title: title(i + 1), body: 'Fällig Mo., 7. Dez., 10:00', path: `/customer?id=cus_${i + 1}` }));

describe('desktop reminder notifications', () => {
  let language: MainText;
  let reminders: DesktopReminders;
  const shown = () => recorded.notifications.map((notification) => ({ title: notification.options.title, body: notification.options.body }));

  beforeEach(() => {
    resetFakeElectron();
    language = mainText('en-GB');
    reminders = createDesktopReminders({ icon: '/app/assets/icon.png', openPath: vi.fn(), fired: vi.fn(), text: () => language });
  });
  afterEach(() => reminders.dispose());

  it('shows each reminder as the renderer worded it', () => {
    language = mainText('de');
    reminders.set(due(2));
    expect(shown()).toEqual([
      { title: 'Rückruf fällig: Kunde 1', body: 'Fällig Mo., 7. Dez., 10:00' },
      { title: 'Rückruf fällig: Kunde 2', body: 'Fällig Mo., 7. Dez., 10:00' },
    ]);
  });

  it('sums up several due at once in the agent’s language, as chosen when they go off', () => {
    reminders.set(due(5, (i) => `Callback due: Customer ${i}`));
    expect(shown()).toEqual([{ title: '5 follow-ups are due', body: 'Callback due: Customer 1\nCallback due: Customer 2\nCallback due: Customer 3\n…and 2 more' }]);

    resetFakeElectron();
    language = mainText('de');
    reminders.set(due(4).map((reminder) => ({ ...reminder, id: reminder.id.replace('fu', 'de') })));
    expect(shown()).toEqual([{ title: '4 Folgekontakte sind fällig', body: 'Rückruf fällig: Kunde 1\nRückruf fällig: Kunde 2\nRückruf fällig: Kunde 3\n…und 1 weitere' }]);

    resetFakeElectron();
    language = mainText('es');
    reminders.set(due(4, (i) => `Devolución de llamada pendiente: Cliente ${i}`).map((reminder) => ({ ...reminder, id: reminder.id.replace('fu', 'es') })));
    expect(shown()[0]?.title).toBe('4 seguimientos vencen ahora');
    expect(shown()[0]?.body).toMatch(/\n…y 1 más$/);
  });
});
