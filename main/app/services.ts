import type { Shell } from '#shared/ipc/channels/app';
import type { Workspace } from '../store/db';
import type { EventBus } from './event-bus';
import type { SettingsService } from './settings-service';

/**
 * Everything a handler may use. Built once per process by createApp; the Electron shell, the
 * web host and the CLI all hand the same object to the same handlers.
 */
export interface Services {
  readonly shell: Shell;
  readonly version: string;
  readonly workspace: Workspace;
  readonly events: EventBus;
  readonly settings: SettingsService;
}
