import type { Side } from '../domain/exchange';
import { Dec } from '../money/decimal';
import { RiskInputError } from './errors';

export interface Bar {
  readonly high: Dec;
  readonly low: Dec;
  readonly close: Dec;
}

/** TR = max(H - L, |H - C_prev|, |L - C_prev|); the first bar has no previous close: H - L. */
export function trueRanges(bars: readonly Bar[]): Dec[] {
  return bars.map((b, i) => {
    const hl = b.high.minus(b.low);
    if (i === 0) return hl;
    const prev = bars[i - 1]!.close;
    return Dec.max(hl, b.high.minus(prev).abs(), b.low.minus(prev).abs());
  });
}

/**
 * Wilder's ATR: the mean of the first n true ranges, then ATR_t = (ATR_{t-1} x (n - 1) + TR_t) / n
 * (Wikipedia "Average true range", Wilder 1978). Null until n bars have been seen.
 */
export function wilderAtr(bars: readonly Bar[], n: number): (Dec | null)[] {
  if (!Number.isInteger(n) || n < 1) throw new RiskInputError('n', 'must be a positive integer');
  const tr = trueRanges(bars);
  const out: (Dec | null)[] = [];
  let atr: Dec | null = null;
  let sum = new Dec(0);
  tr.forEach((t, i) => {
    if (i < n - 1) {
      sum = sum.plus(t);
      out.push(null);
    } else if (i === n - 1) {
      atr = sum.plus(t).div(n);
      out.push(atr);
    } else {
      atr = atr!.mul(n - 1).plus(t).div(n);
      out.push(atr);
    }
  });
  return out;
}

/**
 * ATR trailing stop: close -+ k x ATR, moved only in the trade's favour (a long's stop never
 * falls). Null until the ATR exists.
 */
export function atrTrailingStops(bars: readonly Bar[], n: number, k: Dec, side: Side): (Dec | null)[] {
  const atr = wilderAtr(bars, n);
  let stop: Dec | null = null;
  return bars.map((b, i) => {
    const a = atr[i];
    if (a === null || a === undefined) return null;
    const raw = side === 'long' ? b.close.minus(a.mul(k)) : b.close.plus(a.mul(k));
    stop = stop === null ? raw : side === 'long' ? Dec.max(stop, raw) : Dec.min(stop, raw);
    return stop;
  });
}

/**
 * Chandelier exit (LeBeau): long = highest high of the last n bars - k x ATR(n); short = lowest
 * low + k x ATR(n). The plain form can loosen when ATR expands; `conservative` ignores any
 * loosening. Defaults in the literature: n = 22, k = 3.
 */
export function chandelierStops(bars: readonly Bar[], n: number, k: Dec, side: Side, conservative = false): (Dec | null)[] {
  const atr = wilderAtr(bars, n);
  let prev: Dec | null = null;
  return bars.map((_, i) => {
    const a = atr[i];
    if (a === null || a === undefined) return null;
    const window = bars.slice(i - n + 1, i + 1);
    const raw =
      side === 'long'
        ? Dec.max(...window.map((b) => b.high)).minus(a.mul(k))
        : Dec.min(...window.map((b) => b.low)).plus(a.mul(k));
    const stop: Dec = conservative && prev !== null ? (side === 'long' ? Dec.max(prev, raw) : Dec.min(prev, raw)) : raw;
    prev = stop;
    return stop;
  });
}
