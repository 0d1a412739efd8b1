import type { HeatmapDetail, HeatmapLevel, HeatmapSource, LevelAmount, LevelSplit, OwnPositionMark } from '#shared/domain/heatmap';
import { LEVERAGE_BANDS } from '#shared/domain/heatmap';
import { Dec, ceilTo, floorTo, toWire } from '#shared/money/decimal';
import type { HeatRow } from './segments';

/** Equal price levels on the tick grid: [lo + i × width, lo + (i + 1) × width), the last one closed. */
export interface Binning {
  readonly lo: Dec;
  readonly width: Dec;
  readonly bins: number;
  readonly loF: number;
  readonly widthF: number;
}

/** Levels spanning every row's price and the mark, snapped to the tick. */
export function binningFor(rows: readonly HeatRow[], mark: Dec, bins: number, tick: Dec): Binning {
  let min = mark;
  let max = mark;
  let minF = mark.toNumber();
  let maxF = minF;
  for (const r of rows) {
    if (r.price < minF) {
      minF = r.price;
      min = new Dec(r.priceText);
    }
    if (r.price > maxF) {
      maxF = r.price;
      max = new Dec(r.priceText);
    }
  }
  const lo = floorTo(min, tick);
  const hi = ceilTo(max, tick);
  let width = ceilTo(hi.minus(lo).div(bins), tick);
  if (width.lte(0)) width = tick;
  // The top edge is inclusive; a max exactly on lo + bins × width still falls in the last level.
  return { lo, width, bins, loF: lo.toNumber(), widthF: width.toNumber() };
}

/** The level of a price: binary64 first, exact decimals only within a hair of an edge. */
export function levelOf(b: Binning, price: number, text: string): number {
  const x = (price - b.loF) / b.widthF;
  let i = Math.floor(x);
  if (Math.abs(x - Math.round(x)) < 1e-7) i = new Dec(text).minus(b.lo).div(b.width).floor().toNumber();
  return i < 0 ? 0 : i >= b.bins ? b.bins - 1 : i;
}

interface Acc {
  steps: number;
  count: number;
}

function amount(a: Acc, step: Dec, mark: Dec | null): LevelAmount {
  const q = new Dec(a.steps).mul(step);
  return { quantity: toWire(q), notional: toWire(mark ? q.mul(mark) : 0), count: a.count };
}

/**
 * The exact levels: Σ quantity (in contract steps, integers, so binary64 sums are exact; turned
 * into decimals once per level), notional = quantity × mark (a position's notional as the
 * exchange reports it), and count, per side and for stops. Every row lands in exactly one level,
 * so the long levels sum to the open long quantity (likewise shorts): tested.
 */
export function exactLevels(rows: readonly HeatRow[], b: Binning, step: Dec, mark: Dec): HeatmapLevel[] {
  const accs = Array.from({ length: b.bins }, () => [
    { steps: 0, count: 0 },
    { steps: 0, count: 0 },
    { steps: 0, count: 0 },
  ]);
  for (const r of rows) {
    const a = accs[levelOf(b, r.price, r.priceText)]![r.kind]!;
    a.steps += r.qtySteps;
    a.count += 1;
  }
  return accs.map((a, i) => ({
    priceFrom: toWire(b.lo.plus(b.width.mul(i))),
    priceTo: toWire(b.lo.plus(b.width.mul(i + 1))),
    long: amount(a[0]!, step, mark),
    short: amount(a[1]!, step, mark),
    stops: amount(a[2]!, step, mark),
  }));
}

/** Each level's split by leverage band and margin mode (binary64: the cumulative map's picture). */
export function levelSplits(rows: readonly HeatRow[], b: Binning, step: number): LevelSplit[] {
  const out = Array.from({ length: b.bins }, () => ({ long: LEVERAGE_BANDS.map(() => 0), short: LEVERAGE_BANDS.map(() => 0), cross: 0, isolated: 0, mine: 0 }));
  for (const r of rows) {
    const s = out[levelOf(b, r.price, r.priceText)]!;
    if (r.mine) s.mine += 1;
    if (r.kind === 2) continue;
    const q = r.qtySteps * step;
    const band = LEVERAGE_BANDS.findIndex((u) => r.leverage <= u);
    (r.kind === 0 ? s.long : s.short)[band < 0 ? LEVERAGE_BANDS.length - 1 : band] += q;
    if (r.cross) s.cross += q;
    else s.isolated += q;
  }
  return out;
}

/** One cell or level in detail; `inside` picks the rows (a level's exact binning, or a cell's float range). */
export function detailOf(rows: readonly HeatRow[], inside: (r: HeatRow) => boolean, t: number, from: string, to: string, step: Dec, mark: Dec | null): HeatmapDetail {
  const side = [
    { steps: 0, count: 0 },
    { steps: 0, count: 0 },
    { steps: 0, count: 0 },
  ];
  const bands = LEVERAGE_BANDS.flatMap((upTo) => (['long', 'short'] as const).map((s) => ({ upTo, side: s, steps: 0, count: 0 })));
  const cross = { steps: 0, count: 0 };
  const isolated = { steps: 0, count: 0 };
  let mine = 0;
  for (const r of rows) {
    if (!inside(r)) continue;
    side[r.kind]!.steps += r.qtySteps;
    side[r.kind]!.count += 1;
    if (r.mine) mine += 1;
    if (r.kind === 2) continue;
    const band = LEVERAGE_BANDS.findIndex((u) => r.leverage <= u);
    const cell = bands[(band < 0 ? LEVERAGE_BANDS.length - 1 : band) * 2 + r.kind]!;
    cell.steps += r.qtySteps;
    cell.count += 1;
    const m = r.cross ? cross : isolated;
    m.steps += r.qtySteps;
    m.count += 1;
  }
  const q = (steps: number) => toWire(new Dec(steps).mul(step));
  return {
    t,
    priceFrom: toWire(from),
    priceTo: toWire(to),
    markPrice: mark ? toWire(mark) : null,
    long: amount(side[0]!, step, mark),
    short: amount(side[1]!, step, mark),
    stops: amount(side[2]!, step, mark),
    leverage: bands.map((x) => ({ upTo: x.upTo, side: x.side, quantity: q(x.steps), count: x.count })),
    cross: { quantity: q(cross.steps), count: cross.count },
    isolated: { quantity: q(isolated.steps), count: isolated.count },
    mine,
  };
}

export function levelsDoc(at: number, mark: Dec, source: HeatmapSource, levels: HeatmapLevel[], own: OwnPositionMark[]) {
  return { at: new Date(at).toISOString(), markPrice: toWire(mark), source, levels, own };
}
