import { isAboveZero, type Dec } from '#shared/money/decimal';
import type { Engine } from '#main/engine/engine';
import type { Account, Position } from '#main/engine/model/account';
import { LIQUIDITY_ID, TRADER_ID } from '#main/engine/model/ids';
import { lookup } from '#main/engine/queries/account-view';
import { solvePrices } from '#main/engine/risk/position-risk';
import { KIND_LONG, KIND_SHORT, KIND_STOP, type HeatRow } from './segments';
import { toFloat } from '#shared/money/to-float';

const STOP_TYPES = new Set(['stopMarket', 'stopLimit', 'trailingStop']);

/** Decimal text as the Trade view shows a liquidation price (20 significant digits). */
export function priceText(d: Dec): string {
  return d.toSignificantDigits(20).toFixed();
}

/**
 * A decimal's plain text as one flat string. decimal.js writes it by concatenation, which V8 keeps
 * as a tree of pieces (~165 bytes for a 40-digit price) until something reads its characters; the
 * segment store keeps one per segment, 100,000 new ones after each funding settlement at 100,000
 * positions (~70 MB of a 20 s max-speed play, half of it the copies its comparisons flattened).
 * Reading a character here leaves one ~85-byte string.
 */
function flatText(d: Dec): string {
  const s = d.toFixed();
  s.charCodeAt(0);
  return s;
}

/** A liquidation price, with its binary64 value when the index holds one. */
interface Level {
  readonly lp: Dec;
  readonly f: number | null;
}

/**
 * The engine's liquidation price of a position: the index's entry, with its own float, unless
 * `exact` and a funding settlement made it stale; then it is solved again, as the Market tab does
 * (the recorder and `levdesk heatmap` read exactly; the recorder does so in slices).
 */
function liquidationLevel(engine: Engine, account: Account, p: Position, exact: boolean): Level | null {
  const liq = engine.indexes.liq;
  const e = liq.get(account.id, p.symbol);
  if (e && (!exact || !liq.isStale(e))) return e.liquidation && e.liquidationF !== null ? { lp: e.liquidation, f: e.liquidationF } : null;
  const lp = solvePrices(lookup({ state: engine.readState, idx: engine.indexes }), account, p).liquidation;
  return lp && { lp, f: null };
}

/** The engine's liquidation price of a position (liquidationLevel's decimal). */
export function liquidationOf(engine: Engine, account: Account, p: Position, exact: boolean): Dec | null {
  return liquidationLevel(engine, account, p, exact)?.lp ?? null;
}

/** The levels one account stands for on a symbol: its position's liquidation price and its resting stops. */
export function accountRows(engine: Engine, accountId: string, symbol: string, exact: boolean): HeatRow[] {
  const st = engine.readState;
  const account = st.accounts.get(accountId);
  const m = st.markets.get(symbol);
  if (!account || !m || account.kind === 'liquidity') return [];
  // Quantities are multiples of the step, so the binary64 quotient is within far less than half a
  // step of the integer: rounding it is exact (and ~50× cheaper than a decimal division).
  const stepF = toFloat(m.spec.stepSize);
  const steps = (q: Dec): number => Math.round(toFloat(q) / stepF);
  const mine = accountId === TRADER_ID;
  const p = account.positions.get(symbol);
  const out: HeatRow[] = [];
  if (p) {
    const level = liquidationLevel(engine, account, p, exact);
    if (level && isAboveZero(level.lp)) {
      // A solved price's float is parsed from the text the row keeps: toNumber would print the
      // same 40 digits again (after a funding settlement the recorder re-solves every position).
      const text = flatText(level.lp);
      out.push({ kind: p.side === 'long' ? KIND_LONG : KIND_SHORT, price: level.f ?? Number(text), priceText: text, qtySteps: steps(p.qty), leverage: p.leverage, cross: p.mode === 'cross', mine });
    }
  }
  if (account.orders.size === 0) return out;
  for (const o of account.orders.values()) {
    if (o.symbol !== symbol || o.status !== 'pending' || !STOP_TYPES.has(o.type) || !o.trigger) continue;
    const qty = o.closePosition ? (p?.qty ?? null) : o.qty.minus(o.filled);
    if (!qty || qty.lte(0)) continue;
    const settings = account.settings.get(symbol);
    out.push({
      kind: KIND_STOP,
      price: toFloat(o.trigger),
      priceText: flatText(o.trigger),
      qtySteps: steps(qty),
      leverage: p?.leverage ?? settings?.leverage ?? 1,
      cross: (p?.mode ?? settings?.mode) === 'cross',
      mine,
    });
  }
  return out;
}

/** Every account holding a position or a resting stop on the symbol (the trader always). */
export function accountsOn(engine: Engine, symbol: string): string[] {
  const ids = new Set<string>();
  for (const id of engine.indexes.positionsIn(symbol).keys()) if (id !== LIQUIDITY_ID) ids.add(id);
  if (engine.readState.accounts.has(TRADER_ID)) ids.add(TRADER_ID);
  return [...ids];
}

/** The whole market's rows now (what the CLI and the cursor map at the clock read). */
export function engineRows(engine: Engine, symbol: string, exact: boolean): HeatRow[] {
  const out: HeatRow[] = [];
  for (const id of accountsOn(engine, symbol)) for (const r of accountRows(engine, id, symbol, exact)) out.push(r);
  return out;
}
