import { PROFILE_IDS, ProfileIdSchema, SideSchema } from '#shared/domain/exchange';
import { Dec, DecimalInput, decimalCheck, toWire, type DecimalString } from '#shared/money/decimal';

/**
 * Field schemas shared by the risk commands (liq, size, decay, funding, pnl). Decimals are
 * accepted as strings or plain numbers and become Dec; every message names the constraint.
 */
export const decimal = DecimalInput.transform((s) => new Dec(s));

export const positive = DecimalInput.refine(decimalCheck((d) => d.gt(0)), { message: 'must be greater than zero' }).transform((s) => new Dec(s));

export const nonNegative = DecimalInput.refine(decimalCheck((d) => d.gte(0)), { message: 'must not be negative' }).transform((s) => new Dec(s));

/** A rate as a fraction in [0, 1): 0.0005 is 0.05%. */
export const rate = DecimalInput.refine(decimalCheck((d) => d.gte(0) && d.lt(1)), { message: 'must be a fraction in [0, 1) (0.0005 = 0.05%)' }).transform(
  (s) => new Dec(s),
);

export const profileField = ProfileIdSchema.default('binance-usdm');
export const sideField = SideSchema;
export const PROFILE_LIST = PROFILE_IDS.join(' | ');

/** Money and ratios on the way out: half-even to `dp` places, plain decimal text, no exponent. */
export function out(x: Dec, dp = 8): DecimalString {
  return toWire(x.toDecimalPlaces(dp, Dec.ROUND_HALF_EVEN));
}

export function outOrNull(x: Dec | null, dp = 8): DecimalString | null {
  return x === null ? null : out(x, dp);
}

/** A float analytic on the way out (the A&Z read-out): its shortest text, to `dp` places. */
export function outFloat(x: number, dp = 10): DecimalString {
  return out(new Dec(x), dp);
}
