import { INTERVAL_MS, type SeriesInfo } from '#shared/domain/market-series';

/** What the "New scenario from this series" form holds; text stays text until the document is built. */
export interface SeriesScenarioForm {
  readonly name: string;
  /** UTC, "2020-03-13 01:00". */
  readonly start: string;
  readonly end: string;
  readonly seed: string;
  readonly funding: 'history' | 'model';
  readonly crowdOn: boolean;
  readonly traders: string;
  readonly accountOn: boolean;
  readonly deposit: string;
  readonly leverage: string;
}

/** "2020-03-13 01:00" (UTC) <-> ms. */
export function utcText(ms: number): string {
  return new Date(ms).toISOString().slice(0, 16).replace('T', ' ');
}

export function parseUtc(text: string): number | null {
  const m = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2})$/.exec(text.trim());
  if (!m) return null;
  const t = Date.parse(`${m[1]}T${m[2]}:00Z`);
  return Number.isNaN(t) ? null : t;
}

/** The form for a window of a series: its name, the window, history funding when the workspace holds it. */
export function initialForm(s: SeriesInfo, from: number, to: number, fundingStored: boolean): SeriesScenarioForm {
  return {
    name: `${s.symbol} ${s.interval} from ${utcText(from)} (${s.venue}, real)`,
    start: utcText(from),
    end: utcText(to),
    seed: '1',
    funding: fundingStored ? 'history' : 'model',
    crowdOn: false,
    traders: '2000',
    accountOn: false,
    deposit: '10000',
    leverage: '10',
  };
}

export type BuiltScenario = { readonly ok: true; readonly json: string; readonly minutes: number } | { readonly ok: false; readonly field: keyof SeriesScenarioForm; readonly message: string };

/**
 * The scenario document for a stored series' window: its venue, symbol and interval replayed as
 * "stored", funding from history or the model; the crowd and the account only when asked for
 * (the defaults of docs/scenarios.md otherwise). main validates it again on save.
 */
export function buildSeriesScenario(s: SeriesInfo, f: SeriesScenarioForm): BuiltScenario {
  const start = parseUtc(f.start);
  const end = parseUtc(f.end);
  if (!f.name.trim()) return { ok: false, field: 'name', message: 'Give the scenario a name.' };
  if (start === null) return { ok: false, field: 'start', message: 'Start is a UTC time like 2020-03-13 01:00.' };
  if (end === null) return { ok: false, field: 'end', message: 'End is a UTC time like 2020-03-13 03:00.' };
  if (end <= start) return { ok: false, field: 'end', message: 'End must come after the start.' };
  const minutes = Math.round((end - start) / 60_000);
  if ((end - start) / INTERVAL_MS[s.interval] > 250_000) return { ok: false, field: 'end', message: `The window holds more than 250,000 ${s.interval} candles; pick a shorter one.` };
  const seed = Number(f.seed);
  if (!Number.isInteger(seed) || seed < 0) return { ok: false, field: 'seed', message: 'The seed is a whole number from 0.' };
  const doc: Record<string, unknown> = {
    name: f.name.trim(),
    description: `${s.venue} ${s.symbol} ${s.interval} candles from ${utcText(start)} to ${utcText(end)} UTC, replayed from the workspace.`,
    symbol: s.symbol,
    start: new Date(start).toISOString().replace('.000Z', 'Z'),
    durationMinutes: minutes,
    seed,
    market: { type: 'stored', venue: s.venue, interval: s.interval },
    funding: f.funding === 'history' ? { source: 'history', venue: s.venue } : { source: 'model' },
  };
  if (f.accountOn) {
    const leverage = Number(f.leverage);
    if (!/^\d+(\.\d+)?$/.test(f.deposit.trim())) return { ok: false, field: 'deposit', message: 'The deposit is an amount of USDT, like 10000.' };
    if (!Number.isInteger(leverage) || leverage < 1 || leverage > 125) return { ok: false, field: 'leverage', message: 'Leverage is a whole number from 1 to 125.' };
    doc.account = { deposit: f.deposit.trim(), leverage };
  }
  if (f.crowdOn) {
    const traders = Number(f.traders);
    if (!Number.isInteger(traders) || traders < 1 || traders > 1_000_000) return { ok: false, field: 'traders', message: 'The crowd is 1 to 1,000,000 traders.' };
    doc.crowd = {
      seed,
      traders,
      longShare: 0.6,
      leverage: [
        { leverage: 5, weight: 2 },
        { leverage: 10, weight: 3 },
        { leverage: 25, weight: 2 },
        { leverage: 50, weight: 1 },
      ],
      notional: { median: 5000, logSigma: 1 },
      crossShare: 0.3,
      stops: { share: 0.3, minDistance: 0.01, maxDistance: 0.05 },
      entryWindowHours: 0,
    };
  }
  return { ok: true, json: `${JSON.stringify(doc, null, 2)}\n`, minutes };
}
