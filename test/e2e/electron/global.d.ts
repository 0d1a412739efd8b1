import type { LevdeskBridge } from '../../../shared/ipc/bridge';

declare global {
  interface Window {
    levdesk?: LevdeskBridge;
  }
}
