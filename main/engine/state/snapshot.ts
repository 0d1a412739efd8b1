import type { CrowdParams } from '#shared/domain/crowd';
import type { MarginMode, ProfileId, Side } from '#shared/domain/exchange';
import type { MarketTick } from '#shared/domain/market-tick';
import type { OrderReason, OrderSide, OrderStatus, OrderType, TimeInForce, TriggerSource } from '#shared/domain/trading-orders';
import { Dec } from '#shared/money/decimal';
import { contractSpec, getProfile } from '#shared/risk/index';
import { generateCrowdSteps } from '../crowd/generate';
import type { Account, Position } from '../model/account';
import type { AccountKind } from '../model/ids';
import { MarketState } from '../model/market';
import type { Order, OrderRole } from '../model/order';
import { emptyState, type EngineState, type IdCounters } from './engine-state';

/**
 * The engine state as plain JSON data: decimals as strings (full precision), collections as
 * arrays sorted by key. `restoreState(snapshotState(s))` is the same state, and the canonical
 * hash of a snapshot identifies a state (docs/engine.md). Indexes are not included: they are
 * derived and rebuilt.
 */
export interface EngineSnapshot {
  readonly format: 1;
  readonly t: number | null;
  readonly seq: number;
  readonly insurance: string;
  readonly fees: string;
  readonly netDeposits: string;
  readonly ids: IdCounters;
  readonly defaults: { readonly leverage: number; readonly mode: MarginMode };
  readonly markets: readonly MarketSnap[];
  readonly accounts: readonly AccountSnap[];
  readonly crowd: { readonly params: CrowdParams; readonly symbol: string; readonly startT: number; readonly next: number; readonly skipped: number } | null;
}

interface MarketSnap {
  readonly symbol: string;
  readonly profileId: ProfileId;
  readonly depthScale: number;
  readonly impactHalfLifeMs: number;
  readonly tick: MarketTick | null;
  readonly displacement: number;
  readonly lastFundingRate: string;
  readonly lastFundingT: number | null;
  readonly fundingIntervalHours: number;
  readonly openInterest: string;
}

interface PositionSnap {
  readonly symbol: string;
  readonly side: Side;
  readonly qty: string;
  readonly entryValue: string;
  readonly mode: MarginMode;
  readonly leverage: number;
  readonly margin: string;
  readonly fundingPaid: string;
  readonly realizedPnl: string;
  readonly feesPaid: string;
  readonly openedAt: number;
  readonly updatedAt: number;
}

interface OrderSnap {
  readonly id: number;
  readonly clientOrderId: string | null;
  readonly symbol: string;
  readonly side: OrderSide;
  readonly type: OrderType;
  readonly status: OrderStatus;
  readonly qty: string;
  readonly filled: string;
  readonly filledValue: string;
  readonly price: string | null;
  readonly trigger: string | null;
  readonly triggerSource: TriggerSource;
  readonly timeInForce: TimeInForce;
  readonly reduceOnly: boolean;
  readonly closePosition: boolean;
  readonly callbackRate: string | null;
  readonly activation: string | null;
  readonly trailingExtreme: string | null;
  readonly triggered: boolean;
  readonly parentId: number | null;
  readonly role: OrderRole | null;
  readonly bracket: {
    readonly stopLoss: { readonly trigger: string; readonly source: TriggerSource } | null;
    readonly takeProfits: ReadonlyArray<{ readonly trigger: string; readonly fraction: number; readonly price: string | null; readonly source: TriggerSource }>;
  } | null;
  readonly fraction: number | null;
  readonly rung: number | null;
  readonly createdAt: number;
  readonly updatedAt: number;
  readonly reason: OrderReason;
}

export interface AccountSnap {
  readonly id: string;
  readonly kind: AccountKind;
  readonly wallet: string;
  readonly history: boolean;
  readonly deposited: string;
  readonly withdrawn: string;
  readonly settings: ReadonlyArray<readonly [string, MarginMode, number]>;
  readonly positions: readonly PositionSnap[];
  readonly orders: readonly OrderSnap[];
}

const s = (d: Dec): string => d.toFixed();
const sn = (d: Dec | null): string | null => (d ? d.toFixed() : null);
const d = (x: string): Dec => new Dec(x);
const dn = (x: string | null): Dec | null => (x === null ? null : new Dec(x));
const byKey = <T>(key: (x: T) => string | number) => (a: T, b: T) => {
  const ka = key(a);
  const kb = key(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
};

export function snapshotState(st: EngineState): EngineSnapshot {
  return {
    format: 1,
    t: Number.isFinite(st.t) ? st.t : null,
    seq: st.seq,
    insurance: s(st.insurance),
    fees: s(st.fees),
    netDeposits: s(st.netDeposits),
    ids: { ...st.ids },
    defaults: { ...st.defaults },
    markets: [...st.markets.values()].sort(byKey((m) => m.symbol)).map((m) => ({
      symbol: m.symbol,
      profileId: m.config.profileId,
      depthScale: m.config.depthScale,
      impactHalfLifeMs: m.config.impactHalfLifeMs,
      tick: m.tick,
      displacement: m.displacement,
      lastFundingRate: s(m.lastFundingRate),
      lastFundingT: m.lastFundingT,
      fundingIntervalHours: m.fundingIntervalHours,
      openInterest: s(m.openInterest),
    })),
    accounts: [...st.accounts.values()].sort(byKey((a) => a.id)).map(accountSnap),
    crowd: st.crowd ? { params: st.crowd.params, symbol: st.crowd.symbol, startT: st.crowd.startT, next: st.crowd.next, skipped: st.crowd.skipped } : null,
  };
}

function accountSnap(a: Account): AccountSnap {
  return {
    id: a.id,
    kind: a.kind,
    wallet: s(a.wallet),
    history: a.history,
    deposited: s(a.deposited),
    withdrawn: s(a.withdrawn),
    settings: [...a.settings.entries()].sort(byKey(([k]) => k)).map(([k, v]) => [k, v.mode, v.leverage] as const),
    positions: [...a.positions.values()].sort(byKey((p) => p.symbol)).map((p) => ({
      symbol: p.symbol,
      side: p.side,
      qty: s(p.qty),
      entryValue: s(p.entryValue),
      mode: p.mode,
      leverage: p.leverage,
      margin: s(p.margin),
      fundingPaid: s(p.fundingPaid),
      realizedPnl: s(p.realizedPnl),
      feesPaid: s(p.feesPaid),
      openedAt: p.openedAt,
      updatedAt: p.updatedAt,
    })),
    orders: [...a.orders.values()].sort(byKey((o) => o.id)).map(orderSnap),
  };
}

function orderSnap(o: Order): OrderSnap {
  return {
    id: o.id,
    clientOrderId: o.clientOrderId,
    symbol: o.symbol,
    side: o.side,
    type: o.type,
    status: o.status,
    qty: s(o.qty),
    filled: s(o.filled),
    filledValue: s(o.filledValue),
    price: sn(o.price),
    trigger: sn(o.trigger),
    triggerSource: o.triggerSource,
    timeInForce: o.timeInForce,
    reduceOnly: o.reduceOnly,
    closePosition: o.closePosition,
    callbackRate: sn(o.callbackRate),
    activation: sn(o.activation),
    trailingExtreme: sn(o.trailingExtreme),
    triggered: o.triggered,
    parentId: o.parentId,
    role: o.role,
    bracket: o.bracket
      ? {
          stopLoss: o.bracket.stopLoss ? { trigger: s(o.bracket.stopLoss.trigger), source: o.bracket.stopLoss.source } : null,
          takeProfits: o.bracket.takeProfits.map((r) => ({ trigger: s(r.trigger), fraction: r.fraction, price: sn(r.price), source: r.source })),
        }
      : null,
    fraction: o.fraction,
    rung: o.rung,
    createdAt: o.createdAt,
    updatedAt: o.updatedAt,
    reason: o.reason,
  };
}

/** Rebuilds the state of a snapshot (indexes are the caller's to rebuild). */
export function restoreState(snap: EngineSnapshot): EngineState {
  const steps = restoreStateSteps(snap, Number.MAX_SAFE_INTEGER);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/**
 * restoreState in slices: pauses after every `every` accounts (and inside the crowd's draws), so
 * main can rebuild a 100,000-trader state between other work (docs/engine.md, "Opening big
 * crowds"). Same state as restoreState.
 */
export function* restoreStateSteps(snap: EngineSnapshot, every = 2000): Generator<void, EngineState> {
  if (snap.format !== 1) throw new Error(`unknown engine snapshot format ${String(snap.format)}`);
  const st = emptyState();
  st.t = snap.t ?? Number.NEGATIVE_INFINITY;
  st.seq = snap.seq;
  st.insurance = d(snap.insurance);
  st.fees = d(snap.fees);
  st.netDeposits = d(snap.netDeposits);
  st.ids = { ...snap.ids };
  st.defaults = { ...snap.defaults };
  for (const ms of snap.markets) {
    const profile = getProfile(ms.profileId);
    const m = new MarketState({ symbol: ms.symbol, profileId: ms.profileId, depthScale: ms.depthScale, impactHalfLifeMs: ms.impactHalfLifeMs }, profile, contractSpec(profile, ms.symbol));
    m.restore(ms.tick, ms.displacement);
    m.lastFundingRate = d(ms.lastFundingRate);
    m.lastFundingT = ms.lastFundingT;
    m.fundingIntervalHours = ms.fundingIntervalHours;
    m.openInterest = d(ms.openInterest);
    st.markets.set(ms.symbol, m);
  }
  let n = 0;
  for (const as of snap.accounts) {
    st.accounts.set(as.id, restoreAccount(as));
    n += 1;
    if (n % every === 0) yield;
  }
  if (snap.crowd) {
    const c = snap.crowd;
    const arrivals = yield* generateCrowdSteps(c.params, c.startT, Math.max(every * 5, 1));
    st.crowd = { params: c.params, symbol: c.symbol, startT: c.startT, next: c.next, skipped: c.skipped, arrivals };
  }
  return st;
}

function restoreAccount(as: AccountSnap): Account {
  const a: Account = {
    id: as.id,
    kind: as.kind,
    wallet: d(as.wallet),
    settings: new Map(as.settings.map(([k, mode, leverage]) => [k, { mode, leverage }])),
    positions: new Map(),
    orders: new Map(),
    history: as.history,
    deposited: d(as.deposited),
    withdrawn: d(as.withdrawn),
  };
  for (const p of as.positions) {
    const pos: Position = {
      account: as.id,
      symbol: p.symbol,
      side: p.side,
      qty: d(p.qty),
      entryValue: d(p.entryValue),
      mode: p.mode,
      leverage: p.leverage,
      margin: d(p.margin),
      fundingPaid: d(p.fundingPaid),
      realizedPnl: d(p.realizedPnl),
      feesPaid: d(p.feesPaid),
      openedAt: p.openedAt,
      updatedAt: p.updatedAt,
    };
    a.positions.set(p.symbol, pos);
  }
  for (const o of as.orders) a.orders.set(o.id, restoreOrder(as.id, o));
  return a;
}

function restoreOrder(account: string, o: OrderSnap): Order {
  return {
    id: o.id,
    account,
    clientOrderId: o.clientOrderId,
    symbol: o.symbol,
    side: o.side,
    type: o.type,
    status: o.status,
    qty: d(o.qty),
    filled: d(o.filled),
    filledValue: d(o.filledValue),
    price: dn(o.price),
    trigger: dn(o.trigger),
    triggerSource: o.triggerSource,
    timeInForce: o.timeInForce,
    reduceOnly: o.reduceOnly,
    closePosition: o.closePosition,
    callbackRate: dn(o.callbackRate),
    activation: dn(o.activation),
    trailingExtreme: dn(o.trailingExtreme),
    triggered: o.triggered,
    parentId: o.parentId,
    role: o.role,
    bracket: o.bracket
      ? {
          stopLoss: o.bracket.stopLoss ? { trigger: d(o.bracket.stopLoss.trigger), source: o.bracket.stopLoss.source } : null,
          takeProfits: o.bracket.takeProfits.map((r) => ({ trigger: d(r.trigger), fraction: r.fraction, price: dn(r.price), source: r.source })),
        }
      : null,
    fraction: o.fraction,
    rung: o.rung,
    createdAt: o.createdAt,
    updatedAt: o.updatedAt,
    reason: o.reason,
  };
}
