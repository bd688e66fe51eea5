/**
 * What the browser bridge checks its inputs with (zod schemas, the desktop's settings reader, the
 * reminder timer). Loaded by the first call that needs one: the sign-in screen makes none, so it
 * shows without zod's whole API, which the signed-in workstation loads anyway.
 */
export { DEFAULT_DESKTOP_SETTINGS, DesktopSettingsPatchSchema, HttpUrlSchema, LogEntrySchema, NotificationRequestSchema, StoredSessionSchema, describeZodError } from '@core/bridge';
export { readDesktopState } from '@core/desktop';
export { createReminderScheduler, ReminderListSchema } from '@core/reminders';
export { badgeCount, BadgeCountsSchema } from '@core/tray';
