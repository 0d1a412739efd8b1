import { Dec, isDecimalText, toWire } from '#shared/money/decimal';

/**
 * Exact checks on decimal text without building Dec objects: an import reads millions of prices
 * and only compares them (high >= low), so string arithmetic keeps it exact and fast.
 * Inputs must already pass isDecimalText (no exponent, no leading zeros, optional "-").
 */

export { isDecimalText };

export function isZeroText(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c !== 48 && c !== 46 && c !== 45) return false; // '0', '.', '-'
  }
  return true;
}

export function isNegativeText(s: string): boolean {
  return s.charCodeAt(0) === 45 && !isZeroText(s);
}

/** Sign of a - b for two decimal texts: -1, 0 or 1. */
export function compareDecimalText(a: string, b: string): number {
  const na = isNegativeText(a);
  const nb = isNegativeText(b);
  if (na !== nb) return na ? -1 : 1;
  const c = compareMagnitude(na ? a.slice(1) : stripMinus(a), nb ? b.slice(1) : stripMinus(b));
  return na ? -c : c;
}

function stripMinus(s: string): string {
  return s.charCodeAt(0) === 45 ? s.slice(1) : s;
}

function compareMagnitude(a: string, b: string): number {
  const da = a.indexOf('.');
  const db = b.indexOf('.');
  const ia = da < 0 ? a : a.slice(0, da);
  const ib = db < 0 ? b : b.slice(0, db);
  if (ia.length !== ib.length) return ia.length < ib.length ? -1 : 1;
  if (ia !== ib) return ia < ib ? -1 : 1;
  const fa = da < 0 ? '' : a.slice(da + 1);
  const fb = db < 0 ? '' : b.slice(db + 1);
  const n = Math.max(fa.length, fb.length);
  const pa = fa.padEnd(n, '0');
  const pb = fb.padEnd(n, '0');
  if (pa === pb) return 0;
  return pa < pb ? -1 : 1;
}

/** Digits after the decimal point as written ("20482.10" -> 2). */
export function decimalsOf(s: string): number {
  const d = s.indexOf('.');
  return d < 0 ? 0 : s.length - d - 1;
}

/** Unsigned integer text (counts, millisecond times): digits only, no sign, at most 19 digits. */
export function isIntegerText(s: string): boolean {
  if (s.length === 0 || s.length > 19) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

const EXPONENT_RE = /^-?(\d+\.?\d*|\.\d+)[eE][+-]?\d{1,3}$/;

/**
 * Plain decimal text as is; exponent notation ("2.1E-7", seen in Binance's own funding files)
 * rewritten exactly in plain notation ("0.00000021"); anything else null.
 */
export function normalizeDecimalText(s: string): string | null {
  if (isDecimalText(s)) return s;
  if (!EXPONENT_RE.test(s)) return null;
  const plain = toWire(new Dec(s));
  return isDecimalText(plain) ? plain : null;
}
