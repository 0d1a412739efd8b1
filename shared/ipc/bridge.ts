import type { Result } from './result';

/** The name the preload (Electron) exposes on window. */
export const BRIDGE_GLOBAL = 'levdesk';
/** The one webContents channel that carries pushed event frames. */
export const EVENT_STREAM_CHANNEL = 'levdesk:event';

/**
 * The only thing the page can reach in Electron: window.levdesk. Channel and event names are
 * checked against the contract in the preload; inputs are validated again in main.
 */
export interface LevdeskBridge {
  readonly version: string;
  invoke(channel: string, input?: unknown): Promise<Result<unknown>>;
  subscribe(event: string, listener: (payload: unknown) => void): () => void;
  /**
   * The disk path of a File the user picked or dropped (Electron's webUtils.getPathForFile), so
   * main can stream it for an import; "" for a File that has no path. Typed unknown because
   * shared/ has no DOM types.
   */
  pathForFile(file: unknown): string;
}
