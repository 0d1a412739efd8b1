import { ZERO, type Dec } from '../money/decimal';
import type { ExchangeProfile } from './profile';

/** Where a sizing fee came from: typed by the trader, or assumed from the profile. */
/** 'book model': the stop's slippage priced on the engine's book at the planned size (stop-slippage.ts). */
export type FeeSource = 'input' | 'profile taker' | 'assumed zero' | 'book model';

export interface ResolvedSizingFees {
  readonly entryRate: Dec;
  readonly exitRate: Dec;
  readonly stopSlippageRate: Dec;
  readonly source: { readonly entryRate: FeeSource; readonly exitRate: FeeSource; readonly stopSlippageRate: FeeSource };
  /** True when the entry or exit fee rate was not given and took the profile's taker rate. */
  readonly assumed: boolean;
}

/**
 * The fees a plan assumes unless told otherwise, one rule for `levdesk size` and the Planner so
 * both give the same size on the same inputs: a market entry and a stop-market exit both take
 * liquidity, so both pay the profile's regular-tier taker rate; the stop's slippage defaults to
 * zero (the trader sets it, or the planner shows the book model's estimate beside it).
 */
export function resolveSizingFees(profile: ExchangeProfile, given: { entryRate?: Dec | undefined; exitRate?: Dec | undefined; stopSlippageRate?: Dec | undefined } = {}): ResolvedSizingFees {
  const taker = profile.fees.taker;
  return {
    entryRate: given.entryRate ?? taker,
    exitRate: given.exitRate ?? taker,
    stopSlippageRate: given.stopSlippageRate ?? ZERO,
    source: {
      entryRate: given.entryRate ? 'input' : 'profile taker',
      exitRate: given.exitRate ? 'input' : 'profile taker',
      stopSlippageRate: given.stopSlippageRate ? 'input' : 'assumed zero',
    },
    assumed: given.entryRate === undefined || given.exitRate === undefined,
  };
}
