/**
 * The tray icon and the taskbar/dock badge: offers waiting and overdue follow-ups (src/tray.ts
 * words them). Badge: app.setBadgeCount on macOS and Linux (Unity launchers); Windows has no
 * numeric taskbar badge, so there the tray tooltip and menu carry the counts.
 */
import { app, Menu, nativeImage, Tray, type MenuItemConstructorOptions } from 'electron';
import { PRODUCT_NAME } from '@core/config';
import { NO_BADGE, trayModel, type BadgeCounts, type TrayEntry } from '@core/tray';
import type { MainText } from './i18n';

export interface DesktopTrayOptions {
  icon: string;
  /** Shows the window, opening `path` in it when given. */
  open(path: string | null): void;
  quit(): void;
  /** Words in the agent's language now (the choice can change while the tray lives). */
  text(): MainText;
}

export interface DesktopTray {
  update(counts: BadgeCounts): void;
  /** Says the same counts again (the language changed). */
  refresh(): void;
  destroy(): void;
}

function menuItem(entry: TrayEntry, options: DesktopTrayOptions): MenuItemConstructorOptions {
  switch (entry.kind) {
    case 'separator':
      return { type: 'separator' };
    case 'quit':
      return { label: entry.label, click: () => options.quit() };
    case 'open':
      return { label: entry.label, enabled: entry.enabled, click: () => options.open(entry.path) };
  }
}

export function createDesktopTray(options: DesktopTrayOptions): DesktopTray {
  const image = nativeImage.createFromPath(options.icon).resize({ width: 16, height: 16 });
  const tray = new Tray(image);
  // Windows and Linux: a click on the icon opens the window (macOS opens the menu, as users expect there).
  tray.on('click', () => options.open(null));
  let last = NO_BADGE;
  const update = (counts: BadgeCounts) => {
    last = counts;
    const text = options.text();
    const model = trayModel(PRODUCT_NAME, counts, text.say, text.list);
    tray.setToolTip(model.tooltip);
    tray.setContextMenu(Menu.buildFromTemplate(model.entries.map((entry) => menuItem(entry, options))));
    // False where the platform has no badge (Windows, most Linux desktops): the tray says it instead.
    app.setBadgeCount(model.badge);
  };
  update(NO_BADGE);
  return {
    update,
    refresh: () => update(last),
    destroy() {
      app.setBadgeCount(0);
      tray.destroy();
    },
  };
}
