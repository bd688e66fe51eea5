/**
 * The desktop shell: one secure window, the embedded hub when no hub is
 * configured, and the OS integration only main can do. Kept thin: the
 * workstation itself lives in the renderer, the rules in src/.
 */
import os from 'node:os';
import path from 'node:path';
import { app, crashReporter, dialog, Menu, nativeTheme, Notification, shell, type BrowserWindow } from 'electron';
import log from 'electron-log/main';
import electronUpdater from 'electron-updater';
import { NotificationRequestSchema } from '@core/bridge';
import { APP_ORIGIN, DEEP_LINK_SCHEME, PRODUCT_NAME } from '@core/config';
import { buildCsp, httpOrigin } from '@core/csp';
import { deepLinkToPath, findDeepLink } from '@core/deep-link';
import { insecureHubAllowed } from '@core/hub-security';
import { hubFailedTitle, startDesktopHub, type DesktopHub } from './hub-startup';
import { mainText } from './i18n';
import type { HubSupervisor } from './hub-supervisor';
import { registerIpc, sendEvent } from './ipc';
import { registerAppSchemePrivileges, serveRenderer } from './protocol';
import { createDesktopReminders } from './reminders';
import { installSecurityGuards } from './security';
import { DesktopStore } from './settings';
import { startLogsAndCrashDumps, startSupport } from './support';
import { updateDesktopSettings } from './settings-update';
import { createDesktopTray, type DesktopTray } from './tray';
import { createMainWindow } from './window';
import { manageWindowLifecycle } from './window-lifecycle';

const here = import.meta.dirname;
const rendererDir = path.join(here, '../renderer');
const preloadPath = path.join(here, '../preload/index.cjs');
const iconPath = path.join(app.getAppPath(), 'assets/icon.png');
const devServerUrl = process.env.ELECTRON_RENDERER_URL;

// A separate profile (settings, local cache, embedded hub) when asked: tests, or a second agent on one machine.
if (process.env.AGENTDESK_USER_DATA_DIR) app.setPath('userData', process.env.AGENTDESK_USER_DATA_DIR);
registerAppSchemePrivileges();
const support = startLogsAndCrashDumps({ app, log, crashReporter, env: process.env });

let mainWindow: BrowserWindow | null = null;
let embeddedHub: HubSupervisor | null = null;
let tray: DesktopTray | null = null;
/** Set once quitting is asked for (tray, Ctrl+Q, Cmd+Q, the OS): closing the window no longer hides it. */
let quitting = false;
const allowInsecure = insecureHubAllowed(process.env);
/** A deep link that arrived before the window could take it. */
let pendingPath: string | null = null;
/** Shown notifications, kept referenced so their click handlers stay alive. */
const liveNotifications = new Set<Notification>();

function showWindow(): void {
  if (!mainWindow) return void openWindow?.();
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
}

function sendToWindow(send: (window: BrowserWindow) => void): void {
  if (mainWindow && !mainWindow.webContents.isLoading()) send(mainWindow);
}

function openPath(appPath: string): void {
  if (!mainWindow || mainWindow.webContents.isLoading()) {
    // Taken by the window once its page has loaded.
    pendingPath = appPath;
    if (!mainWindow) openWindow?.();
    return;
  }
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
  sendEvent(mainWindow.webContents, 'app:navigate', { path: appPath });
}

function handleDeepLink(link: string | null): void {
  const appPath = link ? deepLinkToPath(link) : null;
  if (appPath) openPath(appPath);
}

async function start(): Promise<void> {
  const store = new DesktopStore();
  // The workstation's Alt+letter shortcuts must reach the page: no menu bar mnemonics on Windows and Linux
  // (macOS keeps its application menu, which uses Cmd).
  if (process.platform !== 'darwin') Menu.setApplicationMenu(null);
  nativeTheme.themeSource = store.settings().theme;

  const devOrigin = devServerUrl ? httpOrigin(devServerUrl) : null;
  const appOrigins = devOrigin ? [APP_ORIGIN, devOrigin] : [APP_ORIGIN];
  installSecurityGuards(appOrigins);

  let hub: DesktopHub | null;
  try {
    hub = await startDesktopHub({
      env: process.env,
      settingUrl: store.settings().hubUrl,
      clearSetting: () => store.updateSettings({ hubUrl: null }),
      mainDir: here,
      userDataDir: app.getPath('userData'),
      hubRestarted: (event) => sendToWindow((window) => sendEvent(window.webContents, 'hub:restarted', event)),
      text: mainText(store.settings().locale),
    });
    if (!hub) return app.quit();
    embeddedHub = hub.embedded;
  } catch (error) {
    dialog.showErrorBox(hubFailedTitle(mainText(store.settings().locale)), error instanceof Error ? error.message : String(error));
    app.exit(1);
    return;
  }
  const hubOrigin = httpOrigin(hub.url);
  const csp = buildCsp({ connectOrigins: hubOrigin ? [hubOrigin] : [], ...(devOrigin ? { devServerOrigin: devOrigin } : {}) });
  serveRenderer(rendererDir, csp);

  const reminders = createDesktopReminders({
    icon: iconPath,
    openPath,
    text: () => mainText(store.settings().locale),
    fired: (event) => {
      if (mainWindow && !mainWindow.webContents.isLoading()) sendEvent(mainWindow.webContents, 'reminders:fired', event);
    },
  });

  const { updates, handlers: supportHandlers } = startSupport({
    ...support,
    app,
    shell,
    log,
    updater: electronUpdater.autoUpdater,
    settings: store.settings(),
    hub,
    publish: (state) => {
      if (mainWindow && !mainWindow.webContents.isLoading()) sendEvent(mainWindow.webContents, 'updates:state', state);
    },
  });
  app.on('will-quit', () => updates.stop());

  registerIpc(
    {
      ...supportHandlers,
      'app:info': () => ({
        name: PRODUCT_NAME,
        version: app.getVersion(),
        host: 'electron',
        os: `${os.type()} ${os.release()}`,
        hubUrl: hub.url,
        hubMode: hub.mode,
        sessionStorage: store.sessionStorage(),
      }),
      'settings:get': () => store.settings(),
      'settings:update': (patch) => {
        const next = updateDesktopSettings(store, patch, { allowInsecure, say: (message) => mainText(store.settings().locale).say(message) });
        nativeTheme.themeSource = next.theme;
        if (patch.locale) tray?.refresh();
        return next;
      },
      'notify:show': (request) => {
        if (!Notification.isSupported()) return null;
        const parsed = NotificationRequestSchema.parse(request);
        const notification = new Notification({ title: parsed.title, body: parsed.body, icon: iconPath });
        liveNotifications.add(notification);
        notification.on('click', () => {
          liveNotifications.delete(notification);
          openPath(parsed.path ?? '/');
        });
        notification.on('close', () => liveNotifications.delete(notification));
        notification.show();
        return null;
      },
      'shell:open-external': async (url) => {
        await shell.openExternal(url);
        return null;
      },
      'session:load': () => store.loadSession(),
      'session:save': (session) => {
        store.saveSession(session);
        return null;
      },
      'reminders:set': (list) => {
        reminders.set(list);
        return null;
      },
      'badge:set': (counts) => {
        tray?.update(counts);
        return null;
      },
      'app:relaunch': () => {
        app.relaunch();
        app.quit();
        return null;
      },
    },
    {
      origins: appOrigins,
      isOwnWebContents: (contents) => mainWindow !== null && contents.id === mainWindow.webContents.id,
    },
  );

  openWindow = () => {
    const window = createMainWindow({ url: devServerUrl ?? `${APP_ORIGIN}/`, preload: preloadPath, icon: iconPath, store });
    mainWindow = window;
    manageWindowLifecycle(window, {
      hideOnClose: () => !quitting && tray !== null && store.settings().closeToTray,
      quit: () => app.quit(),
      platform: process.platform,
    });
    window.on('closed', () => {
      if (mainWindow === window) mainWindow = null;
    });
    window.webContents.once('did-finish-load', () => {
      const initial = pendingPath;
      pendingPath = null;
      if (initial) openPath(initial);
    });
  };
  pendingPath ??= deepLinkToPath(findDeepLink(process.argv) ?? '');
  openWindow();
  try {
    tray = createDesktopTray({
      icon: iconPath,
      open: (appPath) => (appPath ? openPath(appPath) : showWindow()),
      quit: () => app.quit(),
      text: () => mainText(store.settings().locale),
    });
  } catch (error) {
    // Some Linux desktops have no tray: closing the window then quits, as before.
    console.warn('No tray available:', error);
  }
}

/** Set once start-up is done; re-creates the window (macOS dock click). */
let openWindow: (() => void) | null = null;

if (!app.requestSingleInstanceLock()) {
  // Another AgentDesk is running: it receives our command line (and any deep link) and comes to the front.
  app.quit();
} else {
  app.setAsDefaultProtocolClient(DEEP_LINK_SCHEME);
  app.on('second-instance', (_event, argv) => {
    showWindow();
    handleDeepLink(findDeepLink(argv));
  });
  // macOS delivers deep links as open-url events, possibly before ready.
  app.on('open-url', (event, url) => {
    event.preventDefault();
    handleDeepLink(url);
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (openWindow) showWindow();
  });
  app.on('before-quit', () => {
    quitting = true;
  });
  app.on('will-quit', (event) => {
    tray?.destroy();
    tray = null;
    if (!embeddedHub) return;
    const hub = embeddedHub;
    embeddedHub = null;
    event.preventDefault();
    void hub.stop().finally(() => app.quit());
  });
  app.whenReady().then(start, (error: unknown) => {
    log.error(error);
    app.exit(1);
  });
}
