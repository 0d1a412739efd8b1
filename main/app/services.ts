import type { Shell } from '#shared/ipc/channels/app';
import type { Workspace } from '../store/db';
import type { MarketService } from '../market/market-service';
import type { ReplayService } from '../market/replay/replay-service';
import type { ScenarioStore } from '../market/scenarios/scenario-store';
import type { TradingService } from '../trading/trading-service';
import type { PlansRepo } from '../store/plans-repo';
import type { JournalService } from '../journal/journal-service';
import type { HeatmapService } from '../analytics/heatmap/heatmap-service';
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
  /** Saved trade plans (Planner view) and the orders placed from them. */
  readonly plans: PlansRepo;
  /** The trade journal: paper round trips and imported exchange exports. */
  readonly journal: JournalService;
  /** The liquidation heatmap: records the engine's levels over replay time (a sink after trading). */
  readonly heatmap: HeatmapService;
  /** The Decay view: exact paths, and Monte Carlo on worker threads. */
  readonly decay: DecayService;
}
