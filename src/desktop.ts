/** What the desktop shell keeps on disk (electron-store), validated whenever it is read. */
import { z } from 'zod';
import { DEFAULT_DESKTOP_SETTINGS, DesktopSettingsSchema, type DesktopSettings } from './bridge';

export const WindowStateSchema = z.object({
  x: z.number().int().optional(),
  y: z.number().int().optional(),
  width: z.number().int().min(400).max(20000),
  height: z.number().int().min(300).max(20000),
  maximized: z.boolean(),
});
export type WindowState = z.infer<typeof WindowStateSchema>;

export const DEFAULT_WINDOW_STATE: WindowState = { width: 1360, height: 860, maximized: false };

export const StoredDesktopStateSchema = z.object({
  settings: DesktopSettingsSchema,
  window: WindowStateSchema,
});
export type StoredDesktopState = z.infer<typeof StoredDesktopStateSchema>;

/** Reads each part on its own so one damaged value does not cost the others. */
export function readDesktopState(raw: { settings?: unknown; window?: unknown }): StoredDesktopState {
  // Settings saved by an older version lack newer fields: those take their defaults.
  const settings = DesktopSettingsSchema.safeParse(
    typeof raw.settings === 'object' && raw.settings !== null ? { ...DEFAULT_DESKTOP_SETTINGS, ...raw.settings } : raw.settings,
  );
  const window = WindowStateSchema.safeParse(raw.window);
  return {
    settings: settings.success ? settings.data : { ...DEFAULT_DESKTOP_SETTINGS },
    window: window.success ? window.data : { ...DEFAULT_WINDOW_STATE },
  };
}

export function mergeSettings(current: DesktopSettings, patch: Partial<DesktopSettings>): DesktopSettings {
  return DesktopSettingsSchema.parse({ ...current, ...patch });
}
