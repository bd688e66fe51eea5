/**
 * The hub the desktop uses, decided at start (main/hub-choice.ts) with Electron's dialogs: a refused
 * configured hub is explained, and the embedded hub is started in its supervised child process.
 */
import path from 'node:path';
import { dialog } from 'electron';
import { defineMessages } from '@formatjs/intl';
import type { AppInfo, HubRestartedEvent } from '@core/bridge';
import { PRODUCT_NAME } from '@core/config';
import { demoSizeOf, parseHubEnv } from '@core/hub-config';
import { insecureHubAllowed } from '@core/hub-security';
import { chooseHub } from './hub-choice';
import { createEmbeddedHub } from './hub-process';
import type { HubSupervisor } from './hub-supervisor';
import type { MainText } from './i18n';

const messages = defineMessages({
  refusedTitle: { id: 'desktop.startup.refusedTitle', defaultMessage: 'The configured hub was not used' },
  refusedDetail: {
    id: 'desktop.startup.refusedDetail',
    defaultMessage: '{reason}\n\n{product} can start with the hub on this computer; set the hub’s https:// address in Settings › Hub connection.',
  },
  useEmbedded: { id: 'desktop.startup.useEmbedded', defaultMessage: 'Use this computer’s hub' },
  quit: { id: 'desktop.startup.quit', defaultMessage: 'Quit' },
  gaveUpTitle: { id: 'desktop.startup.gaveUpTitle', defaultMessage: 'The local hub keeps stopping' },
  gaveUpDetail: {
    id: 'desktop.startup.gaveUpDetail',
    defaultMessage: '{product} restarted it several times and has stopped trying. Your changes wait safely on this computer; restart {product} to try again.',
  },
  failedTitle: { id: 'desktop.startup.failedTitle', defaultMessage: '{product} could not start its hub' },
});

/** The title of the box shown when the hub cannot start at all. */
export const hubFailedTitle = (text: MainText): string => text.say({ descriptor: messages.failedTitle, values: { product: PRODUCT_NAME } });

export interface DesktopHubOptions {
  env: Record<string, string | undefined>;
  /** The hub address saved in Settings, and a way to forget it. */
  settingUrl: string | null;
  clearSetting(): void;
  /** The built main folder (out/main), where the hub child's entry is. */
  mainDir: string;
  userDataDir: string;
  /** Tells the window the embedded hub was restarted, or given up on. */
  hubRestarted(event: HubRestartedEvent): void;
  /** Words for the dialogs, in the agent's language. */
  text: MainText;
}

export interface DesktopHub {
  url: string;
  mode: AppInfo['hubMode'];
  /** The embedded hub's supervisor (null for a remote hub): stopped on quit. */
  embedded: HubSupervisor | null;
}

/** Null when the person chose to quit rather than use this computer's hub. */
export async function startDesktopHub(options: DesktopHubOptions): Promise<DesktopHub | null> {
  const { env, text } = options;
  const product = { product: PRODUCT_NAME };
  let embedded: HubSupervisor | null = null;
  const choice = await chooseHub({
    envUrl: env.AGENTDESK_HUB_URL || null,
    settingUrl: options.settingUrl,
    allowInsecure: insecureHubAllowed(env),
    refused: async (reason) =>
      (
        await dialog.showMessageBox({
          type: 'warning',
          title: PRODUCT_NAME,
          message: text.say({ descriptor: messages.refusedTitle }),
          detail: text.say({ descriptor: messages.refusedDetail, values: { ...product, reason: text.say(reason) } }),
          buttons: [text.say({ descriptor: messages.useEmbedded }), text.say({ descriptor: messages.quit })],
          defaultId: 0,
          cancelId: 1,
        })
      ).response === 0,
    clearSetting: () => options.clearSetting(),
    startEmbedded: async () => {
      embedded = createEmbeddedHub(
        {
          entry: path.join(options.mainDir, 'hub-child.js'),
          databaseUrl: env.DATABASE_URL || undefined,
          dataDir: env.AGENTDESK_DATA_DIR || path.join(options.userDataDir, 'hub'),
          // The embedded hub's log, for IT: userData/logs/hub.*.log.
          logsDir: path.join(options.userDataDir, 'logs'),
          // Demo data only when asked for (npm start asks); otherwise the first administrator is created at first start.
          demo: demoSizeOf(parseHubEnv(env)),
        },
        {
          onRestarted: () => options.hubRestarted({ outcome: 'restarted' }),
          onGaveUp: (reason) => {
            options.hubRestarted({ outcome: 'gave-up' });
            void dialog.showMessageBox({
              type: 'error',
              title: PRODUCT_NAME,
              message: text.say({ descriptor: messages.gaveUpTitle }),
              // The child's own error stays as it came: it is for IT and the log.
              detail: `${text.say({ descriptor: messages.gaveUpDetail, values: product })}${reason ? `\n\n${reason}` : ''}`,
            });
          },
        },
      );
      return (await embedded.start()).url;
    },
  });
  return 'quit' in choice ? null : { ...choice, embedded };
}
