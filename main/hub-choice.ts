/**
 * Which hub the desktop talks to at start: the configured remote one (AGENTDESK_HUB_URL, else the
 * setting) when it passes the plain-http rule, otherwise the embedded one. Electron is handed in.
 */
import type { AppInfo } from '@core/bridge';
import { hubUrlRefusal } from '@core/hub-security';
import type { Message } from '@core/i18n/messages';

export interface HubChoiceDeps {
  /** AGENTDESK_HUB_URL, if set. */
  envUrl: string | null;
  /** The hub address saved in Settings, if any. */
  settingUrl: string | null;
  allowInsecure: boolean;
  /** Tells the person why the configured hub is refused; resolves true to carry on with this computer's hub, false to quit. */
  refused(reason: Message): Promise<boolean>;
  /** Forgets the refused address saved in Settings (so the next start does not ask again). */
  clearSetting(): void;
  startEmbedded(): Promise<string>;
}

export type HubChoice = { url: string; mode: AppInfo['hubMode'] } | { quit: true };

export async function chooseHub(deps: HubChoiceDeps): Promise<HubChoice> {
  const configured = deps.envUrl || deps.settingUrl;
  if (configured) {
    const refusal = hubUrlRefusal(configured, { allowInsecure: deps.allowInsecure });
    if (!refusal) return { url: configured, mode: 'remote' };
    if (!(await deps.refused(refusal))) return { quit: true };
    if (!deps.envUrl) deps.clearSetting();
  }
  return { url: await deps.startEmbedded(), mode: 'embedded' };
}
