import { isIntegerText } from './decimal-text';

/**
 * Timestamps as exchange files write them: epoch integers in seconds, milliseconds,
 * microseconds (Binance spot from 2025) or nanoseconds, and ISO-like text. Everything becomes
 * integer milliseconds UTC. Integer conversions cut digits from the text, so no float ever
 * rounds a 16- or 19-digit time.
 */

export type EpochUnit = 's' | 'ms' | 'us' | 'ns';

export const EPOCH_UNIT_LABEL: Record<EpochUnit, string> = {
  s: 'seconds',
  ms: 'milliseconds',
  us: 'microseconds',
  ns: 'nanoseconds',
};

/** The unit an epoch integer is written in, by its number of digits (valid for 1973..2286). */
export function epochUnitOf(text: string): EpochUnit | null {
  if (!isIntegerText(text)) return null;
  const n = text.length;
  if (n >= 9 && n <= 11) return 's';
  if (n >= 12 && n <= 14) return 'ms';
  if (n >= 15 && n <= 17) return 'us';
  if (n >= 18 && n <= 19) return 'ns';
  return null;
}

/** Epoch integer text in `unit` -> ms, truncating sub-millisecond digits; null if not an integer. */
export function epochToMs(text: string, unit: EpochUnit): number | null {
  if (!isIntegerText(text)) return null;
  switch (unit) {
    case 's':
      return Number(text) * 1000;
    case 'ms':
      return Number(text);
    case 'us':
      return text.length > 3 ? Number(text.slice(0, -3)) : 0;
    case 'ns':
      return text.length > 6 ? Number(text.slice(0, -6)) : 0;
    default: {
      const never: never = unit;
      throw new Error(`unknown unit ${String(never)}`);
    }
  }
}

const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/;

export interface ParsedDateText {
  readonly ms: number;
  /** True when the text carried its own offset (Z or ±hh:mm). */
  readonly hasOffset: boolean;
}

/**
 * "2025-10-10 21:34:32", "2022-11-08T00:00:00Z", "2021-01-01T03:00:00+03:00", "2022-11-08".
 * Text without an offset is read at `defaultOffsetMinutes` east of UTC (0 = UTC).
 */
export function parseDateText(text: string, defaultOffsetMinutes = 0): ParsedDateText | null {
  const m = ISO_RE.exec(text);
  if (!m) return null;
  const [, y, mo, d, h = '0', mi = '0', s = '0', frac = '', off] = m;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(s);
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) return null;
  const utc = Date.UTC(year, month - 1, day, hour, minute, second, Number(frac.padEnd(3, '0').slice(0, 3)));
  // Date.UTC rolls 2023-02-31 over to March: refuse dates that do not exist.
  if (new Date(utc).getUTCDate() !== day) return null;
  const offset = off === undefined ? defaultOffsetMinutes : parseOffsetMinutes(off);
  if (offset === null) return null;
  return { ms: utc - offset * 60_000, hasOffset: off !== undefined };
}

/** "Z" -> 0, "+03:00" -> 180, "-0530" -> -330. */
export function parseOffsetMinutes(text: string): number | null {
  if (text === 'Z') return 0;
  const m = /^([+-])(\d{2}):?(\d{2})$/.exec(text);
  if (!m) return null;
  const hours = Number(m[2]);
  const minutes = Number(m[3]);
  if (hours > 14 || minutes > 59) return null;
  return (m[1] === '-' ? -1 : 1) * (hours * 60 + minutes);
}

export function formatOffset(minutes: number): string {
  if (minutes === 0) return 'UTC';
  const sign = minutes < 0 ? '-' : '+';
  const a = Math.abs(minutes);
  return `UTC${sign}${String(Math.floor(a / 60)).padStart(2, '0')}:${String(a % 60).padStart(2, '0')}`;
}

export function isoUtc(ms: number): string {
  return new Date(ms).toISOString().replace('.000Z', 'Z');
}
