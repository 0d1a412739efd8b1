import type { JournalStats, SplitRow } from '#shared/journal/journal-stats';
import type { JournalTrip } from '#shared/journal/journal-trip';

const MAX_EQUITY_POINTS = 2000;
const MAX_SCATTER_POINTS = 5000;
const R_BUCKETS: Array<[number, number]> = [
  [-Infinity, -3], [-3, -2], [-2, -1.5], [-1.5, -1], [-1, -0.5], [-0.5, 0], [0, 0.5], [0.5, 1], [1, 1.5], [1.5, 2], [2, 3], [3, 5], [5, Infinity],
];

/** Parsed once per trip and reused by every statistic (Number() of a decimal string: analytics only). */
const netCache = new WeakMap<JournalTrip, number>();
function netOf(t: JournalTrip): number {
  let n = netCache.get(t);
  if (n === undefined) netCache.set(t, (n = Number(t.net)));
  return n;
}

function leverageBand(l: number | null): string {
  if (l === null) return 'unknown';
  if (l <= 3) return '1-3x';
  if (l <= 10) return '4-10x';
  if (l <= 25) return '11-25x';
  if (l <= 50) return '26-50x';
  return '51x+';
}

class Splits {
  private readonly m = new Map<string, { count: number; wins: number; losses: number; net: number; rSum: number; rN: number }>();
  add(key: string, net: number, r: number | null): void {
    let s = this.m.get(key);
    if (!s) this.m.set(key, (s = { count: 0, wins: 0, losses: 0, net: 0, rSum: 0, rN: 0 }));
    s.count += 1;
    if (net > 0) s.wins += 1;
    else if (net < 0) s.losses += 1;
    s.net += net;
    if (r !== null) {
      s.rSum += r;
      s.rN += 1;
    }
  }
  rows(): SplitRow[] {
    return [...this.m.entries()]
      .map(([key, s]) => ({ key, count: s.count, wins: s.wins, losses: s.losses, net: s.net, winRate: s.wins + s.losses > 0 ? s.wins / (s.wins + s.losses) : null, avgR: s.rN > 0 ? s.rSum / s.rN : null }))
      .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
  }
}

/**
 * Every statistic of the Journal view in one pass over the trips (sorted by close time), plus the
 * equity walk. Cash figures are in one settlement asset (never summed across assets); counts and
 * R statistics cover that asset's trips too, so every number on screen is about the same trips.
 */
export function computeStats(all: readonly JournalTrip[], wantAsset: string | undefined, now: () => number = () => performance.now()): JournalStats {
  const started = now();
  const perAsset = new Map<string, number>();
  for (const t of all) perAsset.set(t.asset, (perAsset.get(t.asset) ?? 0) + 1);
  const assets = [...perAsset.entries()].map(([asset, trips]) => ({ asset, trips })).sort((a, b) => b.trips - a.trips || a.asset.localeCompare(b.asset));
  const asset = wantAsset ?? assets[0]?.asset ?? null;
  const trips = all.filter((t) => t.asset === asset);
  let wins = 0;
  let losses = 0;
  let grossWin = 0;
  let grossLoss = 0;
  let total = 0;
  let rSum = 0;
  let rN = 0;
  const rHist = R_BUCKETS.map(([from, to]) => ({ from, to, count: 0 }));
  const calendar = new Map<number, { net: number; trips: number }>();
  const heat = Array.from({ length: 7 }, () => Array.from({ length: 24 }, () => ({ net: 0, trips: 0 })));
  const scatter: JournalStats['scatter'] = [];
  let scatterMissing = 0;
  const split = { symbol: new Splits(), side: new Splits(), leverage: new Splits(), marginMode: new Splits(), tag: new Splits(), setup: new Splits() };
  const equityAll: Array<{ t: number; equity: number; drawdown: number }> = [];
  let peak = 0;
  let peakAt: number | null = null;
  let dd = { depth: 0, peakAt: null as number | null, troughAt: null as number | null, durationMs: 0 };
  let lastPeakAt: number | null = trips[0]?.openedAt ?? null;
  for (const t of trips) {
    const net = netOf(t);
    total += net;
    if (net > 0) {
      wins += 1;
      grossWin += net;
    } else if (net < 0) {
      losses += 1;
      grossLoss -= net;
    }
    if (t.rMultiple !== null) {
      rSum += t.rMultiple;
      rN += 1;
      const r = t.rMultiple;
      for (const h of rHist) {
        if (r >= h.from && r < h.to) {
          h.count += 1;
          break;
        }
      }
    }
    // Integer day and hour arithmetic: a Date per trip costs more than the rest of the pass.
    const dayNo = Math.floor(t.closedAt / 86_400_000);
    let c = calendar.get(dayNo);
    if (!c) calendar.set(dayNo, (c = { net: 0, trips: 0 }));
    c.net += net;
    c.trips += 1;
    // 1970-01-01 was a Thursday (index 3 with Monday = 0).
    const cell = heat[(((dayNo + 3) % 7) + 7) % 7]![Math.floor((t.closedAt - dayNo * 86_400_000) / 3_600_000)]!;
    cell.net += net;
    cell.trips += 1;
    if (t.maePct !== null && t.mfePct !== null) {
      if (scatter.length < MAX_SCATTER_POINTS) scatter.push({ id: t.id, maePct: t.maePct, mfePct: t.mfePct, net });
    } else scatterMissing += 1;
    split.symbol.add(t.symbol, net, t.rMultiple);
    split.side.add(t.side, net, t.rMultiple);
    split.leverage.add(leverageBand(t.leverage), net, t.rMultiple);
    split.marginMode.add(t.marginMode ?? 'unknown', net, t.rMultiple);
    for (const tag of t.annotation.tags.length > 0 ? t.annotation.tags : ['(untagged)']) split.tag.add(tag, net, t.rMultiple);
    split.setup.add(t.annotation.setup || '(no setup)', net, t.rMultiple);
    // Equity and drawdown: depth from the running peak, duration until a new peak is made.
    if (total >= peak) {
      if (lastPeakAt !== null && total > peak) dd.durationMs = Math.max(dd.durationMs, t.closedAt - lastPeakAt);
      peak = total;
      peakAt = t.closedAt;
      lastPeakAt = t.closedAt;
    } else if (peak - total > dd.depth) {
      dd = { ...dd, depth: peak - total, peakAt, troughAt: t.closedAt };
    }
    equityAll.push({ t: t.closedAt, equity: total, drawdown: total - peak });
  }
  if (lastPeakAt !== null && trips.length > 0 && total < peak) dd.durationMs = Math.max(dd.durationMs, trips[trips.length - 1]!.closedAt - lastPeakAt);
  const stride = Math.max(1, Math.ceil(equityAll.length / MAX_EQUITY_POINTS));
  const equity = equityAll.filter((_, i) => i % stride === 0 || i === equityAll.length - 1);
  const count = trips.length;
  return {
    numbers: 'float64',
    asset,
    assets,
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
    rHistogram: rHist.map((h) => ({ from: Number.isFinite(h.from) ? h.from : -99, to: Number.isFinite(h.to) ? h.to : 99, count: h.count })),
    equity,
    maxDrawdown: dd,
    calendar: [...calendar.entries()].sort(([a], [b]) => a - b).map(([day, v]) => ({ day: new Date(day * 86_400_000).toISOString().slice(0, 10), ...v })),
    heatmap: heat,
    scatter,
    scatterMissing,
    splits: { symbol: split.symbol.rows(), side: split.side.rows(), leverage: split.leverage.rows(), marginMode: split.marginMode.rows(), tag: split.tag.rows(), setup: split.setup.rows() },
    ms: Math.round((now() - started) * 100) / 100,
  };
}
