// Runtime: Electron main process. The gate every IPC request passes: the sender must be the main
// frame of the app's window showing an app page, and the arguments must match the contract's
// schemas. A refused request never reaches its handler.
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import type { InvokeChannel, InvokeContract } from '../contract/api';
import { INVOKE_ARGS_SCHEMAS, validateInvokeArgs } from '../contract/validation';
import { isTrustedUrl } from './security';

export type IpcHandler<Channel extends InvokeChannel> = (
  event: IpcMainInvokeEvent,
  ...args: InvokeContract[Channel]['args']
) => InvokeContract[Channel]['result'] | Promise<InvokeContract[Channel]['result']>;

/** One handler per contract channel: a channel without an answer fails to compile. */
export type IpcHandlers = { [Channel in InvokeChannel]: IpcHandler<Channel> };

export type SenderCheck = (event: IpcMainInvokeEvent) => boolean;

export const INVOKE_CHANNEL_NAMES = Object.keys(INVOKE_ARGS_SCHEMAS) as InvokeChannel[];

export interface TrustedSenderOptions {
  /** Origins of the app's own pages (see `trustedOrigins`). */
  origins: readonly string[];
  /** Whether these web contents belong to one of the app's windows. */
  isAppWebContents(contents: WebContents): boolean;
}

export function createTrustedSenderCheck(options: TrustedSenderOptions): SenderCheck {
  return (event) => {
    const frame = event.senderFrame;
    if (!frame || frame.parent !== null) return false;
    if (!options.isAppWebContents(event.sender)) return false;
    return isTrustedUrl(frame.url, options.origins);
  };
}

export class IpcRefusedError extends Error {
  constructor(channel: string, reason: string) {
    super(`IPC request "${channel}" refused: ${reason}`);
    this.name = 'IpcRefusedError';
  }
}

function register<Channel extends InvokeChannel>(
  ipcMain: Pick<IpcMain, 'handle'>,
  channel: Channel,
  handler: IpcHandler<Channel>,
  isTrustedSender: SenderCheck,
): void {
  ipcMain.handle(channel, async (event, ...args: unknown[]) => {
    if (!isTrustedSender(event)) {
      throw new IpcRefusedError(channel, 'the sender is not the Attaché window.');
    }
    const validation = validateInvokeArgs(channel, args);
    if (!validation.ok) {
      throw new IpcRefusedError(channel, `invalid arguments.\n${validation.message}`);
    }
    return handler(event, ...validation.args);
  });
}

/** Answers every contract channel; each request is checked for its sender and its arguments first. */
export function registerIpcHandlers(ipcMain: Pick<IpcMain, 'handle'>, handlers: IpcHandlers, isTrustedSender: SenderCheck): void {
  const registerChannel = <Channel extends InvokeChannel>(channel: Channel) => register(ipcMain, channel, handlers[channel], isTrustedSender);
  for (const channel of INVOKE_CHANNEL_NAMES) registerChannel(channel);
}
