/**
 * The desktop's self-update decisions, without Electron: which feed to use,
 * when to check, what the agent is told, and whether a restart may happen now.
 * main/updates.ts wires these to electron-updater.
 */
import { z } from 'zod';
import { defineMessages } from '@formatjs/intl';
import type { Message } from './i18n/messages';

/** Why an installation does not check: a development build, or no feed. */
export const UpdateNoteSchema = z.enum(['development', 'no-feed']);
export type UpdateNote = z.infer<typeof UpdateNoteSchema>;
/** What went wrong with a check or download, as far as the agent can act on it. */
export const UpdateErrorSchema = z.enum(['unreachable', 'no-release', 'integrity', 'failed']);
export type UpdateError = z.infer<typeof UpdateErrorSchema>;
/** Why "Restart to update" did not restart. */
export const RestartRefusalSchema = z.enum(['not-ready', 'mid-contact', 'browser']);
export type RestartRefusal = z.infer<typeof RestartRefusalSchema>;

/** Where the updater stands, as the renderer shows it. */
export const UpdateStatusSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('idle') }).strict(),
  z.object({ state: z.literal('checking') }).strict(),
  z.object({ state: z.literal('available'), version: z.string().max(64) }).strict(),
  z.object({ state: z.literal('downloading'), version: z.string().max(64), percent: z.number().min(0).max(100) }).strict(),
  z.object({ state: z.literal('ready'), version: z.string().max(64) }).strict(),
  z.object({ state: z.literal('none') }).strict(),
  z.object({ state: z.literal('error'), error: UpdateErrorSchema }).strict(),
]);
export type UpdateStatus = z.infer<typeof UpdateStatusSchema>;

export const UpdateStateSchema = z
  .object({
    status: UpdateStatusSchema,
    /** The feed in use; null: this installation does not update itself. */
    feedUrl: z.string().max(2100).nullable(),
    /** Why there is no feed or no checking (the renderer says it in the agent's language). */
    note: UpdateNoteSchema.nullable(),
    /** When the last check finished (ms since epoch). */
    checkedAt: z.number().int().nullable(),
  })
  .strict();
export type UpdateState = z.infer<typeof UpdateStateSchema>;

/** What main answers to "Restart to update". */
export const RestartAnswerSchema = z.object({ restarting: z.boolean(), reason: RestartRefusalSchema.nullable() }).strict();
export type RestartAnswer = z.infer<typeof RestartAnswerSchema>;

/** First check a little after start (the window and hub first), then every four hours. */
export const FIRST_CHECK_DELAY_MS = 30_000;
export const CHECK_INTERVAL_MS = 4 * 60 * 60 * 1000;
/** How often main asks whether a check is due: a computer that slept through a check catches up soon after waking. */
export const CHECK_TICK_MS = 15 * 60 * 1000;

export type HubMode = 'embedded' | 'remote' | 'served';

/**
 * The feed: the one set in settings, else a remote hub's own /updates/.
 * An embedded hub serves no installers, so it has none unless one is set.
 */
export function resolveFeedUrl(settings: { updateFeedUrl: string | null }, hub: { url: string; mode: HubMode }): string | null {
  if (settings.updateFeedUrl) return withTrailingSlash(settings.updateFeedUrl);
  if (hub.mode === 'remote') return `${hub.url.replace(/\/+$/, '')}/updates/`;
  return null;
}

function withTrailingSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}

/** Why this installation does not check, or null when it does. */
export function whyNotChecking(input: { packaged: boolean; feedUrl: string | null }): UpdateNote | null {
  if (!input.packaged) return 'development';
  if (!input.feedUrl) return 'no-feed';
  return null;
}

/** Whether a scheduled check is due: never while one runs or once an update waits to be installed. */
export function isCheckDue(status: UpdateStatus, lastCheckAt: number | null, now: number): boolean {
  if (status.state === 'checking' || status.state === 'downloading' || status.state === 'ready') return false;
  return lastCheckAt === null || now - lastCheckAt >= CHECK_INTERVAL_MS;
}

/**
 * Whether "Restart to update" may restart now. Never mid-contact: the agent
 * finishes the contact first (the update also installs when they quit).
 */
export function decideRestart(input: { status: UpdateStatus; midContact: boolean }): RestartAnswer {
  if (input.status.state !== 'ready') return { restarting: false, reason: 'not-ready' };
  if (input.midContact) return { restarting: false, reason: 'mid-contact' };
  return { restarting: true, reason: null };
}

/** The updater's error as something an agent can act on (no stack, no URL with a query). */
export function classifyUpdateError(error: unknown): UpdateError {
  const text = error instanceof Error ? error.message : String(error);
  if (/ENOTFOUND|ECONNREFUSED|ETIMEDOUT|EAI_AGAIN|net::ERR_/i.test(text)) return 'unreachable';
  if (/\b404\b/.test(text)) return 'no-release';
  if (/sha512|checksum|signature|not signed|publisherName/i.test(text)) return 'integrity';
  return 'failed';
}

const messages = defineMessages({
  development: { id: 'desktop.updates.development', defaultMessage: 'This is a development build: only installed copies update themselves.' },
  noFeed: { id: 'desktop.updates.noFeed', defaultMessage: 'No update feed is set. Your IT department installs new versions, or sets a feed here.' },
  unreachable: { id: 'desktop.updates.unreachable', defaultMessage: 'The update feed could not be reached; AgentDesk tries again later.' },
  noRelease: { id: 'desktop.updates.noRelease', defaultMessage: 'The update feed has no release for this system yet.' },
  integrity: { id: 'desktop.updates.integrity', defaultMessage: 'The downloaded update failed its integrity check and was not installed.' },
  failed: { id: 'desktop.updates.failed', defaultMessage: 'Checking for updates failed; AgentDesk tries again later. The log has the details.' },
  idle: { id: 'desktop.updates.idle', defaultMessage: 'Not checked yet.' },
  checking: { id: 'desktop.updates.checking', defaultMessage: 'Checking for updates…' },
  available: { id: 'desktop.updates.available', defaultMessage: 'Version {version} is available; downloading it in the background.' },
  downloading: { id: 'desktop.updates.downloading', defaultMessage: 'Downloading version {version}: {percent, number, ::percent}.' },
  ready: { id: 'desktop.updates.ready', defaultMessage: 'Version {version} is ready. It installs when you quit AgentDesk, or now with “Restart to update”.' },
  none: { id: 'desktop.updates.none', defaultMessage: 'AgentDesk is up to date.' },
  notReady: { id: 'desktop.updates.notReady', defaultMessage: 'No update is ready to install yet.' },
  midContact: { id: 'desktop.updates.midContact', defaultMessage: 'Finish your contact first: the update installs when you restart or quit AgentDesk.' },
  browser: { id: 'desktop.updates.browser', defaultMessage: 'In a browser the workstation updates itself when the hub serves a new version.' },
});

const NOTE_MESSAGES = { development: messages.development, 'no-feed': messages.noFeed } as const;
const ERROR_MESSAGES = { unreachable: messages.unreachable, 'no-release': messages.noRelease, integrity: messages.integrity, failed: messages.failed } as const;
const REFUSAL_MESSAGES = { 'not-ready': messages.notReady, 'mid-contact': messages.midContact, browser: messages.browser } as const;

export const updateNoteMessage = (note: UpdateNote): Message => ({ descriptor: NOTE_MESSAGES[note] });
export const restartRefusalMessage = (reason: RestartRefusal): Message => ({ descriptor: REFUSAL_MESSAGES[reason] });

/** What the Updates panel says about a status. */
export function describeUpdateStatus(status: UpdateStatus): Message {
  switch (status.state) {
    case 'idle':
      return { descriptor: messages.idle };
    case 'checking':
      return { descriptor: messages.checking };
    case 'available':
      return { descriptor: messages.available, values: { version: status.version } };
    case 'downloading':
      return { descriptor: messages.downloading, values: { version: status.version, percent: Math.floor(status.percent) / 100 } };
    case 'ready':
      return { descriptor: messages.ready, values: { version: status.version } };
    case 'none':
      return { descriptor: messages.none };
    case 'error':
      return { descriptor: ERROR_MESSAGES[status.error] };
  }
}

/** The parts of electron-updater's autoUpdater the controller uses (a fake in tests). */
export interface Updater {
  on(event: 'checking-for-update' | 'update-not-available', listener: () => void): unknown;
  on(event: 'update-available' | 'update-downloaded', listener: (info: { version: string }) => void): unknown;
  on(event: 'download-progress', listener: (progress: { percent: number }) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  checkForUpdates(): Promise<unknown>;
  quitAndInstall(isSilent?: boolean, isForceRunAfter?: boolean): void;
}

export interface UpdateControllerOptions {
  updater: Updater;
  feedUrl: string | null;
  packaged: boolean;
  now: () => number;
  /** Called with every new state (main sends it to the renderer). */
  publish: (state: UpdateState) => void;
  /** Anything worth the log file. */
  log: (message: string) => void;
}

export interface UpdateController {
  state(): UpdateState;
  /** A check, unless one is running or an update waits; scheduled checks pass `scheduled`. */
  check(options?: { scheduled?: boolean }): Promise<UpdateState>;
  setMidContact(midContact: boolean): void;
  /** "Restart to update": restarts and installs only when allowed. */
  restart(): RestartAnswer;
}

/** Follows the updater's events into one state and applies the decisions above. */
export function createUpdateController(options: UpdateControllerOptions): UpdateController {
  const note = whyNotChecking({ packaged: options.packaged, feedUrl: options.feedUrl });
  let state: UpdateState = { status: { state: 'idle' }, feedUrl: options.feedUrl, note, checkedAt: null };
  let lastCheckStartedAt: number | null = null;
  let midContact = false;

  const set = (status: UpdateStatus, patch: Partial<UpdateState> = {}) => {
    state = { ...state, ...patch, status };
    options.publish(state);
  };
  const { updater } = options;
  updater.on('checking-for-update', () => set({ state: 'checking' }));
  updater.on('update-not-available', () => set({ state: 'none' }, { checkedAt: options.now() }));
  updater.on('update-available', (info) => set({ state: 'available', version: info.version }, { checkedAt: options.now() }));
  updater.on('download-progress', (progress) => {
    const version = 'version' in state.status ? state.status.version : '';
    set({ state: 'downloading', version, percent: Math.min(100, Math.max(0, progress.percent)) });
  });
  updater.on('update-downloaded', (info) => {
    options.log(`Update ${info.version} downloaded; it installs on quit or restart.`);
    set({ state: 'ready', version: info.version });
  });
  updater.on('error', (error) => {
    options.log(`Update check failed: ${error.message}`);
    set({ state: 'error', error: classifyUpdateError(error) }, { checkedAt: options.now() });
  });

  return {
    state: () => state,
    async check({ scheduled = false } = {}) {
      if (note) return state;
      const now = options.now();
      if (scheduled ? !isCheckDue(state.status, lastCheckStartedAt, now) : !isCheckDue(state.status, null, now)) return state;
      lastCheckStartedAt = now;
      try {
        await updater.checkForUpdates();
      } catch (error) {
        // Also reported through 'error'; this keeps a rejected promise from going unhandled.
        if (state.status.state !== 'error') set({ state: 'error', error: classifyUpdateError(error) }, { checkedAt: options.now() });
      }
      return state;
    },
    setMidContact(value) {
      midContact = value;
    },
    restart() {
      const answer = decideRestart({ status: state.status, midContact });
      if (answer.restarting) {
        options.log('Restarting to install the update, as the agent asked.');
        updater.quitAndInstall(false, true);
      }
      return answer;
    },
  };
}
