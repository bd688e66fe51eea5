/** Settings changed from the renderer: a refused hub address is a sentence for the agent, not a save. */
import type { DesktopSettings, DesktopSettingsPatch } from '@core/bridge';
import { hubUrlRefusal } from '@core/hub-security';
import type { Message } from '@core/i18n/messages';

export interface SettingsTarget {
  updateSettings(patch: DesktopSettingsPatch): DesktopSettings;
}

export function updateDesktopSettings(
  store: SettingsTarget,
  patch: DesktopSettingsPatch,
  options: { allowInsecure: boolean; say: (message: Message) => string },
): DesktopSettings {
  const refusal = patch.hubUrl ? hubUrlRefusal(patch.hubUrl, options) : null;
  if (refusal) throw new Error(options.say(refusal));
  return store.updateSettings(patch);
}
