/**
 * Display of decimal strings WITHOUT going through a JS number: money arrives from main as
 * plain decimal text ("-1234.5678") and is rounded, grouped and signed here as text, so what the
 * trader reads is exactly what the ledger holds, to the last shown digit.
 *
 * Rounding is half away from zero (how exchanges print amounts); the ledger's own rounding
 * happened in main, this only shortens for display.
 */

const DECIMAL_RE = /^(-?)(\d+)(?:\.(\d+))?$/;

interface Parts {
  readonly negative: boolean;
  readonly int: string;
  readonly frac: string;
}

function parse(text: string): Parts | null {
  const m = DECIMAL_RE.exec(text.trim());
  if (!m) return null;
  return { negative: m[1] === '-', int: m[2]!.replace(/^0+(?=\d)/, ''), frac: m[3] ?? '' };
}

/** Adds one unit in the last place of a digit string ("199" -> "200", "99" -> "100"). */
function incrementDigits(digits: string): string {
  const out = digits.split('');
  for (let i = out.length - 1; i >= 0; i--) {
    if (out[i] === '9') {
      out[i] = '0';
    } else {
      out[i] = String(Number(out[i]) + 1);
      return out.join('');
    }
  }
  return '1' + out.join('');
}

/** Rounds to `dp` places (half away from zero) and returns the parts, or null for non-decimal text. */
export function roundParts(text: string, dp: number): Parts | null {
  const p = parse(text);
  if (!p) return null;
  if (p.frac.length <= dp) return { ...p, frac: p.frac.padEnd(dp, '0') };
  const kept = p.int + p.frac.slice(0, dp);
  const roundUp = p.frac.charCodeAt(dp) >= 53; // '5'
  const digits = roundUp ? incrementDigits(kept) : kept;
  const intLen = digits.length - dp;
  return { negative: p.negative, int: digits.slice(0, intLen) || '0', frac: digits.slice(intLen) };
}

function isZeroParts(p: Parts): boolean {
  return /^0*$/.test(p.int) && /^0*$/.test(p.frac);
}

function group(int: string): string {
  return int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

export interface FormatOptions {
  /** Thousands separators (default true). */
  readonly group?: boolean;
  /** 'always' prints "+" on positive values (PnL); 'auto' only "-" (default). */
  readonly sign?: 'auto' | 'always';
}

/** Formats a decimal string at `dp` places. Anything that is not a plain decimal shows as "—". */
export function formatDecimal(text: string | null | undefined, dp: number, options: FormatOptions = {}): string {
  if (text == null || text === '') return '—';
  const p = roundParts(text, Math.max(0, dp));
  if (!p) return '—';
  const zero = isZeroParts(p);
  const int = options.group === false ? p.int : group(p.int);
  const body = p.frac ? `${int}.${p.frac}` : int;
  // A value that rounds to zero shows unsigned: "-0.00" would claim a loss that is not there.
  if (zero) return body;
  if (p.negative) return `-${body}`;
  return options.sign === 'always' ? `+${body}` : body;
}

/** Moves the decimal point: shiftDecimal("0.0123", 2) = "1.23" (ratios to percent, exactly). */
export function shiftDecimal(text: string, places: number): string | null {
  const p = parse(text);
  if (!p) return null;
  let int = p.int;
  let frac = p.frac;
  if (places >= 0) {
    frac = frac.padEnd(places, '0');
    int = int + frac.slice(0, places);
    frac = frac.slice(places);
  } else {
    const n = -places;
    int = int.padStart(n + 1, '0');
    frac = int.slice(int.length - n) + frac;
    int = int.slice(0, int.length - n);
  }
  int = int.replace(/^0+(?=\d)/, '');
  return `${p.negative ? '-' : ''}${int}${frac ? `.${frac}` : ''}`;
}

/** A ratio as a percentage: formatPercent("0.00512", 2) = "0.51%". */
export function formatPercent(ratio: string | null | undefined, dp: number, options: FormatOptions = {}): string {
  if (ratio == null || ratio === '') return '—';
  const shifted = shiftDecimal(ratio, 2);
  if (shifted == null) return '—';
  return `${formatDecimal(shifted, dp, options)}%`;
}

/** Sign of a decimal string: -1, 0 or 1 (0 for non-decimal text). */
export function signOf(text: string | null | undefined): -1 | 0 | 1 {
  if (text == null) return 0;
  const p = parse(text);
  if (!p || isZeroParts(p)) return 0;
  return p.negative ? -1 : 1;
}

/** Decimal places a tick or step size implies: "0.10" -> 1, "0.001" -> 3, "1" -> 0. */
export function decimalsOf(step: string | null | undefined): number {
  if (!step) return 2;
  const p = parse(step);
  if (!p) return 2;
  return p.frac.replace(/0+$/, '').length;
}

/**
 * Exact comparison of two decimal strings (sorting tables of money). Non-decimal or missing
 * text sorts before every number.
 */
export function compareDecimal(a: string | null | undefined, b: string | null | undefined): number {
  const pa = a == null ? null : parse(a);
  const pb = b == null ? null : parse(b);
  if (!pa || !pb) return pa ? 1 : pb ? -1 : 0;
  const za = isZeroParts(pa);
  const zb = isZeroParts(pb);
  const sa = za ? 0 : pa.negative ? -1 : 1;
  const sb = zb ? 0 : pb.negative ? -1 : 1;
  if (sa !== sb) return sa < sb ? -1 : 1;
  if (sa === 0) return 0;
  const mag = compareMagnitude(pa, pb);
  // Not -0 for two equal negatives: a comparator's 0 is one value.
  return sa < 0 && mag !== 0 ? -mag : mag;
}

function compareMagnitude(a: Parts, b: Parts): number {
  if (a.int.length !== b.int.length) return a.int.length < b.int.length ? -1 : 1;
  if (a.int !== b.int) return a.int < b.int ? -1 : 1;
  const len = Math.max(a.frac.length, b.frac.length);
  const fa = a.frac.padEnd(len, '0');
  const fb = b.frac.padEnd(len, '0');
  return fa === fb ? 0 : fa < fb ? -1 : 1;
}

/**
 * A decimal string as a chart coordinate. Charts may use floats (they draw pixels, not money);
 * nothing computed from this number is ever shown as an amount.
 */
export function chartNumber(text: string | null | undefined): number | null {
  if (text == null) return null;
  const n = Number(text);
  return Number.isFinite(n) ? n : null;
}

/**
 * Text a trader typed into a price or quantity box, normalised to a plain decimal string for
 * the wire ("1,234.50" -> "1234.50"); null when it is not a positive decimal.
 */
export function parseUserDecimal(input: string): string | null {
  const cleaned = input.replace(/[,\s_]/g, '');
  const withZero = cleaned.startsWith('.') ? `0${cleaned}` : cleaned.endsWith('.') ? cleaned.slice(0, -1) : cleaned;
  const p = parse(withZero);
  if (!p || p.negative || isZeroParts(p)) return null;
  return `${p.int}${p.frac ? `.${p.frac}` : ''}`;
}

/** Rounds a decimal string DOWN (toward zero) to a multiple of `step` as text: quantities never grow. */
export function floorToStep(text: string, step: string): string | null {
  const dp = decimalsOf(step);
  const p = parse(text);
  const s = parse(step);
  if (!p || !s) return null;
  // Work in integer units of 10^-dp with BigInt: exact, and no float anywhere.
  const scale = (x: Parts): bigint => BigInt(x.int + x.frac.padEnd(dp, '0').slice(0, dp));
  const units = scale(p);
  const stepUnits = scale(s);
  if (stepUnits === 0n) return null;
  const floored = (units / stepUnits) * stepUnits;
  const digits = floored.toString().padStart(dp + 1, '0');
  const int = digits.slice(0, digits.length - dp);
  const frac = digits.slice(digits.length - dp);
  return `${p.negative && floored !== 0n ? '-' : ''}${int}${dp ? `.${frac}` : ''}`;
}
