/**
 * A stand-in for the `electron` module, so main/ runs under vitest where the Electron binary cannot
 * be downloaded. It records what main asks for (window options, handlers, tray menus, forked
 * processes…) and lets a test fire the events Electron would. Use it with
 *   vi.mock('electron', () => import('../helpers/fake-electron'));
 * and call `resetFakeElectron()` before each test.
 */
type Listener = (...args: never[]) => unknown;

export class FakeEmitter {
  private readonly listeners = new Map<string, { listener: Listener; once: boolean }[]>();

  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), { listener, once: false }]);
    return this;
  }

  once(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), { listener, once: true }]);
    return this;
  }

  removeListener(event: string, listener: Listener): this {
    this.listeners.set(event, (this.listeners.get(event) ?? []).filter((entry) => entry.listener !== listener));
    return this;
  }

  off(event: string, listener: Listener): this {
    return this.removeListener(event, listener);
  }

  removeAllListeners(): this {
    this.listeners.clear();
    return this;
  }

  listenerCount(event: string): number {
    return this.listeners.get(event)?.length ?? 0;
  }

  /** Fires `event` as Electron would; returns what the listeners returned. */
  emit(event: string, ...args: unknown[]): unknown[] {
    const entries = this.listeners.get(event) ?? [];
    this.listeners.set(event, entries.filter((entry) => !entry.once));
    return entries.map((entry) => (entry.listener as (...a: unknown[]) => unknown)(...args));
  }
}

/** An event object whose preventDefault() a test can check. */
export function fakeEvent(): { defaultPrevented: boolean; preventDefault(): void } {
  return {
    defaultPrevented: false,
    preventDefault() {
      this.defaultPrevented = true;
    },
  };
}

let nextId = 1;

export class FakeWebContents extends FakeEmitter {
  readonly id = nextId++;
  url = '';
  loading = false;
  readonly sent: { channel: string; payload: unknown }[] = [];
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;

  send(channel: string, payload: unknown): void {
    this.sent.push({ channel, payload });
  }
  getURL(): string {
    return this.url;
  }
  isLoading(): boolean {
    return this.loading;
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
}

export class FakeBrowserWindow extends FakeEmitter {
  readonly webContents = new FakeWebContents();
  visible = false;
  minimized = false;
  maximized = false;
  destroyed = false;
  loadedUrl: string | null = null;

  constructor(readonly options: Record<string, unknown>) {
    super();
    recorded.windows.push(this);
  }
  static getAllWindows(): FakeBrowserWindow[] {
    return recorded.windows.filter((window) => !window.destroyed);
  }
  loadURL(url: string): Promise<void> {
    this.loadedUrl = url;
    this.webContents.url = url;
    return Promise.resolve();
  }
  show(): void {
    this.visible = true;
  }
  hide(): void {
    this.visible = false;
  }
  focus(): void {}
  restore(): void {
    this.minimized = false;
  }
  maximize(): void {
    this.maximized = true;
  }
  isMaximized(): boolean {
    return this.maximized;
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  getNormalBounds(): { x: number; y: number; width: number; height: number } {
    return { x: 10, y: 20, width: 1200, height: 800 };
  }
  /** What closing it does: listeners may prevent it (hide to tray). Returns whether it closed. */
  close(): boolean {
    const event = fakeEvent();
    this.emit('close', event);
    if (event.defaultPrevented) return false;
    this.destroyed = true;
    this.emit('closed');
    return true;
  }
}

class FakeApp extends FakeEmitter {
  badgeCount = 0;
  quitCalls = 0;
  setBadgeCount(count: number): boolean {
    this.badgeCount = count;
    return true;
  }
  quit(): void {
    this.quitCalls += 1;
  }
  exit(): void {}
  relaunch(): void {}
  getVersion(): string {
    return '0.0.0-test';
  }
  /** The computer's languages, most preferred first (tests set them). */
  preferredSystemLanguages = ['en-GB'];
  getPreferredSystemLanguages(): string[] {
    return this.preferredSystemLanguages;
  }
  getPath(name: string): string {
    return `/tmp/fake-electron/${name}`;
  }
  getAppPath(): string {
    return '/tmp/fake-electron/app';
  }
}

export interface FakeTrayRecord {
  image: unknown;
  tooltip: string;
  menu: FakeMenu | null;
  destroyed: boolean;
}

export class Tray extends FakeEmitter implements FakeTrayRecord {
  tooltip = '';
  menu: FakeMenu | null = null;
  destroyed = false;
  constructor(readonly image: unknown) {
    super();
    recorded.trays.push(this);
  }
  setToolTip(text: string): void {
    this.tooltip = text;
  }
  setContextMenu(menu: FakeMenu): void {
    this.menu = menu;
  }
  destroy(): void {
    this.destroyed = true;
  }
}

export interface FakeMenuItem {
  label?: string;
  type?: string;
  enabled?: boolean;
  click?: () => void;
}

export interface FakeMenu {
  items: FakeMenuItem[];
}

export const Menu = {
  buildFromTemplate(template: FakeMenuItem[]): FakeMenu {
    return { items: template };
  },
  setApplicationMenu(menu: FakeMenu | null): void {
    recorded.applicationMenu = menu;
  },
};

export const nativeImage = {
  createFromPath(file: string) {
    const image = { file, size: null as null | { width: number; height: number }, resize: (size: { width: number; height: number }) => ({ ...image, size }) };
    return image;
  },
};

export class FakeUtilityProcess extends FakeEmitter {
  readonly posted: unknown[] = [];
  killed = false;
  constructor(
    readonly modulePath: string,
    readonly args: string[],
    readonly options: Record<string, unknown>,
  ) {
    super();
  }
  postMessage(message: unknown): void {
    this.posted.push(message);
  }
  kill(): boolean {
    this.killed = true;
    this.emit('exit', 15);
    return true;
  }
}

export const utilityProcess = {
  fork(modulePath: string, args: string[] = [], options: Record<string, unknown> = {}): FakeUtilityProcess {
    const child = new FakeUtilityProcess(modulePath, args, options);
    recorded.forks.push(child);
    return child;
  },
};

export const safeStorage = {
  available: true,
  backend: 'gnome_libsecret',
  isEncryptionAvailable(): boolean {
    return this.available;
  },
  getSelectedStorageBackend(): string {
    return this.backend;
  },
  /** Reversible but not plain: enough to tell encrypted from not. */
  encryptString(text: string): Buffer {
    return Buffer.from(`enc:${Buffer.from(text).toString('base64')}`);
  },
  decryptString(data: Buffer): string {
    const text = data.toString();
    if (!text.startsWith('enc:')) throw new Error('not encrypted with this keychain');
    return Buffer.from(text.slice(4), 'base64').toString();
  },
};

type PermissionRequestHandler = (contents: FakeWebContents, permission: string, callback: (granted: boolean) => void) => void;
type PermissionCheckHandler = (contents: FakeWebContents | null, permission: string, requestingOrigin: string) => boolean;

export const session = {
  defaultSession: {
    permissionRequestHandler: null as PermissionRequestHandler | null,
    permissionCheckHandler: null as PermissionCheckHandler | null,
    setPermissionRequestHandler(handler: PermissionRequestHandler) {
      this.permissionRequestHandler = handler;
    },
    setPermissionCheckHandler(handler: PermissionCheckHandler) {
      this.permissionCheckHandler = handler;
    },
  },
};

export const ipcMain = {
  handle(channel: string, handler: (event: unknown, ...args: unknown[]) => unknown): void {
    recorded.ipcHandlers.set(channel, handler);
  },
};

export const protocol = {
  registerSchemesAsPrivileged(schemes: unknown[]): void {
    recorded.privilegedSchemes.push(...schemes);
  },
  handle(scheme: string, handler: (request: Request) => Promise<Response> | Response): void {
    recorded.protocolHandlers.set(scheme, handler);
  },
};

export const shell = {
  openExternal(url: string): Promise<void> {
    recorded.openedExternally.push(url);
    return Promise.resolve();
  },
};

export const dialog = {
  nextResponse: 0,
  showMessageBox(options: Record<string, unknown>): Promise<{ response: number }> {
    recorded.dialogs.push(options);
    return Promise.resolve({ response: this.nextResponse });
  },
  showErrorBox(title: string, content: string): void {
    recorded.dialogs.push({ title, content });
  },
};

export const screen = {
  displays: [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }],
  getAllDisplays() {
    return this.displays;
  },
};

export const nativeTheme = { shouldUseDarkColors: false, themeSource: 'system' };

export class Notification extends FakeEmitter {
  static isSupported(): boolean {
    return true;
  }
  constructor(readonly options: Record<string, unknown>) {
    super();
  }
  show(): void {
    recorded.notifications.push(this);
  }
}

export const powerMonitor = new FakeEmitter();

export const app = new FakeApp();

export const recorded = {
  windows: [] as FakeBrowserWindow[],
  trays: [] as Tray[],
  forks: [] as FakeUtilityProcess[],
  ipcHandlers: new Map<string, (event: unknown, ...args: unknown[]) => unknown>(),
  protocolHandlers: new Map<string, (request: Request) => Promise<Response> | Response>(),
  privilegedSchemes: [] as unknown[],
  openedExternally: [] as string[],
  dialogs: [] as Record<string, unknown>[],
  applicationMenu: undefined as FakeMenu | null | undefined,
  /** Notifications shown, in order. */
  notifications: [] as Notification[],
};

/** Forgets everything recorded and every listener, between tests. */
export function resetFakeElectron(): void {
  recorded.windows.length = 0;
  recorded.trays.length = 0;
  recorded.forks.length = 0;
  recorded.ipcHandlers.clear();
  recorded.protocolHandlers.clear();
  recorded.privilegedSchemes.length = 0;
  recorded.openedExternally.length = 0;
  recorded.dialogs.length = 0;
  recorded.applicationMenu = undefined;
  recorded.notifications.length = 0;
  app.removeAllListeners();
  powerMonitor.removeAllListeners();
  app.badgeCount = 0;
  app.quitCalls = 0;
  safeStorage.available = true;
  safeStorage.backend = 'gnome_libsecret';
  session.defaultSession.permissionRequestHandler = null;
  session.defaultSession.permissionCheckHandler = null;
  dialog.nextResponse = 0;
}

export const BrowserWindow = FakeBrowserWindow;
export type BrowserWindow = FakeBrowserWindow;
export type WebContents = FakeWebContents;

export default {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  nativeImage,
  nativeTheme,
  Notification,
  powerMonitor,
  protocol,
  safeStorage,
  screen,
  session,
  shell,
  Tray,
  utilityProcess,
};
