import type { SplitRow } from '#shared/journal/journal-stats';

interface Acc {
  count: number;
  wins: number;
  losses: number;
  net: number;
  rSum: number;
  rN: number;
}

/** Counts, wins, losses, net and mean R per key of one split (symbol, side, tag…). */
export class Splits {
  private readonly m = new Map<string, Acc>();
  add(key: string, net: number, r: number): void {
    let s = this.m.get(key);
    if (!s) this.m.set(key, (s = { count: 0, wins: 0, losses: 0, net: 0, rSum: 0, rN: 0 }));
    s.count += 1;
    if (net > 0) s.wins += 1;
    else if (net < 0) s.losses += 1;
    s.net += net;
    if (r === r) {
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

export function leverageBand(l: number | null): string {
  if (l === null) return 'unknown';
  if (l <= 3) return '1-3x';
  if (l <= 10) return '4-10x';
  if (l <= 25) return '11-25x';
  if (l <= 50) return '26-50x';
  return '51x+';
}
