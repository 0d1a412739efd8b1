import type { LevdeskBridge } from '#shared/ipc/bridge';
import type { Transport } from './transport';

export function ipcTransport(bridge: LevdeskBridge): Transport {
  return {
    shell: 'electron',
    invoke: (channel, input) => bridge.invoke(channel, input),
    subscribe: (event, listener) => bridge.subscribe(event, listener),
    onStatus: (listener) => {
      listener('open');
      return () => undefined;
    },
    fileToPath: (file) => {
      const path = bridge.pathForFile(file);
      return Promise.resolve(
        path ? { ok: true, value: { path, name: file.name } } : { ok: false, error: { code: 'BAD_INPUT', message: `${file.name} is not a file on this computer` } },
      );
    },
  };
}
