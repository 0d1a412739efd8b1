import { useEffect, useMemo, useState } from 'react';
import type { Candle } from '#shared/domain/market-series';
import type { ScenarioEntry } from '#shared/domain/scenario';
import type { TradingState } from '#shared/ipc/channels/trading';
import type { PlanCrossAccount } from '#shared/plan/resolve-inputs';
import type { BookLiquidity } from '#shared/risk/index';
import { Dec, toWire } from '#shared/money/decimal';
import { wilderAtr } from '#shared/risk/atr';
import { useApi } from '../../api/context';

const EMPTY: readonly Candle[] = [];

export interface AccountRead {
  /** Margin balance of the paper account; null before a session. */
  readonly equity: string | null;
  readonly lastBySymbol: ReadonlyMap<string, string>;
  /** The cross wallet and the open positions, for a cross plan; null before a session. */
  readonly cross: PlanCrossAccount | null;
  /** Each market's book right now (depth and spread of the current tick). */
  readonly bookBySymbol: ReadonlyMap<string, BookLiquidity>;
}

const sameMap = <V>(a: ReadonlyMap<string, V>, b: ReadonlyMap<string, V>, eq: (x: V, y: V) => boolean): boolean =>
  a.size === b.size && [...a].every(([k, v]) => b.has(k) && eq(v, b.get(k)!));

/**
 * The paper account as the Planner reads it, following trading.state. Each piece keeps its
 * identity while unchanged, so a tick that moves nothing the plan uses recomputes nothing.
 */
export function useAccountRead(): AccountRead {
  const api = useApi();
  const [equity, setEquity] = useState<string | null>(null);
  const [lastBySymbol, setLast] = useState<ReadonlyMap<string, string>>(new Map());
  const [cross, setCross] = useState<PlanCrossAccount | null>(null);
  const [bookBySymbol, setBook] = useState<ReadonlyMap<string, BookLiquidity>>(new Map());
  useEffect(() => {
    const take = (s: TradingState): void => {
      const none = s.account.deposited === '0' && s.account.marginBalance === '0';
      setEquity(none ? null : s.account.marginBalance);
      setLast((prev) => {
        const next = new Map(s.markets.flatMap((m) => (m.last ? [[m.symbol, m.last] as const] : [])));
        return sameMap(prev, next, (a, b) => a === b) ? prev : next;
      });
      setBook((prev) => {
        const next = new Map(s.markets.flatMap((m) => (m.liquidity ? [[m.symbol, m.liquidity] as const] : [])));
        return sameMap(prev, next, (a, b) => a.depthScale === b.depthScale && a.spreadBps === b.spreadBps) ? prev : next;
      });
      const positions = s.positions.map((p) => ({ symbol: p.symbol, side: p.side, quantity: p.quantity, entryPrice: p.entryPrice, markPrice: p.markPrice, leverage: p.leverage, marginMode: p.marginMode }));
      const next: PlanCrossAccount | null = none ? null : { walletBalance: s.account.crossWalletBalance, positions };
      setCross((prev) => (JSON.stringify(prev) === JSON.stringify(next) ? prev : next));
    };
    void api.call('trading.state').then((r) => r.ok && take(r.value));
    return api.on('trading.state', take);
  }, [api]);
  return { equity, lastBySymbol, cross, bookBySymbol };
}

/** Scenarios a plan can be tested on (all of them; stored windows also give the chart its candles). */
export function useScenarios(): readonly ScenarioEntry[] {
  const api = useApi();
  const [list, setList] = useState<readonly ScenarioEntry[]>([]);
  useEffect(() => {
    void api.call('market.scenarios').then((r) => r.ok && setList(r.value.scenarios));
  }, [api]);
  return list;
}

/** The stored candles of a scenario's window (empty for synthetic markets or missing data). */
export function useWindowCandles(entry: ScenarioEntry | null): readonly Candle[] {
  const api = useApi();
  const [loaded, setLoaded] = useState<{ key: string; candles: readonly Candle[] }>({ key: '', candles: [] });
  const key = entry ? `${entry.id}:${entry.json.length}` : '';
  useEffect(() => {
    if (!entry || entry.marketType !== 'stored') return;
    let live = true;
    const doc = JSON.parse(entry.json) as { market: { venue?: string; interval?: string } };
    void (async () => {
      const s = await api.call('market.series');
      if (!s.ok || !live) return;
      const series = s.value.series.find((x) => x.symbol === entry.symbol && x.venue === (doc.market.venue ?? 'binance') && x.interval === (doc.market.interval ?? '1m') && x.kind === 'trade');
      if (!series) return;
      const from = Date.parse(entry.start);
      const bars = await api.call('market.bars', { seriesId: series.id, from, to: from + entry.durationMinutes * 60_000 - 1, maxBars: 2000 });
      if (bars.ok && live) setLoaded({ key, candles: bars.value.candles });
    })();
    return () => {
      live = false;
    };
  }, [api, entry, key]);
  return loaded.key === key ? loaded.candles : EMPTY;
}

/**
 * ATR and swing of the candles before the entry time, for the ATR and swing stops. Computed when
 * the candles, the time or the period change (not per keystroke of the other fields).
 */
export function useStopReferences(candles: readonly Candle[], entryAt: number | null, atrPeriod: number, swingLookback: number): { atr: string | null; swing: { low: string; high: string } | null } {
  return useMemo(() => {
    const before = entryAt === null ? candles : candles.filter((c) => c.t < entryAt);
    if (before.length === 0) return { atr: null, swing: null };
    const bars = before.map((c) => ({ high: new Dec(c.high), low: new Dec(c.low), close: new Dec(c.close) }));
    const atrs = atrPeriod <= bars.length ? wilderAtr(bars, atrPeriod) : [];
    const atr = atrs.length ? atrs[atrs.length - 1]! : null;
    const recent = bars.slice(-swingLookback);
    return {
      atr: atr ? toWire(atr) : null,
      swing: { low: toWire(Dec.min(...recent.map((b) => b.low))), high: toWire(Dec.max(...recent.map((b) => b.high))) },
    };
  }, [candles, entryAt, atrPeriod, swingLookback]);
}
