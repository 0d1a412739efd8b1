import type { Dec } from './decimal';

/** 10^0 … 10^22: every power of ten a double holds exactly (written out, not computed by pow). */
const EXACT_POWERS = [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22];
/** decimal.js keeps its digits in words of seven decimal digits (LOG_BASE). */
const WORD = 1e7;
const WORD_DIGITS = 7;
const MAX_EXACT = 2 ** 53;

/**
 * x.toNumber() without the text: decimal.js converts by printing the decimal and parsing the text,
 * which the engine pays for every position it files (quantity, entry, liquidation and bankruptcy
 * prices as floats for the index), 400,000 times when a 100,000-trader crowd opens.
 *
 * Same double as x.toNumber(), bit for bit: when the significand is an integer M < 2^53 and the
 * scale a power of ten up to 10^22, both M and 10^k are exact doubles, so M × 10^k or M / 10^k
 * rounds once, correctly, as the parse of the text does (Clinger's fast path). Any other value
 * (more than 15-16 significant digits, far exponents, NaN, infinities) takes decimal.js's own
 * conversion. The words are aligned to the decimal point and the last one is padded with zeros
 * (decimal.js parseDecimal), which is why the padding is stripped before the range check.
 */
export function toFloat(x: Dec): number {
  // Null for NaN and the infinities, whatever decimal.js's typings say.
  const d: readonly number[] | null = x.d;
  if (!d || d.length > 3) return x.toNumber();
  const s = x.s;
  const n = d.length;
  if (d[0] === 0) return s * 0;
  // The first word's digit count sets where the decimal point falls among the digits.
  const first = d[0]!;
  let firstDigits = 1;
  while (firstDigits < WORD_DIGITS && first >= EXACT_POWERS[firstDigits]!) firstDigits += 1;
  // The last word's padding zeros are not significant digits (a 0.1 is the word 1000000).
  let last = d[n - 1]!;
  let lastDigits = n === 1 ? firstDigits : WORD_DIGITS;
  while (lastDigits > 1 && last % 10 === 0) {
    last /= 10;
    lastDigits -= 1;
  }
  let m = 0;
  for (let i = 0; i < n - 1; i++) m = m * WORD + d[i]!;
  m = m * EXACT_POWERS[lastDigits]! + last;
  if (m >= MAX_EXACT) return x.toNumber();
  // value = M × 10^scale: the digits kept run from 10^e down to 10^scale.
  const digits = n === 1 ? lastDigits : firstDigits + WORD_DIGITS * (n - 2) + lastDigits;
  const scale = x.e + 1 - digits;
  if (scale === 0) return s * m;
  if (scale > 0) return scale < EXACT_POWERS.length ? s * (m * EXACT_POWERS[scale]!) : x.toNumber();
  return -scale < EXACT_POWERS.length ? s * (m / EXACT_POWERS[-scale]!) : x.toNumber();
}
