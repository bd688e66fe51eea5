/** Closing hides to the tray (when set), and Ctrl+Q quits: the window's part of "quitting is explicit". */
import type { BrowserWindow } from 'electron';
import { isQuitShortcut } from './shortcuts';

export interface WindowLifecycleOptions {
  /** Whether closing the window should hide it instead (tray present, setting on, not quitting). */
  hideOnClose(): boolean;
  quit(): void;
  platform: NodeJS.Platform;
}

export function manageWindowLifecycle(window: BrowserWindow, options: WindowLifecycleOptions): void {
  window.on('close', (event) => {
    if (!options.hideOnClose()) return;
    event.preventDefault();
    window.hide();
  });
  window.webContents.on('before-input-event', (event, input) => {
    if (!isQuitShortcut(input, options.platform)) return;
    event.preventDefault();
    options.quit();
  });
}
