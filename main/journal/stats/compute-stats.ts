import type { JournalStats } from '#shared/journal/journal-stats';
import type { JournalTrip } from '#shared/journal/journal-trip';
import { leverageBand, Splits } from './splits';
import { tripColumns, type TripColumns } from './trip-columns';

const MAX_EQUITY_POINTS = 2000;
const MAX_SCATTER_POINTS = 5000;
const R_EDGES = [-3, -2, -1.5, -1, -0.5, 0, 0.5, 1, 1.5, 2, 3, 5];
const DAY = 86_400_000;

/**
 * Per-trip multipliers into one quote asset (NaN where no stored price covers the trip), used
 * only when the user asks for converted figures; `missing` says which assets lacked prices.
 */
export interface StatsConversion {
  readonly quote: string;
  readonly rate: Float64Array;
  readonly note: string;
}

function rBucket(r: number): number {
  let b = 0;
  while (b < R_EDGES.length && r >= R_EDGES[b]!) b++;
  return b;
}

/** Every statistic of the Journal view over trips already filtered (the wrapper tests and the bench use). */
export function computeStats(trips: readonly JournalTrip[], wantAsset: string | undefined, conversion?: StatsConversion): JournalStats {
  const all = new Int32Array(trips.length);
  for (let i = 0; i < all.length; i++) all[i] = i;
  return statsOver(tripColumns(trips), all, wantAsset, conversion);
}

/**
 * Every statistic in one pass over the chosen trips (positions into the book, sorted by close
 * time), plus the equity walk. Cash figures are in one settlement asset (never summed across
 * assets) unless a conversion was asked for; then every trip with a stored price counts, in the
 * quote asset, and the output says so. Float64 throughout: analytics, not a ledger.
 */
export function statsOver(cols: TripColumns, picked: Int32Array, wantAsset: string | undefined, conversion?: StatsConversion): JournalStats {
  const started = performance.now();
  const { trips, net: nets, r: rs, closedAt: closes } = cols;
  const perAsset = new Map<string, number>();
  for (let k = 0; k < picked.length; k++) {
    const a = trips[picked[k]!]!.asset;
    perAsset.set(a, (perAsset.get(a) ?? 0) + 1);
  }
  const assets = [...perAsset.entries()].map(([asset, n]) => ({ asset, trips: n })).sort((a, b) => b.trips - a.trips || a.asset.localeCompare(b.asset));
  const asset = conversion ? conversion.quote : (wantAsset ?? assets[0]?.asset ?? null);
  const missingByAsset = new Map<string, number>();
  let wins = 0;
  let losses = 0;
  let count = 0;
  let grossWin = 0;
  let grossLoss = 0;
  let total = 0;
  let rSum = 0;
  let rN = 0;
  const rCounts = new Int32Array(R_EDGES.length + 1);
  const calendar = new Map<number, { net: number; trips: number }>();
  const heatNet = new Float64Array(7 * 24);
  const heatTrips = new Int32Array(7 * 24);
  const scatter: JournalStats['scatter'] = [];
  let scatterMissing = 0;
  const split = { symbol: new Splits(), side: new Splits(), leverage: new Splits(), marginMode: new Splits(), tag: new Splits(), setup: new Splits() };
  const eqT = new Float64Array(picked.length);
  const eqV = new Float64Array(picked.length);
  const eqD = new Float64Array(picked.length);
  let peak = 0;
  let peakAt: number | null = null;
  const dd = { depth: 0, peakAt: null as number | null, troughAt: null as number | null, durationMs: 0 };
  let lastPeakAt: number | null = null;
  let lastClose = 0;
  for (let k = 0; k < picked.length; k++) {
    const i = picked[k]!;
    const t = trips[i]!;
    let net = nets[i]!;
    if (conversion) {
      const rate = conversion.rate[i]!;
      if (rate !== rate) {
        missingByAsset.set(t.asset, (missingByAsset.get(t.asset) ?? 0) + 1);
        continue;
      }
      net *= rate;
    } else if (t.asset !== asset) continue;
    const closedAt = closes[i]!;
    if (lastPeakAt === null) lastPeakAt = t.openedAt;
    count += 1;
    total += net;
    if (net > 0) {
      wins += 1;
      grossWin += net;
    } else if (net < 0) {
      losses += 1;
      grossLoss -= net;
    }
    const r = rs[i]!;
    if (r === r) {
      rSum += r;
      rN += 1;
      rCounts[rBucket(r)]! += 1;
    }
    // Integer day and hour arithmetic: a Date per trip costs more than the rest of the pass.
    const dayNo = Math.floor(closedAt / DAY);
    let c = calendar.get(dayNo);
    if (!c) calendar.set(dayNo, (c = { net: 0, trips: 0 }));
    c.net += net;
    c.trips += 1;
    // 1970-01-01 was a Thursday (index 3 with Monday = 0).
    const cell = ((((dayNo + 3) % 7) + 7) % 7) * 24 + Math.floor((closedAt - dayNo * DAY) / 3_600_000);
    heatNet[cell]! += net;
    heatTrips[cell]! += 1;
    if (t.maePct !== null && t.mfePct !== null) {
      if (scatter.length < MAX_SCATTER_POINTS) scatter.push({ id: t.id, maePct: t.maePct, mfePct: t.mfePct, net });
    } else scatterMissing += 1;
    split.symbol.add(t.symbol, net, r);
    split.side.add(t.side, net, r);
    split.leverage.add(leverageBand(t.leverage), net, r);
    split.marginMode.add(t.marginMode ?? 'unknown', net, r);
    const tags = t.annotation.tags;
    if (tags.length === 0) split.tag.add('(untagged)', net, r);
    else for (const tag of tags) split.tag.add(tag, net, r);
    split.setup.add(t.annotation.setup || '(no setup)', net, r);
    // Equity and drawdown: depth from the running peak, duration until a new peak is made.
    if (total >= peak) {
      if (total > peak) dd.durationMs = Math.max(dd.durationMs, closedAt - lastPeakAt);
      peak = total;
      peakAt = closedAt;
      lastPeakAt = closedAt;
    } else if (peak - total > dd.depth) {
      dd.depth = peak - total;
      dd.peakAt = peakAt;
      dd.troughAt = closedAt;
    }
    eqT[count - 1] = closedAt;
    eqV[count - 1] = total;
    eqD[count - 1] = total - peak;
    lastClose = closedAt;
  }
  if (lastPeakAt !== null && count > 0 && total < peak) dd.durationMs = Math.max(dd.durationMs, lastClose - lastPeakAt);
  const stride = Math.max(1, Math.ceil(count / MAX_EQUITY_POINTS));
  const equity: JournalStats['equity'] = [];
  for (let k = 0; k < count; k++) if (k % stride === 0 || k === count - 1) equity.push({ t: eqT[k]!, equity: eqV[k]!, drawdown: eqD[k]! });
  const heatmap = Array.from({ length: 7 }, (_, d) => Array.from({ length: 24 }, (_, h) => ({ net: heatNet[d * 24 + h]!, trips: heatTrips[d * 24 + h]! })));
  const missing = [...missingByAsset.entries()].map(([a, n]) => ({ asset: a, trips: n })).sort((a, b) => a.asset.localeCompare(b.asset));
  return {
    numbers: 'float64',
    asset,
    assets,
    converted: conversion ? { quote: conversion.quote, trips: count, missing, note: conversion.note } : null,
    count,
    wins,
    losses,
    breakeven: count - wins - losses,
    winRate: wins + losses > 0 ? wins / (wins + losses) : null,
    profitFactor: grossLoss > 0 ? grossWin / grossLoss : null,
    expectancy: count > 0 ? total / count : null,
    expectancyR: rN > 0 ? rSum / rN : null,
    tripsWithR: rN,
    avgWin: wins > 0 ? grossWin / wins : null,
    avgLoss: losses > 0 ? -grossLoss / losses : null,
    totalNet: total,
    rHistogram: Array.from(rCounts, (n, b) => ({ from: b === 0 ? -99 : R_EDGES[b - 1]!, to: b === R_EDGES.length ? 99 : R_EDGES[b]!, count: n })),
    equity,
    maxDrawdown: dd,
    calendar: [...calendar.entries()].sort(([a], [b]) => a - b).map(([day, v]) => ({ day: new Date(day * DAY).toISOString().slice(0, 10), net: v.net, trips: v.trips })),
    heatmap,
    scatter,
    scatterMissing,
    splits: { symbol: split.symbol.rows(), side: split.side.rows(), leverage: split.leverage.rows(), marginMode: split.marginMode.rows(), tag: split.tag.rows(), setup: split.setup.rows() },
    ms: Math.round((performance.now() - started) * 100) / 100,
  };
}
