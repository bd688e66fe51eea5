/** Settings changed from the renderer: a refused hub address is a sentence for the agent, not a save. */
import type { DesktopSettings, DesktopSettingsPatch } from '@core/bridge';
import { hubUrlRefusal } from '@core/hub-security';

export interface SettingsTarget {
  updateSettings(patch: DesktopSettingsPatch): DesktopSettings;
}

export function updateDesktopSettings(store: SettingsTarget, patch: DesktopSettingsPatch, options: { allowInsecure: boolean }): DesktopSettings {
  const refusal = patch.hubUrl ? hubUrlRefusal(patch.hubUrl, options) : null;
  if (refusal) throw new Error(refusal);
  return store.updateSettings(patch);
}
