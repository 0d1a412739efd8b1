import type { CrowdParams } from '#shared/domain/crowd';
import type { MarginMode, ProfileId, Side } from '#shared/domain/exchange';
import type { MarketTick } from '#shared/domain/market-tick';
import type { OrderReason, OrderSide, OrderStatus, OrderType, TimeInForce, TriggerSource } from '#shared/domain/trading-orders';
import { Dec, ZERO, compactDigits } from '#shared/money/decimal';
import { contractSpec, getProfile } from '#shared/risk/index';
import { generateCrowdSteps } from '../crowd/generate';
import { sortedAccountIds } from './sorted-ids';
import { symbolSettings, type Account, type Position } from '../model/account';
import type { AccountKind } from '../model/ids';
import { MarketState } from '../model/market';
import type { Order, OrderRole } from '../model/order';
import { SmallMap } from '../model/small-map';
import { emptyState, type EngineState, type IdCounters } from './engine-state';
import { markCanonical, sortedCopy } from './hash';

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

/** A snapshot whose accounts are read once, in order (a reopen streams them from the restore worker). */
export type EngineSnapshotSource = Omit<EngineSnapshot, 'accounts'> & { readonly accounts: Iterable<AccountSnap | RowsPending> };

/**
 * What an accounts source gives where its next rows have not arrived yet (a reopen restores the
 * accounts the restore worker has sent while it cuts the rest): the restore yields `arrived` to
 * whoever runs its steps (run-sliced.ts awaits it) and reads on.
 */
export class RowsPending {
  constructor(readonly arrived: Promise<void>) {}
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

// Zero is the commonest amount (untouched fees, PnL, funding, withdrawals; restores share ZERO).
const s = (d: Dec): string => (d === ZERO ? '0' : d.toFixed());
const sn = (d: Dec | null): string | null => (d ? s(d) : null);
/** Parses a decimal text. */
type DecReader = (x: string) => Dec;

/**
 * A reader that parses each distinct text once and hands out the same (immutable) Dec for it
 * again: a 100,000-trader snapshot holds ~1,000,000 decimal texts but ~100,000 distinct ones
 * (half are "0"; quantities and small amounts repeat), and parsing and collecting them was most
 * of a restore's time.
 */
function decimalReader(): DecReader {
  const seen = new Map<string, Dec>();
  return (x) => {
    if (x === '0') return ZERO; // half of them: no hashing of the text
    let v = seen.get(x);
    if (v === undefined) seen.set(x, (v = compactDigits(new Dec(x))));
    return v;
  };
}
const byKey = <T>(key: (x: T) => string | number) => (a: T, b: T) => {
  const ka = key(a);
  const kb = key(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
};

/** A map's values sorted; most accounts hold none or one of each, which need no copy-and-sort. */
function sortedValues<T, U>(items: ReadonlyMap<unknown, T>, order: (a: T, b: T) => number, out: (x: T) => U): U[] {
  if (items.size === 0) return [];
  if (items.size === 1) for (const x of items.values()) return [out(x)];
  return [...items.values()].sort(order).map(out);
}
const bySymbol = byKey((p: Position) => p.symbol);
const byId = byKey((o: Order) => o.id);

/**
 * Every object below is written with its keys in sorted order (and the small foreign values,
 * tick, crowd parameters, counters, copied sorted), so the snapshot is already canonical JSON's
 * shape: markCanonical lets canonicalJson write it without re-building every object
 * (test/property/engine/canonical-snapshot.test.ts checks both the order and the text).
 */
export function snapshotState(st: EngineState): EngineSnapshot {
  return snapshotWith(st, sortedAccountIds(st.accounts).map((id) => accountSnap(st.accounts.get(id)!)));
}

/** The snapshot with these accounts (snapshotState's, or none: snapshot-text.ts writes them a slice at a time). */
export function snapshotWith(st: EngineState, accounts: AccountSnap[]): EngineSnapshot {
  return markCanonical({
    accounts,
    crowd: st.crowd ? { next: st.crowd.next, params: sortedCopy(st.crowd.params), skipped: st.crowd.skipped, startT: st.crowd.startT, symbol: st.crowd.symbol } : null,
    defaults: sortedCopy({ ...st.defaults }),
    fees: s(st.fees),
    format: 1,
    ids: sortedCopy({ ...st.ids }),
    insurance: s(st.insurance),
    markets: [...st.markets.values()].sort(byKey((m) => m.symbol)).map((m) => ({
      depthScale: m.config.depthScale,
      displacement: m.displacement,
      fundingIntervalHours: m.fundingIntervalHours,
      impactHalfLifeMs: m.config.impactHalfLifeMs,
      lastFundingRate: s(m.lastFundingRate),
      lastFundingT: m.lastFundingT,
      openInterest: s(m.openInterest),
      profileId: m.config.profileId,
      symbol: m.symbol,
      tick: sortedCopy(m.tick),
    })),
    netDeposits: s(st.netDeposits),
    seq: st.seq,
    t: Number.isFinite(st.t) ? st.t : null,
  });
}

export function accountSnap(a: Account): AccountSnap {
  return {
    deposited: s(a.deposited),
    history: a.history,
    id: a.id,
    kind: a.kind,
    orders: sortedValues(a.orders, byId, orderSnap),
    positions: sortedValues(a.positions, bySymbol, (p) => ({
      entryValue: s(p.entryValue),
      feesPaid: s(p.feesPaid),
      fundingPaid: s(p.fundingPaid),
      leverage: p.leverage,
      margin: s(p.margin),
      mode: p.mode,
      openedAt: p.openedAt,
      qty: s(p.qty),
      realizedPnl: s(p.realizedPnl),
      side: p.side,
      symbol: p.symbol,
      updatedAt: p.updatedAt,
    })),
    settings: [...a.settings.entries()].sort(byKey(([k]) => k)).map(([k, v]) => [k, v.mode, v.leverage] as const),
    wallet: s(a.wallet),
    withdrawn: s(a.withdrawn),
  };
}

function orderSnap(o: Order): OrderSnap {
  return {
    activation: sn(o.activation),
    bracket: o.bracket
      ? {
          stopLoss: o.bracket.stopLoss ? { source: o.bracket.stopLoss.source, trigger: s(o.bracket.stopLoss.trigger) } : null,
          takeProfits: o.bracket.takeProfits.map((r) => ({ fraction: r.fraction, price: sn(r.price), source: r.source, trigger: s(r.trigger) })),
        }
      : null,
    callbackRate: sn(o.callbackRate),
    clientOrderId: o.clientOrderId,
    closePosition: o.closePosition,
    createdAt: o.createdAt,
    filled: s(o.filled),
    filledValue: s(o.filledValue),
    fraction: o.fraction,
    id: o.id,
    parentId: o.parentId,
    price: sn(o.price),
    qty: s(o.qty),
    reason: o.reason,
    reduceOnly: o.reduceOnly,
    role: o.role,
    rung: o.rung,
    side: o.side,
    status: o.status,
    symbol: o.symbol,
    timeInForce: o.timeInForce,
    trailingExtreme: sn(o.trailingExtreme),
    trigger: sn(o.trigger),
    triggerSource: o.triggerSource,
    triggered: o.triggered,
    type: o.type,
    updatedAt: o.updatedAt,
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
export function* restoreStateSteps(snap: EngineSnapshotSource, every = 2000): Generator<void | Promise<void>, EngineState> {
  if (snap.format !== 1) throw new Error(`unknown engine snapshot format ${String(snap.format)}`);
  const st = emptyState();
  st.t = snap.t ?? Number.NEGATIVE_INFINITY;
  st.seq = snap.seq;
  const d = decimalReader();
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
    if (as instanceof RowsPending) {
      yield as.arrived;
      continue;
    }
    st.accounts.set(as.id, restoreAccount(as, d));
    n += 1;
    if (n % every === 0) yield;
  }
  if (snap.crowd) {
    const c = snap.crowd;
    const arrivals = c.next >= c.params.traders ? [] : yield* generateCrowdSteps(c.params, c.startT, Math.max(every * 5, 1));
    st.crowd = { params: c.params, symbol: c.symbol, startT: c.startT, next: c.next, skipped: c.skipped, arrivals };
  }
  return st;
}

/**
 * The canonical text of the accounts these rows restore to, comma-separated in the rows' order,
 * as snapshotState writes each: a restore check can take a snapshot's accounts a slice at a time
 * (trading/rebuild.ts checkCutRestores) instead of restoring and writing out a whole state.
 */
export function restoredAccountsText(rows: readonly AccountSnap[]): string {
  const d = decimalReader();
  return accountsText(rows.map((r) => restoreAccount(r, d)));
}

/** The canonical text of these accounts, comma-separated in order, as snapshotState writes each. */
export function accountsText(accounts: readonly Account[]): string {
  let text = '';
  for (let i = 0; i < accounts.length; i++) text += (i > 0 ? ',' : '') + JSON.stringify(accountSnap(accounts[i]!));
  return text;
}

function restoreAccount(as: AccountSnap, d: DecReader): Account {
  const a: Account = {
    id: as.id,
    kind: as.kind,
    wallet: d(as.wallet),
    settings: new SmallMap(as.settings.map(([k, mode, leverage]) => [k, symbolSettings(mode, leverage)] as const)),
    positions: new SmallMap(),
    orders: new SmallMap(),
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
  for (const o of as.orders) a.orders.set(o.id, restoreOrder(as.id, o, d));
  return a;
}

function restoreOrder(account: string, o: OrderSnap, d: DecReader): Order {
  const dn = (x: string | null): Dec | null => (x === null ? null : d(x));
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
