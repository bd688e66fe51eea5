import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import {
  describeZodError,
  ipcEventContract,
  ipcInvokeContract,
  type IpcEvent,
  type IpcEventChannel,
  type IpcInvokeChannel,
  type IpcParsedArgs,
  type IpcResult,
} from '@core/bridge';
import { isAllowedOrigin } from '@core/security';

export type IpcHandlers = {
  [C in IpcInvokeChannel]: (...args: IpcParsedArgs<C>) => IpcResult<C> | Promise<IpcResult<C>>;
};

export interface SenderPolicy {
  /** Origins whose frames may call main: app://agentdesk (and the dev server in development). */
  origins: readonly string[];
  /** The web contents of our own windows. */
  isOwnWebContents(contents: WebContents): boolean;
}

function checkSender(event: IpcMainInvokeEvent, policy: SenderPolicy): void {
  const frame = event.senderFrame;
  // Only our windows' top frames may call in: no iframes, no foreign pages.
  if (!frame || frame.parent !== null || !policy.isOwnWebContents(event.sender) || !isAllowedOrigin(frame.url, policy.origins)) {
    throw new Error('Refused an IPC call from an untrusted sender');
  }
}

/** Registers every channel of the contract: sender checked, arguments and result validated. */
export function registerIpc(handlers: IpcHandlers, policy: SenderPolicy): void {
  for (const channel of Object.keys(ipcInvokeContract) as IpcInvokeChannel[]) {
    const contract = ipcInvokeContract[channel];
    const handler = handlers[channel] as (...args: unknown[]) => unknown;
    ipcMain.handle(channel, async (event, ...raw: unknown[]) => {
      checkSender(event, policy);
      const args = contract.args.safeParse(raw);
      if (!args.success) throw new Error(`Invalid arguments for ${channel}: ${describeZodError(args.error)}`);
      const result = await handler(...(args.data as unknown[]));
      return contract.result.parse(result);
    });
  }
}

/** Sends a validated event to a renderer. */
export function sendEvent<C extends IpcEventChannel>(contents: WebContents, channel: C, payload: IpcEvent<C>): void {
  contents.send(channel, ipcEventContract[channel].parse(payload));
}
