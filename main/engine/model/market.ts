import type { ProfileId } from '#shared/domain/exchange';
import type { MarketTick } from '#shared/domain/market-tick';
import { ZERO, type Dec } from '#shared/money/decimal';
import type { ContractSpec } from '#shared/risk/contract-spec';
import type { ExchangeProfile } from '#shared/risk/profile';

/** Per-market knobs of the engine, fixed at setup (part of the scenario). */
export interface MarketConfig {
  readonly symbol: string;
  readonly profileId: ProfileId;
  /**
   * Multiplies every tick's depthScale. The crowd is a sample of the market, so the book it
   * trades against should be the same sample of the real book: 0.01 for a crowd that stands for
   * 1% of the market. 1 is the calibrated Binance BTCUSDT book.
   */
  readonly depthScale: number;
  /** Half-life of the price displacement our own orders leave in the book. */
  readonly impactHalfLifeMs: number;
}

/**
 * A market as the engine sees it at one moment. The raw tick strings are kept and parsed into
 * decimals only when something needs exact prices (a fill, a liquidation check), so a quiet
 * tick costs float comparisons only.
 */
export interface MarketState {
  readonly config: MarketConfig;
  readonly profile: ExchangeProfile;
  readonly spec: ContractSpec;
  /** The last tick as received (null before the first). */
  tick: MarketTick | null;
  /**
   * Displacement of the mid left by our own orders, as a fraction of the tick's last price
   * (-0.02: sells pushed the book 2% down). Decays toward 0 with the impact half-life.
   */
  displacement: number;
  /** Engine last price (tick last moved by the displacement) and mark, as floats and decimals. */
  lastF: number;
  markF: number;
  last: Dec;
  mark: Dec;
  index: Dec;
  /** The funding rate most recently settled (Price 1 of the mark uses it; shown in the view). */
  lastFundingRate: Dec;
  lastFundingT: number | null;
  fundingIntervalHours: number;
  /** Open interest: Σ long quantity over all accounts (= Σ short quantity). */
  openInterest: Dec;
}

export function newMarketState(config: MarketConfig, profile: ExchangeProfile, spec: ContractSpec): MarketState {
  return {
    config,
    profile,
    spec,
    tick: null,
    displacement: 0,
    lastF: 0,
    markF: 0,
    last: ZERO,
    mark: ZERO,
    index: ZERO,
    lastFundingRate: ZERO,
    lastFundingT: null,
    fundingIntervalHours: profile.funding.intervalHours,
    openInterest: ZERO,
  };
}

export function hasPrices(m: MarketState): boolean {
  return m.tick !== null;
}

export function spreadFraction(m: MarketState): number {
  return m.tick ? m.tick.liquidity.spreadBps / 20_000 : 0;
}

export function combinedDepthScale(m: MarketState): number {
  return (m.tick?.liquidity.depthScale ?? 1) * m.config.depthScale;
}

