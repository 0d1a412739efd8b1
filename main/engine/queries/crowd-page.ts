import type { Side } from '#shared/domain/exchange';
import type { CrowdPage, CrowdRow, CrowdSort } from '#shared/domain/trading-queries';
import { adlScoreApprox } from '#shared/risk/adl-ranking';
import { ZERO, toWire, toWireOrNull, type Dec } from '#shared/money/decimal';
import { entryPrice, type Account, type Position } from '../model/account';
import type { RiskEntry } from '../index/liquidation-index';
import { LIQUIDITY_ID, type AccountId } from '../model/ids';
import { positionUpnl, solvePrices } from '../risk/position-risk';
import { lookup, type EngineView } from './account-view';
import { adlScoreOf } from './adl-rank';
import type { IdRanks } from './id-ranks';
import { radixOrderSteps } from '../index/radix-order';
import { NEVER, drain } from '../steps';
import { toFloat } from '#shared/money/to-float';

/**
 * The market's positions (every account but the liquidity one), sorted server-side so 100,000
 * rows can be paged. Sorting uses binary64 keys (an ordering, never an amount) taken from the
 * liquidation index's float copies where it has them; the rows of a page carry the exact
 * decimals. Ties are broken by account id, ascending in both directions: rows start in id order
 * (`ranks`) and the radix sort is stable. The caller caches the result per engine event count.
 */
export function crowdOrder(v: EngineView, symbol: string, sort: CrowdSort, desc: boolean, side: Side | undefined, ranks: IdRanks): AccountId[] {
  return drain(crowdOrderSteps(v, symbol, sort, desc, side, ranks, NEVER));
}

/**
 * crowdOrder pausing every `every` rows and after each radix pass (100,000 rows by a sort the
 * first page had not prepared held main ~35 ms at once). The engine must not change until it
 * ends: the caller checks the index version between steps (TradingQueries.prepareCrowdPage).
 */
export function* crowdOrderSteps(v: EngineView, symbol: string, sort: CrowdSort, desc: boolean, side: Side | undefined, ranks: IdRanks, every: number): Generator<void, AccountId[]> {
  const m = v.state.markets.get(symbol);
  if (!m) return [];
  const markF = m.markF;
  const ids: AccountId[] = [];
  const { positions, entries, fromEntries } = rowSource(v, symbol, sort);
  const keys = new Float64Array(positions.size);
  let n = 0;
  if (fromEntries) {
    for (const [id, e] of entries) {
      if (++n % every === 0) yield;
      if (side && e.side !== side) continue;
      // fromEntries holds for every sort but 'leverage' (rowSource).
      if (sort !== 'account' && sort !== 'leverage') keys[ids.length] = entryKey(e, sort, markF);
      ids.push(id);
    }
  } else {
    for (const [id, p] of positions) {
      if (++n % every === 0) yield;
      if (id === LIQUIDITY_ID || (side && p.side !== side)) continue;
      if (sort !== 'account') keys[ids.length] = sortKey(p, entries.get(id), sort, markF);
      ids.push(id);
    }
  }
  const idKey = idOrderKey(v, symbol, side, fromEntries);
  if (every !== NEVER) yield* ranks.orderByIdSteps(idKey, ids, every);
  const byId = ranks.orderById(idKey, ids);
  let order: Uint32Array;
  if (sort === 'account') order = desc ? byId.slice().reverse() : byId;
  else {
    const k = keys.subarray(0, ids.length);
    if (desc) for (let i = 0; i < k.length; i++) k[i] = -k[i]!;
    order = yield* radixOrderSteps(k, byId);
  }
  const out = new Array<AccountId>(order.length);
  for (let i = 0; i < order.length; i++) out[i] = ids[order[i]!]!;
  return out;
}

/**
 * The rows crowdOrder walks. Every position but the liquidity account's has an entry (refresh.ts)
 * and a closed one has none: when the counts agree, the entries alone carry the keys (a lookup per
 * row in a 100,000-key map cost a third of the whole ordering).
 */
function rowSource(v: EngineView, symbol: string, sort: CrowdSort): { positions: ReadonlyMap<AccountId, Position>; entries: ReadonlyMap<AccountId, RiskEntry>; fromEntries: boolean } {
  const positions = v.idx.positionsIn(symbol);
  const entries = v.idx.liq.symbolEntries(symbol);
  const liquidity = positions.has(LIQUIDITY_ID) ? 1 : 0;
  const fromEntries = sort !== 'leverage' && entries.size === positions.size - liquidity && !entries.has(LIQUIDITY_ID);
  return { positions, entries, fromEntries };
}

/** The same index version walks the same rows in the same order (Maps iterate in insertion order). */
function idOrderKey(v: EngineView, symbol: string, side: Side | undefined, fromEntries: boolean): string {
  return `${v.idx.liq.version}|${symbol}|${side ?? ''}|${fromEntries}`;
}

/**
 * Before a session's first Market page: the rows' id order crowdOrder needs for `sort` on the
 * whole market (no side filter), prepared in steps of `every` rows (IdRanks.orderByIdSteps). At
 * once, inside the first page, it held main ~45 ms of the ~110 ms that page took.
 */
export function* prepareCrowdOrderSteps(v: EngineView, symbol: string, sort: CrowdSort, ranks: IdRanks, every: number): Generator<void, void> {
  if (!v.state.markets.has(symbol)) return;
  const { positions, entries, fromEntries } = rowSource(v, symbol, sort);
  const ids: AccountId[] = [];
  let n = 0;
  for (const id of fromEntries ? entries.keys() : positions.keys()) {
    if (id !== LIQUIDITY_ID || fromEntries) ids.push(id);
    if (++n % every === 0) yield;
  }
  yield* ranks.orderByIdSteps(idOrderKey(v, symbol, undefined, fromEntries), ids, every);
}

/**
 * Whether a sort's order changes with the mark. The others (account, notional, leverage, entry
 * and liquidation price) change only with the positions: their order is kept across ticks while
 * the liquidation index's version stays the same (TradingQueries).
 */
export function sortMovesWithMark(sort: CrowdSort): boolean {
  return sort === 'distanceToLiquidation' || sort === 'unrealizedPnl' || sort === 'adlScore';
}

function sortKey(p: Position, e: RiskEntry | undefined, sort: Exclude<CrowdSort, 'account'>, markF: number): number {
  if (sort === 'leverage') return p.leverage;
  if (e) return entryKey(e, sort, markF);
  // No entry (none is expected but the liquidity account's): the position's own decimals.
  switch (sort) {
    case 'notional':
      return toFloat(p.qty);
    case 'entryPrice':
      return toFloat(entryPrice(p));
    case 'liquidationPrice':
    case 'distanceToLiquidation':
      return Number.POSITIVE_INFINITY;
    case 'unrealizedPnl':
      return (p.side === 'long' ? 1 : -1) * toFloat(p.qty) * (markF - toFloat(entryPrice(p)));
    case 'adlScore':
      return Number.NEGATIVE_INFINITY;
    default: {
      const never: never = sort;
      throw new Error(`unknown sort ${String(never)}`);
    }
  }
}

/** A sort key from a risk entry's float copies, which are the position's own (refresh.ts takes them when it changes). */
function entryKey(e: RiskEntry, sort: Exclude<CrowdSort, 'account' | 'leverage'>, markF: number): number {
  const lp = e.liquidationF;
  switch (sort) {
    case 'notional':
      // One market, one mark: ordering by quantity is ordering by notional, and holds across ticks.
      return e.qtyF;
    case 'entryPrice':
      return e.entryF;
    case 'liquidationPrice':
      return lp ?? Number.POSITIVE_INFINITY;
    case 'distanceToLiquidation':
      return lp !== null ? Math.abs(markF - lp) / markF : Number.POSITIVE_INFINITY;
    case 'unrealizedPnl':
      return (e.side === 'long' ? 1 : -1) * e.qtyF * (markF - e.entryF);
    case 'adlScore':
      return adlScoreApprox(e.side, e.qtyF, e.entryF, markF, e.bankruptcyF) ?? Number.NEGATIVE_INFINITY;
    default: {
      const never: never = sort;
      throw new Error(`unknown sort ${String(never)}`);
    }
  }
}

/** The exact liquidation price; a funding-stale index entry is re-solved here (without touching the index). */
function liquidationOf(v: EngineView, a: Account, p: Position): Dec | null {
  const e = v.idx.liq.get(a.id, p.symbol);
  if (e && !v.idx.liq.isStale(e)) return e.liquidation;
  return solvePrices(lookup(v), a, p).liquidation;
}

/** How many longs and shorts the market holds, and their quantities (a page's header; cache it with the order). */
export interface CrowdTotals {
  readonly longs: number;
  readonly shorts: number;
  readonly longQuantity: CrowdPage['longQuantity'];
  readonly shortQuantity: CrowdPage['shortQuantity'];
}

export function crowdTotals(v: EngineView, symbol: string): CrowdTotals {
  let longs = 0;
  let shorts = 0;
  let longQty = ZERO;
  let shortQty = ZERO;
  for (const [id, p] of v.idx.positionsIn(symbol)) {
    if (id === LIQUIDITY_ID) continue;
    if (p.side === 'long') {
      longs += 1;
      longQty = longQty.plus(p.qty);
    } else {
      shorts += 1;
      shortQty = shortQty.plus(p.qty);
    }
  }
  return { longs, shorts, longQuantity: toWire(longQty), shortQuantity: toWire(shortQty) };
}

export function crowdPage(v: EngineView, symbol: string, order: readonly AccountId[], offset: number, limit: number, totals: CrowdTotals = crowdTotals(v, symbol)): CrowdPage {
  const m = v.state.markets.get(symbol);
  const positions = v.idx.positionsIn(symbol);
  const rows: CrowdRow[] = [];
  for (const id of order.slice(offset, offset + limit)) {
    const p = positions.get(id);
    const a = v.state.accounts.get(id);
    if (!p || !a || !m) continue;
    const stop = [...a.orders.values()].find((o) => o.symbol === symbol && o.status === 'pending' && o.type === 'stopMarket');
    rows.push({
      account: id,
      side: p.side,
      quantity: toWire(p.qty),
      entryPrice: toWire(entryPrice(p).toSignificantDigits(20)),
      notional: toWire(p.qty.mul(m.mark).mul(m.spec.contractSize)),
      leverage: p.leverage,
      marginMode: p.mode,
      margin: toWire(p.mode === 'isolated' ? p.margin : a.wallet),
      liquidationPrice: toWireOrNull(liquidationOf(v, a, p)?.toSignificantDigits(20) ?? null),
      unrealizedPnl: toWire(positionUpnl(m, p).toSignificantDigits(20)),
      stopPrice: toWireOrNull(stop?.trigger ?? null),
      adlScore: adlScoreOf(v, id, p),
    });
  }
  return { total: order.length, offset, rows, ...totals };
}
