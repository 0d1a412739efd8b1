import { ZERO, type Dec } from '../money/decimal';
import { resolveSizingFees, type ResolvedSizingFees } from './default-fees';
import { contractSpec } from './profiles';
import { sizePosition, type SizingInput, type SizingResult } from './sizing';
import { bookStopSlippage, type BookLiquidity, type StopSlippage } from './stop-slippage';

export interface SizeFromRiskInput extends Omit<SizingInput, 'fees'> {
  /** Rates the trader gave; what is missing takes the defaults below. */
  readonly given: { readonly entryRate?: Dec | undefined; readonly exitRate?: Dec | undefined; readonly stopSlippageRate?: Dec | undefined };
  /**
   * The book an untyped slippage is priced on; null: an untyped slippage is 0 (`levdesk size`'s
   * documented default, unless its input names a book).
   */
  readonly book: BookLiquidity | null;
}

export interface SizedFromRisk {
  readonly fees: ResolvedSizingFees;
  /** The book model's estimate, when the slippage was not given; null when it was. */
  readonly slippage: (StopSlippage & { readonly book: BookLiquidity }) | null;
  readonly sizing: SizingResult;
}

/**
 * Sizing with the defaults `levdesk size` and the Planner share: both fees default to the
 * profile's taker rate; the stop's slippage, when a book is named (the Planner always names
 * one, `levdesk size` when its input has `book`), to the engine's book model at the planned
 * size. The size depends on the slippage and the slippage on the size, so the book is walked for
 * the quantity sized with no slippage (the larger one: the estimate errs against the trader),
 * then the position is sized again with that rate.
 */
export function sizeFromRisk(input: SizeFromRiskInput): SizedFromRisk {
  const { given, book: bookIn, ...rest } = input;
  const base = resolveSizingFees(input.profile, given);
  if (given.stopSlippageRate !== undefined || bookIn === null) {
    return { fees: base, slippage: null, sizing: sizePosition({ ...rest, fees: base }) };
  }
  const book = bookIn;
  const first = sizePosition({ ...rest, fees: { entryRate: base.entryRate, exitRate: base.exitRate, stopSlippageRate: ZERO }, sizeOnly: true });
  const spec = contractSpec(input.profile, input.symbol);
  const slip = bookStopSlippage({ side: input.side, trigger: input.stop, quantity: first.quantity, tickSize: spec.tickSize, book });
  const fees: ResolvedSizingFees = { ...base, stopSlippageRate: slip.rate, source: { ...base.source, stopSlippageRate: 'book model' } };
  return { fees, slippage: { ...slip, book }, sizing: sizePosition({ ...rest, fees }) };
}
