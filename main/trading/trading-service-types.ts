import type { Scenario } from '#shared/domain/scenario';
import type { PauseEvent } from '#shared/domain/market-replay';
import type { TradingActivity, TradingState } from '#shared/ipc/channels/trading';
import type { tradingEvents } from '#shared/ipc/channels/trading';
import type { z } from 'zod';
import type { Db } from '../store/db-types';
import type { JournalOptions } from './journal';
import type { SessionDefaults, TimedCommand } from './session';
import type { RestoreWorker } from './restore-off-main';

/** A push to the renderer (the composition root forwards it to the event bus). */
export type TradingPush =
  | { readonly type: 'trading.state'; readonly payload: TradingState }
  | { readonly type: 'trading.activity'; readonly payload: TradingActivity }
  | { readonly type: 'trading.reset'; readonly payload: z.output<(typeof tradingEvents)['trading.reset']> };

export interface Timers {
  later(fn: () => void, ms: number): unknown;
  cancel(handle: unknown): void;
}

export const realTimers: Timers = { later: (fn, ms) => setTimeout(fn, ms), cancel: (h) => clearTimeout(h as NodeJS.Timeout) };

export interface TradingServiceDeps {
  readonly db: Db;
  readonly publish: (push: TradingPush) => void;
  /** Leverage, margin mode and profile for a session started without a scenario. */
  readonly defaults: () => SessionDefaults;
  /** The scenario the replay has loaded (its document carries the account, crowd and script). */
  readonly loadedScenario?: () => { readonly scenario: Scenario; readonly id: string | null } | null;
  readonly journal?: Partial<JournalOptions>;
  /** Coalescing period of the pushes to the renderer. */
  readonly frameMs?: number;
  readonly timers?: Timers;
  /**
   * How long a market event may run at once before the rest goes on in slices (default SLICE_MS,
   * 12 ms); tests set 0 (every event that pauses at all is stepped) or Infinity (none is, and a
   * big state's periodic snapshots are written at once too).
   */
  readonly stepBudgetMs?: number;
  /** The trader's own fill, stop or take-profit trigger, liquidation or ADL, from a market event or the trader's own command (pause-on-event). */
  readonly onTraderEvent?: (event: PauseEvent, t: number) => void;
  /**
   * Reopen a big workspace off main's event loop (restore-off-main.ts): the workspace file, and
   * from what size on ('always' for tests). Without it, or below the size, the open is synchronous.
   * `worker`: a restore thread already booting (createAppAsync), for the first reopen; terminated
   * when the open is synchronous.
   */
  readonly offMain?: { readonly dbPath: string; readonly when?: 'big' | 'always'; readonly worker?: RestoreWorker };
}

export interface StoredSession {
  readonly key: string;
  readonly name: string;
  readonly symbol: string;
  readonly t0: number;
  readonly headerSeq: number;
  readonly script: readonly TimedCommand[];
  /** The scenario the session replays, so a restart can load it again and carry on. */
  readonly source?: { readonly scenario: Scenario; readonly id: string | null };
}
