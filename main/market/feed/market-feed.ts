import type { FundingTick, MarketTick } from '#shared/domain/market-tick';
import { Dec, ZERO, toWire, type DecimalString } from '#shared/money/decimal';
import { fundingRate, premiumSample } from '../price/funding-model';
import { computeIndex, type IndexSource } from '../price/index-price';
import { computeMark } from '../price/mark-price';
import { wickFactor } from '../synthetic/paths';
import { liquidityAt, type FeedSpec, type VenueModel } from './feed-spec';

export type FeedEvent = { readonly kind: 'tick'; readonly tick: MarketTick } | { readonly kind: 'funding'; readonly funding: FundingTick };

const HOUR = 3_600_000;

/**
 * The market as a deterministic sequence of events: a tick every stepMs, and funding settlements
 * in time order between them (a settlement at T comes after the last tick at or before T, so its
 * mark is current; a tick at exactly T comes first). Seeking re-derives the few pieces of running
 * state (the basis window, the funding interval's premium samples) from the steps before the
 * target, so a replay that seeks produces exactly the ticks of one that did not.
 */
export class MarketFeed {
  private k = 0;
  private delivered = 0;
  private queue: FeedEvent[] = [];
  private basis: Dec[] = [];
  private basisSum = ZERO;
  private readonly basisLen: number;
  private premiumSum = ZERO;
  private premiumCount = 0;
  private heldIndex: Dec | null = null;
  /** Settlement times (ms) in (start, end), ascending, with a rate for history funding. */
  private readonly settlements: readonly { t: number; rate: Dec | null; intervalHours: number }[];
  private nextSettlement = 0;
  private readonly end: number;

  constructor(readonly spec: FeedSpec) {
    this.basisLen = Math.max(1, Math.round(spec.basisWindowMs / spec.stepMs));
    this.end = spec.start + spec.n * spec.stepMs;
    this.settlements = this.settlementTimes();
    this.seekTick(0);
  }

  get tickCount(): number {
    return this.spec.n;
  }

  /** Ticks already handed out. */
  get position(): number {
    return this.delivered;
  }

  get done(): boolean {
    return this.queue.length === 0 && this.k >= this.spec.n && this.nextSettlement >= this.settlements.length;
  }

  timeOf(k: number): number {
    return this.spec.start + k * this.spec.stepMs;
  }

  /** Time of the next event, or null at the end. */
  peekTime(): number | null {
    if (this.queue.length > 0) {
      const e = this.queue[0]!;
      return e.kind === 'tick' ? e.tick.t : e.funding.t;
    }
    if (this.k < this.spec.n) {
      const s = this.settlements[this.nextSettlement];
      const t = this.timeOf(this.k);
      return s && s.t < t ? s.t : t;
    }
    const s = this.settlements[this.nextSettlement];
    return s ? s.t : null;
  }

  next(): FeedEvent | null {
    const e = this.produce();
    if (e?.kind === 'tick') this.delivered += 1;
    return e;
  }

  private produce(): FeedEvent | null {
    if (this.queue.length > 0) return this.queue.shift()!;
    if (this.k >= this.spec.n) {
      const s = this.settlements[this.nextSettlement];
      if (!s) return null;
      return { kind: 'funding', funding: this.settle(s) };
    }
    const t = this.timeOf(this.k);
    const before: FeedEvent[] = [];
    const after: FeedEvent[] = [];
    for (let s = this.settlements[this.nextSettlement]; s && s.t <= t; s = this.settlements[this.nextSettlement]) {
      (s.t < t ? before : after).push({ kind: 'funding', funding: this.settle(s) });
    }
    const tick = this.computeTick(this.k);
    this.k += 1;
    this.queue = [...before, { kind: 'tick', tick }, ...after];
    return this.queue.shift()!;
  }

  /** Positions the feed so that the next tick is tick k (0 <= k <= n). */
  seekTick(k: number): void {
    const target = Math.max(0, Math.min(this.spec.n, Math.floor(k)));
    this.queue = [];
    this.basis = [];
    this.basisSum = ZERO;
    this.premiumSum = ZERO;
    this.premiumCount = 0;
    this.heldIndex = null;
    const tPrev = target === 0 ? -Infinity : this.timeOf(target - 1);
    this.nextSettlement = this.settlements.findIndex((s) => s.t > tPrev);
    if (this.nextSettlement < 0) this.nextSettlement = this.settlements.length;
    // Warm-up: the basis window and the current funding interval's samples, without emitting.
    const intervalStart = this.nextSettlement > 0 ? this.settlements[this.nextSettlement - 1]!.t : -Infinity;
    let from = Math.max(0, target - this.basisLen);
    if (this.spec.funding.kind === 'model') {
      const j = Math.ceil((intervalStart - this.spec.start) / this.spec.stepMs);
      from = Math.min(from, Math.max(0, Number.isFinite(j) ? j : 0));
    }
    for (let j = from; j < target; j++) {
      const t = this.timeOf(j);
      this.sample(j, this.spec.lastGrid.dec(this.spec.last(t)), j >= target - this.basisLen, t >= intervalStart);
    }
    this.k = target;
    this.delivered = target;
  }

  /** What the index saw at tick k: each venue's price, whether it was stale or an outlier. For display and tests. */
  indexSourcesAt(k: number): { venue: string; price: DecimalString; stale: boolean; outlier: boolean }[] {
    const t = this.timeOf(k);
    const sources = this.spec.venues.map((v) => this.source(v, k, t));
    const r = computeIndex(sources, t, this.spec.index);
    return sources.map((src) => ({ venue: src.venue, price: toWire(src.price), stale: r.stale.includes(src.venue), outlier: r.outliers.includes(src.venue) }));
  }

  /** Positions the feed at the first tick at or after t. */
  seekTime(t: number): void {
    this.seekTick(Math.ceil((t - this.spec.start) / this.spec.stepMs));
  }

  private computeTick(k: number): MarketTick {
    const s = this.spec;
    const t = this.timeOf(k);
    const lastUnits = s.last(t);
    const last = s.lastGrid.dec(lastUnits);
    const index = this.sample(k, last, true, true);
    const liquidity = liquidityAt(s.liquidity, t);
    const base = { t, symbol: s.symbol, last: s.lastGrid.text(lastUnits), index: toWire(index), liquidity };
    if (s.storedMark) return { ...base, mark: toWire(s.storedMark.grid.dec(s.storedMark.at(t))) };
    const { rate, toMs, intervalMs } = this.fundingEstimate(t);
    const m = computeMark({
      index,
      last,
      fundingRate: rate,
      toFundingMs: toMs,
      fundingIntervalMs: intervalMs,
      basisAverage: this.basisSum.div(this.basis.length),
      basisCap: s.basisCap,
    });
    return { ...base, mark: toWire(m.mark), markComponents: { price1: toWire(m.price1), price2: toWire(m.price2) } };
  }

  /** Index at step k, and the running state it feeds (basis window, premium samples). */
  private sample(k: number, last: Dec, basis: boolean, premium: boolean): Dec {
    const s = this.spec;
    const t = this.timeOf(k);
    const index = this.indexAt(k);
    if (basis && !s.storedMark) {
      const b = last.minus(index);
      this.basis.push(b);
      this.basisSum = this.basisSum.plus(b);
      if (this.basis.length > this.basisLen) this.basisSum = this.basisSum.minus(this.basis.shift()!);
    }
    if (premium && s.funding.kind === 'model') {
      this.premiumSum = this.premiumSum.plus(premiumSample(last, index, liquidityAt(s.liquidity, t).spreadBps));
      this.premiumCount += 1;
    }
    return index;
  }

  private indexAt(k: number): Dec {
    const t = this.timeOf(k);
    const sources: IndexSource[] = this.spec.venues.map((v) => this.source(v, k, t));
    const r = computeIndex(sources, t, this.spec.index);
    if (r.index) {
      this.heldIndex = r.index;
      return r.index;
    }
    // Every venue is stale: the index holds its last value (found by looking back if we just seeked).
    if (this.heldIndex) return this.heldIndex;
    for (let j = k - 1; j >= 0; j--) {
      const back = computeIndex(
        this.spec.venues.map((v) => this.source(v, j, this.timeOf(j))),
        this.timeOf(j),
        this.spec.index,
      ).index;
      if (back) return (this.heldIndex = back);
    }
    return (this.heldIndex = new Dec(this.spec.anchor(t).toFixed(8)));
  }

  private source(v: VenueModel, k: number, t: number): IndexSource {
    for (const [from, to] of v.outages) {
      if (t >= from && t < to) {
        const kFrozen = Math.ceil((from - this.spec.start) / this.spec.stepMs) - 1;
        if (kFrozen < 0) return { venue: v.id, price: this.venuePrice(v, 0, this.spec.start), updatedAt: -Infinity, weight: v.weight };
        const tFrozen = this.timeOf(kFrozen);
        return { venue: v.id, price: this.venuePrice(v, kFrozen, tFrozen), updatedAt: tFrozen, weight: v.weight };
      }
    }
    return { venue: v.id, price: this.venuePrice(v, k, t), updatedAt: t, weight: v.weight };
  }

  private venuePrice(v: VenueModel, k: number, t: number): Dec {
    const s = this.spec;
    let f = 1 + v.noiseSd * v.noise[k]!;
    if (s.wick && s.wick.venue === v.id) f *= wickFactor(s.wick, t);
    return s.venueGrid.dec(s.venueGrid.fromFloat(s.anchor(t - v.lagMs) * f));
  }

  /**
   * The settlement after the last tick handed out, with its rate as the UI shows it: the stored
   * rate (history funding; the compiled rates reach a day past the window), or the premium model's
   * running average through the rules (what it would settle at now). Null before the first tick.
   */
  comingFunding(): { t: number; rate: Dec; source: 'history' | 'estimate' } | null {
    if (this.delivered === 0) return null;
    const now = this.timeOf(this.delivered - 1);
    const f = this.spec.funding;
    if (f.kind === 'history') {
      const next = f.settlements.find((x) => x.t > now);
      return next ? { t: next.t, rate: next.rate, source: 'history' } : null;
    }
    const step = f.intervalHours * HOUR;
    const avg = this.premiumCount === 0 ? null : this.premiumSum.div(this.premiumCount);
    return { t: (Math.floor(now / step) + 1) * step, rate: fundingRate(avg, f.rules), source: 'estimate' };
  }

  private fundingEstimate(t: number): { rate: Dec; toMs: number; intervalMs: number } {
    const f = this.spec.funding;
    const next = this.settlements[this.nextSettlement];
    if (f.kind === 'history') {
      // The exchange's predicted rate converges on the settled one; we use the settled rate itself.
      const known = next ?? this.lastKnownHistory();
      const intervalMs = (known?.intervalHours ?? 8) * HOUR;
      const nextT = next ? next.t : Math.ceil(t / intervalMs) * intervalMs;
      return { rate: known?.rate ?? ZERO, toMs: Math.max(0, nextT - t), intervalMs };
    }
    const intervalMs = f.intervalHours * HOUR;
    const nextT = next ? next.t : (Math.floor(t / intervalMs) + 1) * intervalMs;
    const avg = this.premiumCount === 0 ? null : this.premiumSum.div(this.premiumCount);
    return { rate: fundingRate(avg, f.rules), toMs: Math.max(0, nextT - t), intervalMs };
  }

  private lastKnownHistory(): { rate: Dec; intervalHours: number } | null {
    const f = this.spec.funding;
    if (f.kind !== 'history' || f.settlements.length === 0) return null;
    return f.settlements[f.settlements.length - 1]!;
  }

  private settle(s: { t: number; rate: Dec | null; intervalHours: number }): FundingTick {
    this.nextSettlement += 1;
    const f = this.spec.funding;
    if (f.kind === 'history') {
      return { t: s.t, symbol: this.spec.symbol, rate: toWire(s.rate!), intervalHours: s.intervalHours, source: 'history' };
    }
    const avg = this.premiumCount === 0 ? null : this.premiumSum.div(this.premiumCount);
    const rate: DecimalString = toWire(fundingRate(avg, f.rules));
    this.premiumSum = ZERO;
    this.premiumCount = 0;
    return { t: s.t, symbol: this.spec.symbol, rate, intervalHours: f.intervalHours, source: 'model' };
  }

  private settlementTimes(): { t: number; rate: Dec | null; intervalHours: number }[] {
    const s = this.spec;
    const f = s.funding;
    if (f.kind === 'history') return f.settlements.filter((x) => x.t > s.start && x.t < this.end).map((x) => ({ t: x.t, rate: x.rate, intervalHours: x.intervalHours }));
    const step = f.intervalHours * HOUR;
    const out: { t: number; rate: null; intervalHours: number }[] = [];
    for (let t = (Math.floor(s.start / step) + 1) * step; t < this.end; t += step) out.push({ t, rate: null, intervalHours: f.intervalHours });
    return out;
  }
}
