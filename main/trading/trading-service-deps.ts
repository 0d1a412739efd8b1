import type { PauseEvent } from '#shared/domain/market-replay';
import type { Scenario } from '#shared/domain/scenario';
import type { FillView, LiquidationView } from '#shared/domain/trading-history';
import type { OrderView } from '#shared/domain/trading-orders';
import type { OrderResult, TradingActivity, TradingState } from '#shared/ipc/channels/trading';
import type { z } from 'zod';
import type { tradingEvents } from '#shared/ipc/channels/trading';
import type { Effect } from '#main/engine/effects';
import { TRADER_ID } from '#main/engine/model/ids';
import type { Db } from '../store/db-types';
import type { JournalOptions } from './journal';
import type { SessionDefaults, TimedCommand } from './session';

/** What the trading service is given (trading-service.ts), what it stores of a session, and what it tells the replay. */
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
  /** The trader's own fill, stop or take-profit trigger, liquidation or ADL, from a market event or the trader's own command (pause-on-event). */
  readonly onTraderEvent?: (event: PauseEvent, t: number) => void;
  /**
   * Reopen a big workspace off main's event loop (restore-off-main.ts): the workspace file, and
   * from what size on ('always' for tests). Without it, or below the size, the open is synchronous.
   */
  readonly offMain?: {
    readonly dbPath: string;
    readonly when?: 'big' | 'always';
    /** From how many traders a crowd's draw, and a tick's arrivals, open in the worker (crowd-open.ts; tests lower them). */
    readonly crowd?: { readonly draw: number; readonly tick: number };
  };
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

/** The trader's events among a market event's effects (liquidation and ADL fills are not "your fill"). */
export function traderEvents(effects: readonly Effect[]): PauseEvent[] {
  const out = new Set<PauseEvent>();
  for (const e of effects) {
    if (e.kind === 'liquidation' && e.liquidation.account === TRADER_ID) out.add('liquidation');
    else if (e.kind === 'liquidation' && e.liquidation.adl.some((s) => s.account === TRADER_ID)) out.add('adl');
    else if (e.kind === 'triggered' && e.account === TRADER_ID) out.add('stop');
    else if (e.kind === 'fill' && e.fill.account === TRADER_ID && e.fill.liquidity !== 'liquidation' && e.fill.liquidity !== 'adl') out.add('fill');
  }
  return [...out];
}

/** An order command's answer from its effects: order `id` as it ended up, its fills, and any liquidations it set off. */
export function orderResult(effects: readonly Effect[], id: number): OrderResult {
  let order: OrderView | null = null;
  const fills: FillView[] = [];
  const liquidations: LiquidationView[] = [];
  for (const e of effects) {
    if (e.kind === 'order' && e.order.id === id) order = e.order;
    if (e.kind === 'fill' && e.fill.orderId === id) fills.push(e.fill);
    if (e.kind === 'liquidation') liquidations.push(e.liquidation);
  }
  return { order, fills, liquidations };
}
