import type { Scenario } from '#shared/domain/scenario';
import type { ReplayService } from '../market/replay/replay-service';
import type { Db } from '../store/db-types';
import type { EventBus } from '../app/event-bus';
import type { SettingsService } from '../app/settings-service';
import { TradingService } from './trading-service';
import type { RestoreWorker } from './restore-off-main';

/**
 * The one place where paper trading meets the replay: the trading service registers as a sink of
 * the shared replay clock, and learns which scenario is loaded (its account, crowd and script) by
 * observing ReplayService.load. The clock calls the sinks' onReset(start) from inside load(), so
 * the scenario is recorded before that call reaches the trading service.
 */
export function createTradingService(deps: { db: Db; events: EventBus; settings: SettingsService; replay: ReplayService; restoreWorker?: RestoreWorker }): TradingService {
  let loaded: { scenario: Scenario; id: string | null } | null = null;
  const replay = deps.replay;
  const load = replay.load.bind(replay);
  // ReplayService has no load hook of its own; wrapping the method keeps its code untouched.
  replay.load = (scenario, id) => {
    loaded = { scenario, id };
    return load(scenario, id);
  };
  const service = new TradingService({
    db: deps.db,
    publish: (p) => deps.events.emit(p.type, p.payload as never),
    defaults: () => {
      const s = deps.settings.get();
      return { profile: s.defaultProfile, leverage: s.defaultLeverage, mode: s.defaultMarginMode };
    },
    loadedScenario: () => loaded,
    onTraderEvent: (event, t) => replay.traderEvent(event, t),
    // A big crowd's workspace reopens off main's event loop (issue 10 item 7); the replay resumes once it is open.
    ...(deps.db.name && deps.db.name !== ':memory:' ? { offMain: { dbPath: deps.db.name, ...(deps.restoreWorker ? { worker: deps.restoreWorker } : {}) } } : {}),
  });
  replay.addSink(service);
  if (service.restoring) {
    service.ready.then(
      () => void resumeSession(service, replay),
      (err: unknown) => console.error(`Levdesk could not reopen the paper-trading session: ${(err as Error).message}`),
    );
  } else void resumeSession(service, replay);
  return service;
}

/**
 * A reopened workspace carries on where the trader stopped: the stored session's scenario is loaded
 * again, paused, and the clock moves past the events the log already holds (nothing is rewound).
 * A scenario whose market data is gone leaves the replay empty; the session's state stays readable.
 * A long scenario is compiled in slices first, as the picker's load does (at once, three days of
 * 5 s ticks held main ~50 ms of a reopen); a scenario picked meanwhile wins.
 */
async function resumeSession(service: TradingService, replay: ReplayService): Promise<void> {
  const source = service.resumable;
  if (!source) return;
  try {
    const ahead = replay.compileAhead(source.scenario);
    if (ahead) {
      await ahead;
      if (replay.status().scenario !== null) return;
    }
    replay.load(source.scenario, source.id);
  } catch (err) {
    console.warn(`Levdesk could not resume the replay of "${source.scenario.name}": ${(err as Error).message}`);
  }
}
