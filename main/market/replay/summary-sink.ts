import { createHash, type Hash } from 'node:crypto';
import type { FundingTick, MarketTick } from '#shared/domain/market-tick';
import { Dec, ZERO, toWire, type DecimalString } from '#shared/money/decimal';
import { compareDecimalText } from '../import/decimal-text';
import { isoUtc } from '../import/time-text';
import { GAP_DEPTH_SCALE } from '../feed/feed-spec';
import type { TickSink } from './sink';

export interface PriceStats {
  first: DecimalString;
  final: DecimalString;
  min: DecimalString;
  minAt: string;
  max: DecimalString;
  maxAt: string;
}

export interface LiquidityGapReport {
  from: string;
  to: string;
  minDepthScale: number;
  maxSpreadBps: number;
}

/** The market part of a headless replay's JSON output. Engine results are added beside it, not inside. */
export interface MarketSummary {
  ticks: number;
  range: { from: string; to: string } | null;
  last: PriceStats | null;
  index: PriceStats | null;
  mark: PriceStats | null;
  /** Largest distance of last from mark, in bps of the mark (a wick the mark did not follow). */
  maxLastVsMarkBps: { bps: number; at: string } | null;
  funding: {
    settlements: number;
    /** Sum of the rates: what a constant long paid (positive) or received, per unit of notional. */
    sumOfRates: DecimalString;
    min: DecimalString | null;
    max: DecimalString | null;
    list: { at: string; rate: DecimalString; source: FundingTick['source'] }[];
  };
  liquidityGaps: LiquidityGapReport[];
  /** SHA-256 over every event in order: equal for equal seeds (the determinism check). */
  sha256: string;
}

const MAX_FUNDING_LISTED = 200;

/** A TickSink that keeps the figures a trader checks after a replay, in constant memory. */
export class SummarySink implements TickSink {
  private ticks = 0;
  private firstT: number | null = null;
  private lastT: number | null = null;
  private readonly stats: { last: PriceStats | null; index: PriceStats | null; mark: PriceStats | null } = { last: null, index: null, mark: null };
  private maxDev: { bps: number; at: string } | null = null;
  private readonly funding: MarketSummary['funding'] = { settlements: 0, sumOfRates: '0' as DecimalString, min: null, max: null, list: [] };
  private rateSum = ZERO;
  private gaps: LiquidityGapReport[] = [];
  private openGap: LiquidityGapReport | null = null;
  private hash: Hash = createHash('sha256');

  onTick(tick: MarketTick): void {
    this.hash.update(`${JSON.stringify(tick)}\n`);
    this.ticks += 1;
    this.firstT ??= tick.t;
    this.lastT = tick.t;
    const at = isoUtc(tick.t);
    this.stats.last = track(this.stats.last, tick.last, at);
    this.stats.index = track(this.stats.index, tick.index, at);
    this.stats.mark = track(this.stats.mark, tick.mark, at);
    const dev = Math.abs(Number(tick.last) / Number(tick.mark) - 1) * 10_000; // a report figure, not a ledger value
    if (!this.maxDev || dev > this.maxDev.bps) this.maxDev = { bps: Math.round(dev * 100) / 100, at };
    const { depthScale, spreadBps } = tick.liquidity;
    if (depthScale <= GAP_DEPTH_SCALE) {
      if (!this.openGap) this.openGap = { from: at, to: at, minDepthScale: depthScale, maxSpreadBps: spreadBps };
      this.openGap.to = at;
      this.openGap.minDepthScale = Math.min(this.openGap.minDepthScale, depthScale);
      this.openGap.maxSpreadBps = Math.max(this.openGap.maxSpreadBps, spreadBps);
    } else if (this.openGap) {
      this.gaps.push(this.openGap);
      this.openGap = null;
    }
  }

  onFunding(f: FundingTick): void {
    this.hash.update(`${JSON.stringify(f)}\n`);
    const s = this.funding;
    s.settlements += 1;
    this.rateSum = this.rateSum.plus(new Dec(f.rate));
    if (s.min === null || compareDecimalText(f.rate, s.min) < 0) s.min = f.rate;
    if (s.max === null || compareDecimalText(f.rate, s.max) > 0) s.max = f.rate;
    if (s.list.length < MAX_FUNDING_LISTED) s.list.push({ at: isoUtc(f.t), rate: f.rate, source: f.source });
  }

  onReset(): void {
    throw new Error('a summary is taken over one straight run; it cannot follow a seek');
  }

  result(): MarketSummary {
    const gaps = this.openGap ? [...this.gaps, this.openGap] : this.gaps;
    return {
      ticks: this.ticks,
      range: this.firstT === null ? null : { from: isoUtc(this.firstT), to: isoUtc(this.lastT!) },
      ...this.stats,
      maxLastVsMarkBps: this.maxDev,
      funding: { ...this.funding, sumOfRates: toWire(this.rateSum) },
      liquidityGaps: gaps,
      sha256: this.hash.copy().digest('hex'),
    };
  }
}

function track(s: PriceStats | null, price: DecimalString, at: string): PriceStats {
  if (!s) return { first: price, final: price, min: price, minAt: at, max: price, maxAt: at };
  s.final = price;
  if (compareDecimalText(price, s.min) < 0) {
    s.min = price;
    s.minAt = at;
  }
  if (compareDecimalText(price, s.max) > 0) {
    s.max = price;
    s.maxAt = at;
  }
  return s;
}
