import { beforeEach, describe, expect, it, vi } from 'vitest';
import { badgeCount, trayModel } from '@core/tray';
import { ipcInvokeContract } from '@core/bridge';
import { app, recorded, resetFakeElectron } from '../helpers/fake-electron';
import { createDesktopTray } from '../../main/tray';
import { mainText } from '../../main/i18n';

vi.mock('electron', () => import('../helpers/fake-electron'));

describe('what the tray and badge say', () => {
  it('counts offers and overdue follow-ups together on the badge', () => {
    expect(badgeCount({ offers: 2, overdueFollowUps: 3 })).toBe(5);
    expect(badgeCount({ offers: 0, overdueFollowUps: 0 })).toBe(0);
  });

  const english = mainText('en-GB');
  const tooltip = (counts: { offers: number; overdueFollowUps: number }, text = english) => trayModel('AgentDesk', counts, text.say, text.list).tooltip;

  it('words the counts for the tooltip, singular and plural', () => {
    expect(tooltip({ offers: 0, overdueFollowUps: 0 })).toBe('AgentDesk');
    expect(tooltip({ offers: 1, overdueFollowUps: 0 })).toBe('AgentDesk: 1 offer waiting for you');
    expect(tooltip({ offers: 2, overdueFollowUps: 1 })).toBe('AgentDesk: 2 offers waiting for you and 1 follow-up overdue');
    expect(tooltip({ offers: 0, overdueFollowUps: 4 })).toBe('AgentDesk: 4 follow-ups overdue');
  });

  it('says them in the language the agent chose, else the computer’s', () => {
    expect(tooltip({ offers: 2, overdueFollowUps: 1 }, mainText('de'))).toBe('AgentDesk: 2 Angebote warten auf Sie und 1 Folgekontakt überfällig');
    expect(tooltip({ offers: 1, overdueFollowUps: 0 }, mainText('es'))).toBe('AgentDesk: 1 oferta te espera');
    app.preferredSystemLanguages = ['es-MX', 'en-US'];
    try {
      expect(mainText('system').locale).toBe('es');
    } finally {
      app.preferredSystemLanguages = ['en-GB'];
    }
  });

  it('refuses counts that are not whole, non-negative numbers', () => {
    const args = ipcInvokeContract['badge:set'].args;
    expect(args.safeParse([{ offers: 1, overdueFollowUps: 0 }]).success).toBe(true);
    for (const bad of [{ offers: -1, overdueFollowUps: 0 }, { offers: 1.5, overdueFollowUps: 0 }, { offers: 1 }, { offers: 1, overdueFollowUps: 0, more: 1 }]) {
      expect(args.safeParse([bad]).success, JSON.stringify(bad)).toBe(false);
    }
  });
});

describe('the tray icon', () => {
  const open = vi.fn();
  const quit = vi.fn();
  beforeEach(() => {
    resetFakeElectron();
    open.mockClear();
    quit.mockClear();
  });

  let language = mainText('en-GB');
  const labels = () => recorded.trays[0]!.menu!.items.map((item) => (item.type === 'separator' ? '—' : `${item.label}${item.enabled === false ? ' (disabled)' : ''}`));

  it('says the same counts again in another language when the agent changes it', () => {
    const tray = createDesktopTray({ icon: '/app/assets/icon.png', open, quit, text: () => language });
    tray.update({ offers: 1, overdueFollowUps: 0 });
    language = mainText('de');
    try {
      tray.refresh();
      expect(labels()).toEqual(['AgentDesk öffnen', '—', '1 Angebot wartet auf Sie', 'Keine überfälligen Folgekontakte (disabled)', '—', 'AgentDesk beenden']);
    } finally {
      language = mainText('en-GB');
    }
  });

  it('starts with nothing waiting: open, the two counts disabled, quit', () => {
    createDesktopTray({ icon: '/app/assets/icon.png', open, quit, text: () => language });
    expect(recorded.trays[0]!.tooltip).toBe('AgentDesk');
    expect(labels()).toEqual(['Open AgentDesk', '—', 'No offers waiting (disabled)', 'No overdue follow-ups (disabled)', '—', 'Quit AgentDesk']);
    expect(app.badgeCount).toBe(0);
  });

  it('shows the counts, on the badge too, and its entries open the queue and the follow-ups', () => {
    const tray = createDesktopTray({ icon: '/app/assets/icon.png', open, quit, text: () => language });
    tray.update({ offers: 1, overdueFollowUps: 2 });
    expect(app.badgeCount).toBe(3);
    expect(recorded.trays[0]!.tooltip).toBe('AgentDesk: 1 offer waiting for you and 2 follow-ups overdue');
    expect(labels()).toEqual(['Open AgentDesk', '—', '1 offer waiting for you', '2 follow-ups overdue', '—', 'Quit AgentDesk']);
    const items = recorded.trays[0]!.menu!.items;
    items[0]!.click!();
    items[2]!.click!();
    items[3]!.click!();
    expect(open.mock.calls).toEqual([[null], ['/queue'], ['/follow-ups']]);
    expect(quit).not.toHaveBeenCalled();
    items[5]!.click!();
    expect(quit).toHaveBeenCalledTimes(1);
  });

  it('opens the window on a click of the icon, and clears the badge when it goes', () => {
    const tray = createDesktopTray({ icon: '/app/assets/icon.png', open, quit, text: () => language });
    tray.update({ offers: 4, overdueFollowUps: 0 });
    recorded.trays[0]!.emit('click');
    expect(open).toHaveBeenCalledWith(null);
    tray.destroy();
    expect(recorded.trays[0]!.destroyed).toBe(true);
    expect(app.badgeCount).toBe(0);
  });
});
