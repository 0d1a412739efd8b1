import type { Shell } from '#shared/ipc/channels/app';
import { openWorkspace, workspacePathIn, type Workspace } from '../store/db';
import { createDispatch, type Dispatch } from '../ipc/dispatch';
import { handlers } from '../ipc/handlers';
import { EventBus } from './event-bus';
import type { Services } from './services';
import { SettingsService } from './settings-service';
import { APP_VERSION } from './version';

export interface CreateAppOptions {
  readonly shell: Shell;
  /** The app data folder; the workspace file lives inside it. */
  readonly dataDir: string;
  readonly nativeBinding?: string;
  /** Parse outputs and events against the contract (default: on unless NODE_ENV=production). */
  readonly validate?: boolean;
}

export interface App {
  readonly services: Services;
  readonly dispatch: Dispatch;
  readonly events: EventBus;
  close(): void;
}

/** The composition root shared by the Electron shell, the web host and tests. */
export function createApp(options: CreateAppOptions): App {
  const validate = options.validate ?? process.env.NODE_ENV !== 'production';
  const workspace: Workspace = openWorkspace(
    workspacePathIn(options.dataDir),
    options.nativeBinding ? { nativeBinding: options.nativeBinding } : {},
  );
  const events = new EventBus(validate);
  const services: Services = {
    shell: options.shell,
    version: APP_VERSION,
    workspace,
    events,
    settings: new SettingsService(workspace.db, events),
  };
  const dispatch = createDispatch(handlers, services, { validateOutputs: validate });
  return {
    services,
    dispatch,
    events,
    close: () => workspace.close(),
  };
}
