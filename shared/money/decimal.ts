import Decimal from 'decimal.js';
import { z } from 'zod';

/**
 * The one decimal type for ledger values (prices, quantities, balances, fees, funding, PnL).
 * A private clone so no library can change our precision or rounding behind our back.
 * 40 significant digits hold a 1e12 notional to 1e-28, far past any exchange's precision,
 * so intermediate results are exact in practice; rounding to tick/step/fee precision is
 * always explicit at a boundary (see roundTo*).
 */
export const Dec = Decimal.clone({
  precision: 40,
  rounding: Decimal.ROUND_HALF_EVEN,
  toExpNeg: -30,
  toExpPos: 40,
});
export type Dec = Decimal;
export type DecimalLike = Decimal | string | number;

/** Plain decimal notation: optional minus, digits, optional fraction. No exponent, no "+". */
const DECIMAL_RE = /^-?(0|[1-9]\d*)(\.\d+)?$/;
const MAX_DECIMAL_LENGTH = 64;

/**
 * Money on the wire: a string in plain decimal notation. Branded so that a handler cannot
 * return a JS number (or an arbitrary string) where the contract promises a decimal.
 */
export const DecimalString = z
  .string()
  .max(MAX_DECIMAL_LENGTH, { message: `a decimal has at most ${MAX_DECIMAL_LENGTH} characters` })
  .regex(DECIMAL_RE, { message: 'expected a decimal string such as "1234.5" (no exponent, no spaces)' })
  .brand<'DecimalString'>();
export type DecimalString = z.output<typeof DecimalString>;

export function isDecimalText(s: string): boolean {
  return s.length <= MAX_DECIMAL_LENGTH && DECIMAL_RE.test(s);
}

/**
 * A refinement predicate over decimal text. zod 4 runs refinements even after the base check
 * failed, so a predicate that parsed "abc" with Dec would throw instead of reporting the field.
 * For text that is not a decimal this one passes: the base check has already named the problem.
 */
export function decimalCheck(predicate: (d: Decimal) => boolean): (s: string) => boolean {
  return (s) => !isDecimalText(s) || predicate(new Dec(s));
}

/** A decimal string that must be > 0 (sizes, prices). */
export const PositiveDecimalString = DecimalString.refine(
  decimalCheck((d) => d.gt(0)),
  { message: 'must be greater than zero' },
);

/** A decimal string that must be >= 0 (balances, margins). */
export const NonNegativeDecimalString = DecimalString.refine(
  decimalCheck((d) => d.gte(0)),
  { message: 'must not be negative' },
);

export function dec(x: DecimalLike): Decimal {
  return x instanceof Dec ? x : new Dec(x);
}

/** Decimal -> wire string, never in exponent notation. */
export function toWire(x: DecimalLike): DecimalString {
  const d = dec(x);
  if (!d.isFinite()) throw new RangeError(`cannot send a non-finite decimal (${d.toString()})`);
  // toFixed() without arguments prints every significant digit in plain notation; "-0" is normalised.
  const s = d.isZero() ? '0' : d.toFixed();
  return s as DecimalString;
}

export function toWireOrNull(x: DecimalLike | null | undefined): DecimalString | null {
  return x == null ? null : toWire(x);
}

/**
 * x > 0, x < 0 and x <= 0 read off the sign and digits: decimal.js builds a Decimal from a
 * comparison's argument (\`x.gt(0)\` parses the 0 each time), which the engine's hot paths pay
 * hundreds of thousands of times when a crowd opens. Same answers as gt(0), lt(0) and lte(0),
 * NaN included (false), -0 included (not below zero).
 */
export function isAboveZero(x: Decimal): boolean {
  return x.s === 1 && !x.isZero();
}

export function isBelowZero(x: Decimal): boolean {
  return x.s === -1 && !x.isZero();
}

export function isAtMostZero(x: Decimal): boolean {
  return x.isZero() || x.s === -1;
}

/**
 * x with its digits in an array of their exact length, for a decimal kept as long as a position
 * or an order lives. decimal.js builds the digits of a product or quotient by appending to an
 * empty array, which V8 backs with 17 slots (152 bytes) for the 2-4 a price or quantity needs:
 * at 100,000 positions the quantities, costs and liquidation prices held ~50 MB of empty slots
 * that every full collection marked. The constructor's copy slices them to size; same value.
 */
export function compactDigits(x: Decimal): Decimal {
  return new Dec(x);
}

export const ZERO = new Dec(0);
export const ONE = new Dec(1);

/** Round down to a multiple of `step` (quantities: never size up past what the user asked). */
export function floorTo(x: DecimalLike, step: DecimalLike): Decimal {
  const s = dec(step);
  return dec(x).div(s).floor().mul(s);
}

/** Round up to a multiple of `step`. */
export function ceilTo(x: DecimalLike, step: DecimalLike): Decimal {
  const s = dec(step);
  return dec(x).div(s).ceil().mul(s);
}

/** Round half-even to a multiple of `step` (prices shown at tick precision). */
export function roundTo(x: DecimalLike, step: DecimalLike): Decimal {
  const s = dec(step);
  return dec(x).div(s).toDecimalPlaces(0, Decimal.ROUND_HALF_EVEN).mul(s);
}

export function isMultipleOf(x: DecimalLike, step: DecimalLike): boolean {
  return dec(x).mod(dec(step)).isZero();
}

export function decMin(a: Decimal, b: Decimal): Decimal {
  return a.lt(b) ? a : b;
}

export function decMax(a: Decimal, b: Decimal): Decimal {
  return a.gt(b) ? a : b;
}

export function decSum(xs: Iterable<Decimal>): Decimal {
  let acc = ZERO;
  for (const x of xs) acc = acc.plus(x);
  return acc;
}

/**
 * Lenient decimal input for the command line and JSON documents written by hand: a decimal
 * string, or a plain JSON number (converted through its shortest round-trip text).
 * The IPC contract itself takes strings only.
 */
export const DecimalInput = z.union([
  DecimalString,
  z
    .number()
    .refine(Number.isFinite, { message: 'must be a finite number' })
    .transform((n) => toWire(new Dec(n))),
]);
