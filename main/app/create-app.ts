import fs from 'node:fs';
import path from 'node:path';
import type { Shell } from '#shared/ipc/channels/app';
import { openWorkspace, workspacePathIn, type Workspace } from '../store/db';
import { lockWorkspace, type WorkspaceLock } from '../store/workspace-lock';
import { pageCheckOffMain } from '../store/page-check';
import { createDispatch, type Dispatch } from '../ipc/dispatch';
import { handlers } from '../ipc/handlers';
import { findDefaultDataDir, loadDefaultData } from '../market/default-data';
import { ImportCancelled, MarketService } from '../market/market-service';
import { ReplayService } from '../market/replay/replay-service';
import { ScenarioStore } from '../market/scenarios/scenario-store';
import { createTradingService } from '../trading/replay-wiring';
import { RestoreWorker } from '../trading/restore-off-main';
import { behindTrading } from '../trading/behind-trading';
import { JournalService } from '../journal/journal-service';
import { HeatmapService } from '../analytics/heatmap/heatmap-service';
import { EventBus } from './event-bus';
import type { Services } from './services';
import { SettingsService } from './settings-service';
import { APP_VERSION } from './version';
import { PlansRepo } from '../store/plans-repo';
import { DecayService } from '../analytics/decay/decay-service';

export interface CreateAppOptions {
  readonly shell: Shell;
  /** The app data folder; the workspace file lives inside it. */
  readonly dataDir: string;
  readonly nativeBinding?: string;
  /** Parse outputs and events against the contract (default: on unless NODE_ENV=production). */
  readonly validate?: boolean;
  /** The embedded market data loaded into a new workspace: a folder, or false for none (default: found next to the app). */
  readonly defaultData?: string | false;
}

export interface App {
  readonly services: Services;
  readonly dispatch: Dispatch;
  readonly events: EventBus;
  close(): void;
  /**
   * close() after stopping the replay and writing a big paper-trading state's snapshot in slices
   * (main stays live meanwhile: 3-5 s for 100,000 traders that close() alone holds in one piece).
   */
  closeAsync(): Promise<void>;
}

/** The composition root shared by the Electron shell, the web host and tests. */
export function createApp(options: CreateAppOptions): App {
  // One writer per workspace: taken before the file is opened, so a refused second process changes nothing.
  const lock = lockWorkspace(workspacePathIn(options.dataDir), options.nativeBinding);
  return assemble(options, lock, undefined);
}

/**
 * createApp with the workspace's page check run in a worker thread first (page-check.ts): the
 * desktop shell and the web host start this way, so opening a big workspace does not hold main's
 * event loop for the 110-160 ms the check reads. The lock is taken first, as in createApp.
 */
export async function createAppAsync(options: CreateAppOptions): Promise<App> {
  const file = workspacePathIn(options.dataDir);
  const lock = lockWorkspace(file, options.nativeBinding);
  // A big workspace's restore thread boots (~0.2 s) beside the check; it reads nothing before its job.
  const restoreWorker = mayRestoreOffMain(file) ? new RestoreWorker() : undefined;
  try {
    const pageCheck = await pageCheckOffMain(file, options.nativeBinding);
    return assemble(options, lock, pageCheck ?? undefined, restoreWorker);
  } catch (err) {
    restoreWorker?.terminate();
    throw err;
  }
}

/**
 * Whether the workspace file is large enough that its paper-trading session may reopen off main
 * (opening.ts restoreIsBig: a snapshot of 1 MB or more, or a long tail). A guess from the file's
 * size alone, taken before the file is opened: a wrong one costs a thread booted for nothing, or
 * the boot inside the reopen as before.
 */
function mayRestoreOffMain(file: string): boolean {
  try {
    return fs.statSync(file).size >= MAY_RESTORE_OFF_MAIN_BYTES;
  } catch {
    return false;
  }
}

const MAY_RESTORE_OFF_MAIN_BYTES = 4_000_000;

function assemble(options: CreateAppOptions, lock: WorkspaceLock, pageCheck: string | undefined, restoreWorker?: RestoreWorker): App {
  const validate = options.validate ?? process.env.NODE_ENV !== 'production';
  let workspace: Workspace;
  try {
    workspace = openWorkspace(workspacePathIn(options.dataDir), {
      checkpoints: 'worker',
      logWriter: 'worker',
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
      ...(pageCheck !== undefined ? { pageCheck } : {}),
    });
  } catch (err) {
    lock.release();
    throw err;
  }
  const events = new EventBus(validate);
  const market = new MarketService({
    db: workspace.db,
    dataDir: path.dirname(workspace.path),
    openReader: () => workspace.openReader(),
    onProgress: (p) => events.emit('market.importProgress', p),
    onChanged: (reason) => events.emit('market.changed', { reason }),
  });
  market.sweepLeftovers();
  const settings = new SettingsService(workspace.db, events);
  const replay = new ReplayService({
    data: () => market.data(),
    onStatus: (s) => events.emit('replay.status', s),
    onFrame: (f) => events.emit('replay.frame', f),
    pauseOnStore: { load: () => settings.get().replayPauseOn, save: (p) => settings.update({ replayPauseOn: p }) },
  });
  const trading = createTradingService({ db: workspace.db, events, settings, replay, ...(restoreWorker ? { restoreWorker } : {}) });
  const heatmap = new HeatmapService(trading, replay, market, workspace.path);
  replay.addSink(behindTrading(trading, heatmap.recorder));
  const services: Services = {
    shell: options.shell,
    version: APP_VERSION,
    workspace,
    events,
    settings,
    market,
    scenarios: new ScenarioStore(workspace.db),
    replay,
    trading,
    plans: new PlansRepo(workspace.db),
    journal: new JournalService(workspace.db, { dbPath: workspace.path }),
    heatmap,
    decay: new DecayService({ data: () => market.data(), onProgress: (p) => events.emit('decay.progress', p) }),
  };
  const dispatch = createDispatch(handlers, services, { validateOutputs: validate });
  let closed: 'no' | 'closing' | 'yes' = 'no';
  // A new workspace gets the embedded real market data (in the background: the UI opens at once).
  if (options.defaultData !== false) {
    void loadDefaultData(workspace.db, market, options.defaultData ?? findDefaultDataDir()).catch((err: unknown) => {
      if (closed === 'no' && !(err instanceof ImportCancelled)) console.error('Levdesk could not load its default market data:', err);
    });
  }
  const close = (): void => {
    if (closed === 'yes') return;
    closed = 'yes';
    // Every step runs even if one before it throws: a service that fails to close must not leave
    // the workspace open and its lock held (the next start would find it in use). The first
    // error is thrown once all have run.
    const errors: unknown[] = [];
    const steps = [replay, heatmap, trading, services.decay, services.journal, market, workspace, { close: () => lock.release() }];
    for (const step of steps) {
      try {
        step.close();
      } catch (err) {
        errors.push(err);
      }
    }
    if (errors.length > 0) throw errors[0];
  };
  return {
    services,
    dispatch,
    events,
    close,
    closeAsync: async () => {
      if (closed !== 'no') return;
      closed = 'closing';
      try {
        replay.pause();
        await trading.prepareClose();
        await workspace.prepareClose();
      } finally {
        close();
      }
    },
  };
}
