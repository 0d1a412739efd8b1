import type { Side } from '#shared/domain/exchange';
import type { CrowdPage, CrowdRow, CrowdSort } from '#shared/domain/trading-queries';
import { ZERO, toWire, toWireOrNull, type Dec } from '#shared/money/decimal';
import { entryPrice, type Account, type Position } from '../model/account';
import { LIQUIDITY_ID, type AccountId } from '../model/ids';
import { positionUpnl, solvePrices } from '../risk/position-risk';
import { lookup, type EngineView } from './account-view';
import { adlScoreOf } from './adl-rank';

/**
 * The market's positions (every account but the liquidity one), sorted server-side so 100,000
 * rows can be paged. Sorting uses binary64 keys (an ordering, never an amount); the rows of a
 * page carry the exact decimals. The ordering is the expensive part: the caller caches it per
 * engine event count.
 */
export function crowdOrder(v: EngineView, symbol: string, sort: CrowdSort, desc: boolean, side?: Side): AccountId[] {
  const m = v.state.markets.get(symbol);
  if (!m) return [];
  const markF = m.markF;
  const rows: Array<{ id: AccountId; key: number | string }> = [];
  for (const [id, p] of v.idx.positionsIn(symbol)) {
    if (id === LIQUIDITY_ID || (side && p.side !== side)) continue;
    rows.push({ id, key: sortKey(v, id, p, sort, markF) });
  }
  const dir = desc ? -1 : 1;
  rows.sort((a, b) => {
    if (a.key !== b.key) {
      if (typeof a.key === 'string' || typeof b.key === 'string') return (String(a.key) < String(b.key) ? -1 : 1) * dir;
      return (a.key - b.key) * dir;
    }
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  });
  return rows.map((r) => r.id);
}

function sortKey(v: EngineView, id: AccountId, p: Position, sort: CrowdSort, markF: number): number | string {
  const q = p.qty.toNumber();
  switch (sort) {
    case 'account':
      return id;
    case 'notional':
      return q * markF;
    case 'leverage':
      return p.leverage;
    case 'entryPrice':
      return entryPrice(p).toNumber();
    case 'liquidationPrice':
      return v.idx.liq.get(id, p.symbol)?.liquidation?.toNumber() ?? Number.POSITIVE_INFINITY;
    case 'distanceToLiquidation': {
      const lp = v.idx.liq.get(id, p.symbol)?.liquidation;
      return lp ? Math.abs(markF - lp.toNumber()) / markF : Number.POSITIVE_INFINITY;
    }
    case 'unrealizedPnl':
      return (p.side === 'long' ? 1 : -1) * q * (markF - entryPrice(p).toNumber());
    case 'adlScore':
      return adlScoreOf(v, id, p) ?? Number.NEGATIVE_INFINITY;
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

export function crowdPage(v: EngineView, symbol: string, order: readonly AccountId[], offset: number, limit: number): CrowdPage {
  const m = v.state.markets.get(symbol);
  const positions = v.idx.positionsIn(symbol);
  let longs = 0;
  let shorts = 0;
  let longQty = ZERO;
  let shortQty = ZERO;
  for (const [id, p] of positions) {
    if (id === LIQUIDITY_ID) continue;
    if (p.side === 'long') {
      longs += 1;
      longQty = longQty.plus(p.qty);
    } else {
      shorts += 1;
      shortQty = shortQty.plus(p.qty);
    }
  }
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
  return { total: order.length, offset, rows, longs, shorts, longQuantity: toWire(longQty), shortQuantity: toWire(shortQty) };
}
