/**
 * The bridge: the one interface the renderer uses to talk to its host.
 *
 * It has two implementations with this same type: the Electron preload
 * (`window.agentdesk`, backed by IPC that main validates with the schemas
 * below) and the browser bridge (web APIs) used in serve mode.
 */
import { z } from 'zod';
import { AppPathSchema } from './app-path';
import { describeProblems } from './domain/problems';
import { UserSchema } from './domain/model';
import { ReminderListSchema, RemindersFiredEventSchema, type Reminder } from './reminders';
import { HostDiagnosticsSchema, type HostDiagnostics } from './diagnostics';
import { RestartAnswerSchema, UpdateStateSchema, type RestartAnswer, type UpdateState } from './updates';
import { BadgeCountsSchema, type BadgeCounts } from './tray';
import { LocaleChoiceSchema } from './i18n/locales';

export { AppPathSchema };

export const ThemePreferenceSchema = z.enum(['system', 'light', 'dark']);
export type ThemePreference = z.infer<typeof ThemePreferenceSchema>;

/** An http(s) URL with no credentials, at most 2 KiB long. */
export const HttpUrlSchema = z
  .string()
  .max(2048)
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === 'http:' || url.protocol === 'https:') && !url.username && !url.password;
    } catch {
      return false;
    }
  }, 'must be an http:// or https:// address');

export const HostKindSchema = z.enum(['electron', 'browser']);
export type HostKind = z.infer<typeof HostKindSchema>;

export const AppInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  host: HostKindSchema,
  os: z.string(),
  /** Where the renderer's hub answers. */
  hubUrl: HttpUrlSchema,
  /** embedded: started by the desktop shell in a process of its own; remote: configured; served: the page's own origin. */
  hubMode: z.enum(['embedded', 'remote', 'served']),
  /** Desktop: where the signed-in session is kept (memory: no OS keychain, so signing in again at each start). */
  sessionStorage: z.enum(['keychain', 'memory']).optional(),
});
export type AppInfo = z.infer<typeof AppInfoSchema>;

const desktopSettingsFields = {
  /** null means "start the embedded hub". Takes effect after a restart. */
  hubUrl: HttpUrlSchema.nullable(),
  theme: ThemePreferenceSchema,
  /** The generic update feed; null: a remote hub's own /updates/, none with the embedded hub. Takes effect after a restart. */
  updateFeedUrl: HttpUrlSchema.nullable(),
  /** Closing the window keeps the app running in the tray (quit from the tray or with Ctrl+Q). */
  closeToTray: z.boolean(),
  /** The language the agent chose in Settings ('system': the computer's), for the tray, dialogs and notifications main shows. */
  locale: LocaleChoiceSchema,
};
// Settings saved before a field existed read as its default (src/desktop.ts fills them in).
export const DesktopSettingsSchema = z.object(desktopSettingsFields);
export type DesktopSettings = z.infer<typeof DesktopSettingsSchema>;

export const DEFAULT_DESKTOP_SETTINGS: DesktopSettings = { hubUrl: null, theme: 'system', updateFeedUrl: null, closeToTray: true, locale: 'system' };

// Without defaults: a patch that leaves a field out leaves it as it is.
export const DesktopSettingsPatchSchema = z.object(desktopSettingsFields).partial().strict();
export type DesktopSettingsPatch = z.infer<typeof DesktopSettingsPatchSchema>;

export const NotificationRequestSchema = z
  .object({
    title: z.string().min(1).max(200),
    body: z.string().max(1000).default(''),
    /** Notifications with the same tag replace each other. */
    tag: z.string().max(200).optional(),
    /** Where clicking the notification takes the agent. */
    path: AppPathSchema.optional(),
  })
  .strict();
export type NotificationRequest = z.input<typeof NotificationRequestSchema>;

/** A signed-in session, remembered across restarts (encrypted at rest in the desktop app). */
export const StoredSessionSchema = z.object({
  token: z.string().min(32).max(200),
  expiresAt: z.number().int(),
  user: UserSchema,
  hubId: z.string().min(1).max(64),
  /** The hub this session belongs to. */
  hubUrl: HttpUrlSchema,
});
export type StoredSession = z.infer<typeof StoredSessionSchema>;

/** A line for the desktop's log file (the renderer's errors and warnings). */
export const LogEntrySchema = z.object({ level: z.enum(['error', 'warn', 'info']), message: z.string().max(4000) }).strict();
export type LogEntry = z.infer<typeof LogEntrySchema>;
/** The embedded hub's child process ended unexpectedly: restarted (same address), or given up on after repeated crashes. */
export const HubRestartedEventSchema = z.object({ outcome: z.enum(['restarted', 'gave-up']) }).strict();
export type HubRestartedEvent = z.infer<typeof HubRestartedEventSchema>;

export const NavigateEventSchema = z.object({ path: AppPathSchema }).strict();
export type NavigateEvent = z.infer<typeof NavigateEventSchema>;

/**
 * Request/response IPC channels: arguments and results are validated on both
 * sides (preload and main). Main also checks every call's sender.
 */
export const ipcInvokeContract = {
  'app:info': { args: z.tuple([]), result: AppInfoSchema },
  'settings:get': { args: z.tuple([]), result: DesktopSettingsSchema },
  'settings:update': { args: z.tuple([DesktopSettingsPatchSchema]), result: DesktopSettingsSchema },
  'notify:show': { args: z.tuple([NotificationRequestSchema]), result: z.null() },
  'shell:open-external': { args: z.tuple([HttpUrlSchema]), result: z.null() },
  'app:relaunch': { args: z.tuple([]), result: z.null() },
  'session:load': { args: z.tuple([]), result: StoredSessionSchema.nullable() },
  'session:save': { args: z.tuple([StoredSessionSchema.nullable()]), result: z.null() },
  /** Replaces the follow-up reminders the host shows at their time (an empty list stops them). */
  'reminders:set': { args: z.tuple([ReminderListSchema]), result: z.null() },
  // Updates, logs and diagnostics (main/updates.ts, main/logging.ts).
  'updates:state': { args: z.tuple([]), result: UpdateStateSchema },
  'updates:check': { args: z.tuple([]), result: UpdateStateSchema },
  'updates:restart': { args: z.tuple([]), result: RestartAnswerSchema },
  'updates:mid-contact': { args: z.tuple([z.boolean()]), result: z.null() },
  'log:write': { args: z.tuple([LogEntrySchema]), result: z.null() },
  'logs:open-folder': { args: z.tuple([]), result: z.null() },
  'diagnostics:host': { args: z.tuple([]), result: HostDiagnosticsSchema },
  /** What the tray and the taskbar/dock badge count. */
  'badge:set': { args: z.tuple([BadgeCountsSchema]), result: z.null() },
} as const;
export type IpcInvokeChannel = keyof typeof ipcInvokeContract;
export type IpcArgs<C extends IpcInvokeChannel> = z.input<(typeof ipcInvokeContract)[C]['args']>;
export type IpcParsedArgs<C extends IpcInvokeChannel> = z.output<(typeof ipcInvokeContract)[C]['args']>;
export type IpcResult<C extends IpcInvokeChannel> = z.output<(typeof ipcInvokeContract)[C]['result']>;

/** Main → renderer events. */
export const ipcEventContract = {
  'app:navigate': NavigateEventSchema,
  /** The host's reminder timer went off: the renderer records these reminders as seen on this device. */
  'reminders:fired': RemindersFiredEventSchema,
  'updates:state': UpdateStateSchema,
  'hub:restarted': HubRestartedEventSchema,
} as const;
export type IpcEventChannel = keyof typeof ipcEventContract;
export type IpcEvent<C extends IpcEventChannel> = z.output<(typeof ipcEventContract)[C]>;
export type RemindersFiredEvent = IpcEvent<'reminders:fired'>;

export interface AgentDeskBridge {
  readonly host: HostKind;
  appInfo(): Promise<AppInfo>;
  getSettings(): Promise<DesktopSettings>;
  updateSettings(patch: DesktopSettingsPatch): Promise<DesktopSettings>;
  notify(request: NotificationRequest): Promise<void>;
  openExternal(url: string): Promise<void>;
  /** Restarts the app (Electron) or reloads the page (browser). */
  relaunch(): Promise<void>;
  /** The remembered session, if any (null when signed out or when it cannot be read). */
  loadSession(): Promise<StoredSession | null>;
  /** Remembers a session, or forgets it with null. */
  saveSession(session: StoredSession | null): Promise<void>;
  /** Main asks the renderer to open a route (deep link, notification click). Returns an unsubscribe. */
  onNavigate(listener: (path: string) => void): () => void;
  /**
   * Hands the host the follow-up reminders to show at their time, replacing the previous list.
   * The host shows them as OS notifications (also while the window is hidden) even if the page is
   * busy or throttled; clicking one opens its path. An empty list stops them (sign-out).
   */
  setReminders(reminders: readonly Reminder[]): Promise<void>;
  /** The host's reminder timer went off for these reminders. Returns an unsubscribe. */
  onRemindersFired(listener: (event: RemindersFiredEvent) => void): () => void;
  /** The desktop updater's state; null in a browser (the hub serves new versions of the page). */
  updateState(): Promise<UpdateState | null>;
  /** Checks the feed now ("Check now"). */
  checkForUpdates(): Promise<UpdateState | null>;
  /** "Restart to update": main restarts only when an update is ready and the agent holds no contact. */
  restartToUpdate(): Promise<RestartAnswer>;
  /** Tells the host whether the agent is mid-contact (nothing restarts the app then). */
  setMidContact(midContact: boolean): Promise<void>;
  onUpdateState(listener: (state: UpdateState) => void): () => void;
  /** Writes to the desktop's log file (the browser's console in serve mode); redacted on the way. */
  log(entry: LogEntry): void;
  /** Opens the folder with the log files (desktop only). */
  openLogsFolder(): Promise<void>;
  /** Versions and file locations only the desktop shell knows; null in a browser. */
  hostDiagnostics(): Promise<HostDiagnostics | null>;
  /** Offers waiting and overdue follow-ups, for the tray and the taskbar/dock (or installed web app) badge. */
  setBadge(counts: BadgeCounts): Promise<void>;
  /** The desktop's local hub stopped and was restarted (or could not be). Returns an unsubscribe. */
  onHubRestarted(listener: (event: HubRestartedEvent) => void): () => void;
}

/** A zod error as sentences, each with the field it is about in brackets (for whoever wrote the input: a config file, an API call). */
export function describeZodError(error: z.ZodError): string {
  return describeProblems(error, { withFields: true });
}
