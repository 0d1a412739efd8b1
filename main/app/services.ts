import type { Shell } from '#shared/ipc/channels/app';
import type { Workspace } from '../store/db';
import type { MarketService } from '../market/market-service';
import type { ReplayService } from '../market/replay/replay-service';
import type { ScenarioStore } from '../market/scenarios/scenario-store';
import type { TradingService } from '../trading/trading-service';
import type { DecayService } from '../analytics/decay/decay-service';
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
  /** Stored market data: series, imports, previews. */
  readonly market: MarketService;
  /** Built-in and saved scenarios. */
  readonly scenarios: ScenarioStore;
  /** The shared replay clock; the trading service registers with replay.addSink(). */
  readonly replay: ReplayService;
  /** Paper trading: the engine, its event log, and the Trade view's channels. */
  readonly trading: TradingService;
  /** The Decay view: exact paths, and Monte Carlo on worker threads. */
  readonly decay: DecayService;
}
