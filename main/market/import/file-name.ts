import { INTERVALS, type CandleKind, type Interval } from '#shared/domain/market-series';

/**
 * What data.binance.vision file names and paths say: `BTCUSDT-1h-2022-11.csv`,
 * `BTCUSDT-5m-2025-10-10.csv`, `BTCUSDT-fundingRate-2022-11.csv`, `BTCUSDT-bookDepth-2025-10-10.csv`,
 * and dataset folders (`markPriceKlines/`, `indexPriceKlines/`, `premiumIndexKlines/`). Mark,
 * index and premium kline files carry the same names as trade klines, so only a folder (or the
 * caller) can tell them apart.
 */
export interface NameHints {
  readonly symbol?: string;
  readonly interval?: Interval;
  readonly dataset?: 'klines' | 'fundingRate' | 'bookDepth';
  readonly kind?: CandleKind;
  /** Where the kind hint came from, for the summary. */
  readonly kindFrom?: string;
}

const INTERVAL_ALT = INTERVALS.join('|');
const KLINE_RE = new RegExp(`^([A-Z0-9_]+)-(${INTERVAL_ALT})-\\d{4}-\\d{2}(?:-\\d{2})?(?:[.-].*)?\\.csv$`);
const DATASET_RE = /^([A-Z0-9_]+)-(fundingRate|bookDepth)-.*\.csv$/;
const SYMBOL_ONLY_RE = /^([A-Z0-9_]+)\.csv$/;

const KIND_FOLDERS: readonly (readonly [string, CandleKind])[] = [
  ['markPriceKlines', 'mark'],
  ['indexPriceKlines', 'index'],
  ['premiumIndexKlines', 'premium'],
];

export function hintsFromName(baseName: string, fullPath: string): NameHints {
  const kindHint = KIND_FOLDERS.find(([folder]) => fullPath.includes(folder));
  const kind = kindHint ? { kind: kindHint[1], kindFrom: `the path contains "${kindHint[0]}"` } : {};
  const k = KLINE_RE.exec(baseName);
  if (k) return { symbol: k[1]!, interval: k[2] as Interval, dataset: 'klines', ...kind };
  const d = DATASET_RE.exec(baseName);
  if (d) return { symbol: d[1]!, dataset: d[2] as 'fundingRate' | 'bookDepth' };
  const s = SYMBOL_ONLY_RE.exec(baseName);
  if (s) return { symbol: s[1]!, ...kind };
  return kind;
}
