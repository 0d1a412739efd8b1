import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { BRIDGE_GLOBAL, EVENT_STREAM_CHANNEL, type LevdeskBridge } from '#shared/ipc/bridge';
import type { Result } from '#shared/ipc/result';

// Injected at build time from the contract, so the sandboxed preload carries no schema library.
declare const __LEVDESK_CHANNELS__: readonly string[];
declare const __LEVDESK_EVENTS__: readonly string[];
declare const __LEVDESK_VERSION__: string;

const channels = new Set(__LEVDESK_CHANNELS__);
const eventNames = new Set(__LEVDESK_EVENTS__);

const bridge: LevdeskBridge = {
  version: __LEVDESK_VERSION__,
  invoke(channel, input) {
    if (!channels.has(channel)) {
      const refused: Result<never> = { ok: false, error: { code: 'UNKNOWN_CHANNEL', message: `Unknown channel "${channel}"` } };
      return Promise.resolve(refused);
    }
    return ipcRenderer.invoke(channel, input) as Promise<Result<unknown>>;
  },
  subscribe(event, listener) {
    if (!eventNames.has(event)) throw new Error(`Unknown event "${event}"`);
    // The page never sees the IpcRendererEvent (and so never its sender).
    const handler = (_e: unknown, frame: { type: string; payload: unknown }): void => {
      if (frame.type === event) listener(frame.payload);
    };
    ipcRenderer.on(EVENT_STREAM_CHANNEL, handler);
    return () => {
      ipcRenderer.removeListener(EVENT_STREAM_CHANNEL, handler);
    };
  },
  // Only a File the user handed the page (picker or drop) has a path; anything else yields "".
  pathForFile(file) {
    try {
      return webUtils.getPathForFile(file as Parameters<typeof webUtils.getPathForFile>[0]);
    } catch {
      return '';
    }
  },
};

contextBridge.exposeInMainWorld(BRIDGE_GLOBAL, Object.freeze(bridge));
