import type { CrowdParams } from '#shared/domain/crowd';
import type { MarginMode } from '#shared/domain/exchange';
import { ZERO, type Dec } from '#shared/money/decimal';
import type { CrowdArrival } from '../crowd/generate';
import type { Account } from '../model/account';
import type { AccountId } from '../model/ids';
import type { MarketState } from '../model/market';

export interface CrowdState {
  readonly params: CrowdParams;
  readonly symbol: string;
  readonly startT: number;
  /** Index of the next arrival in `arrivals`. */
  next: number;
  /**
   * Derived from params + startT (regenerated on restore, never serialised). Only those from
   * `next` on are ever read: a crowd restored after all of it arrived keeps an empty list
   * (drawing 100,000 arrivals again took ~0.1-0.2 s of a reopen for nothing), and a crowd that
   * has all arrived drops its list (100,000 arrivals held ~15 MB for the session).
   */
  arrivals: readonly CrowdArrival[];
  /** Arrivals that could not open (below the minimum, or refused): counted, not retried. */
  skipped: number;
}

export interface IdCounters {
  order: number;
  fill: number;
  liquidation: number;
  funding: number;
  insurance: number;
}

/**
 * Everything the engine knows. Plain data plus Maps; indexes derived from it live in
 * EngineIndexes and are rebuilt on restore. `netDeposits` is the right-hand side of the
 * conservation identity (docs/engine.md): seeds, deposits and crowd collateral in, withdrawals out.
 */
export interface EngineState {
  t: number;
  /** Number of events applied. */
  seq: number;
  markets: Map<string, MarketState>;
  accounts: Map<AccountId, Account>;
  insurance: Dec;
  /** The exchange's fee income (and funding rounding dust). */
  fees: Dec;
  netDeposits: Dec;
  ids: IdCounters;
  crowd: CrowdState | null;
  defaults: { leverage: number; mode: MarginMode };
}

export function emptyState(): EngineState {
  return {
    t: Number.NEGATIVE_INFINITY,
    seq: 0,
    markets: new Map(),
    accounts: new Map(),
    insurance: ZERO,
    fees: ZERO,
    netDeposits: ZERO,
    ids: { order: 0, fill: 0, liquidation: 0, funding: 0, insurance: 0 },
    crowd: null,
    defaults: { leverage: 10, mode: 'isolated' },
  };
}

export function nextId(state: EngineState, kind: keyof IdCounters): number {
  state.ids[kind] += 1;
  return state.ids[kind];
}
