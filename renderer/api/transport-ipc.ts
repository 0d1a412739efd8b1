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
  };
}
