import type { McRebalance } from './model';

/**
 * One leveraged token in floating point, the same mechanics as the exact simulateToken: holdings
 * of `units` of the underlying (start price normalised to 1) and `cash`; NAV = cash + units x P is
 * linear in price between rebalances; a threshold fires at the exact crossing price on a linear
 * segment; NAV that reaches zero stays zero. `lo`/`hi` bracket the current price by the nearest
 * trigger or wipe-out price on each side, so a step that stays inside costs two compares.
 */
export interface FloatToken {
  units: number;
  cash: number;
  ref: number;
  lo: number;
  hi: number;
  alive: boolean;
  rebalances: number;
  readonly target: number;
  readonly rule: McRebalance;
}

export function newFloatToken(leverage: number, rule: McRebalance): FloatToken {
  // One Monte Carlo rule serves every leverage of a run (3 and -3 alike), so its target is a
  // magnitude that takes the token's side: a short token is never rebalanced long.
  const target = rule.kind === 'leverage-band' && rule.rebalanceTo !== undefined ? Math.abs(rule.rebalanceTo) * Math.sign(leverage) : leverage;
  const t: FloatToken = { units: 0, cash: 1, ref: 1, lo: -Infinity, hi: Infinity, alive: true, rebalances: 0, target, rule };
  relever(t, 1);
  t.rebalances = 0;
  return t;
}

export function nav(t: FloatToken, p: number): number {
  return t.cash + t.units * p;
}

/** Back to the target (the daily close), or under a band's targetFollow part of the way (bandLeverage). */
export function relever(t: FloatToken, p: number, leverage = t.target): void {
  const value = t.cash + t.units * p;
  t.units = (leverage * value) / p;
  t.cash = value - t.units * p;
  t.ref = p;
  t.rebalances += 1;
  bracket(t, p);
}

/** As the exact bandTarget: |target| + follow x (|drifted leverage| clamped to the band - |target|). */
export function bandLeverage(t: FloatToken, p: number): number {
  const r = t.rule;
  if (r.kind !== 'leverage-band' || !r.targetFollow) return t.target;
  const value = t.cash + t.units * p;
  if (!(value > 0)) return t.target;
  let drifted = Math.abs((t.units * p) / value);
  if (drifted > r.maxAbsLeverage) drifted = r.maxAbsLeverage;
  if (r.minAbsLeverage !== undefined && drifted < r.minAbsLeverage) drifted = r.minAbsLeverage;
  const abs = Math.abs(t.target);
  return (abs + r.targetFollow * (drifted - abs)) * Math.sign(t.target);
}

export function wipe(t: FloatToken): void {
  t.alive = false;
  t.units = 0;
  t.cash = 0;
  t.lo = -Infinity;
  t.hi = Infinity;
}

/** Trigger prices of the rule for the current holdings (as the exact triggerPrices). */
function triggers(t: FloatToken, out: number[]): number {
  const r = t.rule;
  let n = 0;
  if (r.kind === 'price-band') {
    out[n++] = t.ref * (1 + r.band);
    out[n++] = t.ref * (1 - r.band);
  } else if (r.kind === 'leverage-band') {
    const sign = t.target > 0 ? 1 : -1;
    const bounds = r.minAbsLeverage !== undefined ? [r.maxAbsLeverage, r.minAbsLeverage] : [r.maxAbsLeverage];
    for (const b of bounds) {
      const lev = b * sign;
      const den = t.units * (1 - lev);
      if (den !== 0) out[n++] = (lev * t.cash) / den;
    }
  }
  return n;
}

const scratch: number[] = [0, 0, 0];

/** Sets lo/hi to the nearest trigger or wipe-out price below and above p. */
export function bracket(t: FloatToken, p: number): void {
  let lo = -Infinity;
  let hi = Infinity;
  if (t.units !== 0) {
    const w = -t.cash / t.units;
    if (w < p && w > lo) lo = w;
    if (w > p && w < hi) hi = w;
  }
  const n = triggers(t, scratch);
  for (let i = 0; i < n; i += 1) {
    const x = scratch[i]!;
    if (x < p && x > lo) lo = x;
    if (x > p && x < hi) hi = x;
  }
  t.lo = lo;
  t.hi = hi;
}

const MAX_TRIGGERS_PER_SEGMENT = 100_000;

/** The linear move from `from` to `to` left the bracket: fire every trigger on the way, as the exact walk does. */
export function walkSlow(t: FloatToken, from: number, to: number): void {
  const dir = to > from ? 1 : to < from ? -1 : 0;
  let price = from;
  for (let guard = 0; dir !== 0 && guard < MAX_TRIGGERS_PER_SEGMENT; guard += 1) {
    let next = NaN;
    const n = triggers(t, scratch);
    for (let i = 0; i < n; i += 1) {
      const p = scratch[i]!;
      const ahead = (p - price) * dir > 0 && (to - p) * dir >= 0;
      if (ahead && (Number.isNaN(next) || Math.abs(p - price) < Math.abs(next - price))) next = p;
    }
    if (Number.isNaN(next) || !(nav(t, next) > 0)) break;
    relever(t, next, bandLeverage(t, next));
    price = next;
  }
  if (!(nav(t, to) > 0)) wipe(t);
  else bracket(t, to);
}

/** The daily close: funding on the end-of-day notional, the management fee, then the re-lever if the rule has one. */
export function close(t: FloatToken, p: number, fundingPerDay: number, feePerDay: number): void {
  t.cash -= t.units * p * fundingPerDay;
  t.cash -= (t.cash + t.units * p) * feePerDay;
  if (!(t.cash + t.units * p > 0)) {
    wipe(t);
    return;
  }
  if (t.rule.kind === 'daily' || t.rule.daily) relever(t, p);
  else bracket(t, p);
}
