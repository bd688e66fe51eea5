import { BrowserWindow, nativeTheme, screen } from 'electron';
import { PRODUCT_NAME } from '@core/config';
import type { WindowState } from '@core/desktop';
import type { DesktopStore } from './settings';

export interface MainWindowOptions {
  url: string;
  preload: string;
  icon: string;
  store: DesktopStore;
}

/** Restores saved bounds only when they are still on a connected display. */
function visibleBounds(state: WindowState): WindowState {
  if (state.x === undefined || state.y === undefined) return state;
  const { x, y, width, height } = state;
  const onScreen = screen.getAllDisplays().some(({ workArea: area }) =>
    x < area.x + area.width && x + width > area.x && y < area.y + area.height && y + height > area.y,
  );
  return onScreen ? state : { width, height, maximized: state.maximized };
}

export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const state = visibleBounds(options.store.windowState());
  const window = new BrowserWindow({
    ...(state.x !== undefined && state.y !== undefined ? { x: state.x, y: state.y } : {}),
    width: state.width,
    height: state.height,
    minWidth: 960,
    minHeight: 600,
    title: PRODUCT_NAME,
    icon: options.icon,
    show: false,
    backgroundColor: nativeTheme.shouldUseDarkColors ? '#121212' : '#f5f6f8',
    autoHideMenuBar: true,
    webPreferences: {
      preload: options.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: true,
    },
  });
  if (state.maximized) window.maximize();
  window.once('ready-to-show', () => window.show());

  const save = () => {
    if (window.isDestroyed() || window.isMinimized()) return;
    const bounds = window.getNormalBounds();
    options.store.saveWindowState({ ...bounds, maximized: window.isMaximized() });
  };
  let timer: NodeJS.Timeout | undefined;
  const saveSoon = () => {
    clearTimeout(timer);
    timer = setTimeout(save, 400);
  };
  window.on('resize', saveSoon);
  window.on('move', saveSoon);
  window.on('close', () => {
    clearTimeout(timer);
    save();
  });

  void window.loadURL(options.url);
  return window;
}
