import type { CandleKind, Interval } from '#shared/domain/market-series';

/** Where readers put validated rows: the staging database of one import (see staging.ts). */
export interface StageSink {
  candleSeries(key: { venue: string; symbol: string; interval: Interval; kind: CandleKind }): number;
  addCandle(sid: number, t: number, open: string, high: string, low: string, close: string, volume: string, quoteVolume: string | null, trades: number | null): void;
  fundingSeries(venue: string, symbol: string): number;
  addFunding(fid: number, t: number, rate: string, intervalHours: number, rawTime: number): void;
  depthSeries(venue: string, symbol: string): number;
  addDepth(did: number, t: number, percentage: number, depth: string, notional: string): void;
}
