import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MarketCandlesRepo } from '#main/store/market-candles-repo';
import { MarketDepthRepo } from '#main/store/market-depth-repo';
import { MarketFundingRepo } from '#main/store/market-funding-repo';
import { fixture, tempWorkspace, type TempWorkspace } from './market-kit';

const utc = (s: string): number => Date.parse(s);

describe('importing the real exchange files', () => {
  let w: TempWorkspace;
  beforeEach(() => {
    w = tempWorkspace();
  });
  afterEach(() => w.cleanup());

  it('reads the FTX month of USDⓈ-M 1h klines exactly as written, with no gaps', async () => {
    const summary = await w.import([fixture('BTCUSDT-1h-2022-11.csv')]);
    const f = summary.files[0]!;
    expect(f.format).toBe('binance-klines');
    expect(f.series).toEqual([
      expect.objectContaining({ target: 'candles', venue: 'binance', symbol: 'BTCUSDT', interval: '1h', kind: 'trade', rowsRead: 720, rowsAdded: 720, from: utc('2022-11-01T00:00:00Z'), to: utc('2022-11-30T23:00:00Z') }),
    ]);
    expect(f.warnings).toEqual([]);
    const repo = new MarketCandlesRepo(w.ws.db);
    const [series] = repo.list();
    expect(series).toMatchObject({ rows: 720, gapCount: 0, from: utc('2022-11-01T00:00:00Z'), to: utc('2022-11-30T23:00:00Z') });
    const candles = repo.range(series!.id, utc('2022-11-01T00:00:00Z'), utc('2022-12-01T00:00:00Z'));
    // Text exactly as imported: the trailing zero of 20482.10 survives.
    expect(candles[0]).toEqual({ t: utc('2022-11-01T00:00:00Z'), open: '20482.10', high: '20492.10', low: '20429.60', close: '20445.40', volume: '9319.649' });
    const low = candles.reduce((a, c) => (Number(c.low) < Number(a.low) ? c : a));
    expect(low).toMatchObject({ t: utc('2022-11-21T21:00:00Z'), low: '15443.20' });
    const high = candles.reduce((a, c) => (Number(c.high) > Number(a.high) ? c : a));
    expect(high).toMatchObject({ t: utc('2022-11-05T03:00:00Z'), high: '21473.70' });
  });

  it('reads headerless 1m excerpts; two windows five years apart show as one gap', async () => {
    const s = await w.import([fixture('BTCUSDT-1m-2020-03.EXCERPT-2020-03-13T0100Z-0259Z.csv'), fixture('BTCUSDT-1m-2025-10.EXCERPT-2025-10-10T2000Z-2159Z.csv')]);
    expect(s.rowsAdded).toBe(240);
    const [series] = new MarketCandlesRepo(w.ws.db).list();
    expect(series).toMatchObject({ interval: '1m', rows: 240, gapCount: 1 });
    expect(series!.gaps[0]).toMatchObject({ from: utc('2020-03-13T03:00:00Z'), to: utc('2025-10-10T19:59:00Z') });
    const window = new MarketCandlesRepo(w.ws.db).range(series!.id, utc('2020-03-13T02:16:00Z'), utc('2020-03-13T02:17:00Z'));
    expect(window[0]!.low).toBe('3621.81');
  });

  it('reads mark-price zips, says the kind was inferred, and reports the missing day as a gap', async () => {
    const s = await w.import(['03', '05', '10', '11'].map((d) => fixture(`BTCUSDT-5m-2025-10-${d}.zip`)));
    expect(s.rowsAdded).toBe(4 * 288);
    expect(s.files[0]!.file).toMatch(/BTCUSDT-5m-2025-10-03\.zip$/);
    expect(s.files[0]!.assumptions.join(' ')).toMatch(/kind "mark"/);
    const [series] = new MarketCandlesRepo(w.ws.db).list();
    expect(series).toMatchObject({ venue: 'binance', interval: '5m', kind: 'mark', gapCount: 2 });
    expect(series!.gaps[0]).toEqual({ from: utc('2025-10-04T00:00:00Z'), to: utc('2025-10-04T23:55:00Z'), missing: 288 });
    const crash = new MarketCandlesRepo(w.ws.db).range(series!.id, utc('2025-10-10T21:20:00Z'), utc('2025-10-10T21:25:00Z'));
    expect(crash[0]!.low).toBe('101877.68981743'); // the README rounds it to 101,877.69
  });

  it('a declared kind overrides the inference', async () => {
    const s = await w.import([fixture('BTCUSDT-5m-2025-10-10.zip')], { kind: 'index' });
    expect(s.files[0]!.series[0]!.kind).toBe('index');
    expect(s.files[0]!.assumptions).toEqual([]);
  });

  it('recognises COIN-M and spot files and says so', async () => {
    const s = await w.import([fixture('BTCUSD_PERP-1m-2025-10-10.zip'), fixture('BTCUSDT-1m-2021-06-06.EXCERPT-first-240.csv')]);
    expect(s.files[0]!.series[0]).toMatchObject({ venue: 'binance-coinm', symbol: 'BTCUSD_PERP', kind: 'mark', rowsAdded: 1440 });
    expect(s.files[1]!.series[0]).toMatchObject({ venue: 'binance-spot', symbol: 'BTCUSDT', kind: 'trade', rowsAdded: 240 });
    expect(s.files[1]!.assumptions.join(' ')).toMatch(/8 decimals/);
  });

  it('reads Binance funding: calc_time jitter removed, exponent notation written plainly, the -0.3 % floor kept', async () => {
    const s = await w.import([fixture('BTCUSDT-fundingRate-2020-03.csv'), fixture('BTCUSDT-fundingRate-2022-11.csv')]);
    expect(s.files.map((f) => f.series[0]!.rowsAdded)).toEqual([93, 90]);
    const repo = new MarketFundingRepo(w.ws.db);
    const black = repo.range('binance', 'BTCUSDT', utc('2020-03-13T08:00:00Z'), utc('2020-03-13T08:00:00Z'));
    expect(black).toEqual([{ t: utc('2020-03-13T08:00:00Z'), rate: '-0.00300000', intervalHours: 8 }]);
    const jitter = repo.range('binance', 'BTCUSDT', utc('2022-11-30T16:00:00Z'), utc('2022-11-30T16:00:00Z'));
    expect(jitter).toHaveLength(1);
    const ftx = repo.range('binance', 'BTCUSDT', utc('2022-11-10T00:00:00Z'), utc('2022-11-10T00:00:00Z'));
    expect(ftx[0]!.rate).toBe('-0.00119172');
    const exp = repo.range('binance', 'BTCUSDT', utc('2022-11-28T16:00:00Z'), utc('2022-11-28T16:00:00Z'));
    expect(exp[0]!.rate).toBe('0.00000021');
    expect(s.files[1]!.assumptions.join(' ')).toMatch(/exponent notation/);
  });

  it('reads the Bybit file as local UTC+3 and declares it', async () => {
    const s = await w.import([fixture('BTC-USDT_bybit_2021-01-01_2024-01-01_funding_history.csv')]);
    const f = s.files[0]!;
    expect(f.format).toBe('bybit-funding');
    expect(f.series[0]).toMatchObject({ venue: 'bybit', symbol: 'BTCUSDT', rowsAdded: 3285, from: utc('2021-01-01T00:00:00Z') });
    expect(f.assumptions.join(' ')).toMatch(/UTC\+03:00/);
    const first = new MarketFundingRepo(w.ws.db).range('bybit', 'BTCUSDT', utc('2021-01-01T00:00:00Z'), utc('2021-01-01T08:00:00Z'));
    expect(first).toEqual([
      { t: utc('2021-01-01T00:00:00Z'), rate: '0.00034729', intervalHours: 8 },
      { t: utc('2021-01-01T08:00:00Z'), rate: '0.0001', intervalHours: 8 },
    ]);
  });

  it('a declared offset wins over the detection', async () => {
    const s = await w.import([fixture('BTC-USDT_bybit_2021-01-01_2024-01-01_funding_history.csv')], { utcOffset: 'Z' });
    expect(s.files[0]!.series[0]!.from).toBe(utc('2021-01-01T03:00:00Z'));
  });

  it('reads bookDepth and reports the leading-space timestamp as a warning on its line', async () => {
    const s = await w.import([fixture('BTCUSDT-bookDepth-2025-10-10.EXCERPT-lines-25852-25911.csv')]);
    const f = s.files[0]!;
    expect(f.series[0]).toMatchObject({ target: 'depth', venue: 'binance', symbol: 'BTCUSDT', rowsAdded: 60 });
    expect(f.warnings).toEqual([expect.objectContaining({ line: 33, message: expect.stringContaining('" 2025-10-10 21:34:32"') })]);
    const rows = new MarketDepthRepo(w.ws.db).range('binance', 'BTCUSDT', utc('2025-10-10T21:34:32Z'), utc('2025-10-10T21:34:32Z'));
    expect(rows.map((r) => r.percentage)).toEqual([-5, -4, -3, -2, -1, 1, 2, 3, 4, 5]);
  });

  it('importing the same files twice adds nothing and says so', async () => {
    const files = [fixture('BTCUSDT-1h-2022-11.csv'), fixture('BTCUSDT-fundingRate-2022-11.csv')];
    await w.import(files);
    const before = w.snapshot() as { imports: { n: number } };
    const again = await w.import(files);
    expect(again.rowsAdded).toBe(0);
    expect(again.files.map((f) => f.series[0]!.rowsAlreadyStored)).toEqual([720, 90]);
    expect(again.files[0]!.warnings.map((x) => x.message).join(' ')).toMatch(/imported before/);
    const after = w.snapshot() as { imports: { n: number } };
    expect({ ...(after as object), imports: null }).toEqual({ ...(before as object), imports: null });
    expect(after.imports.n).toBe(before.imports.n + 2);
  });

  it('reports progress while reading and when done', async () => {
    const phases: string[] = [];
    await w.import([fixture('BTCUSDT-1h-2022-11.csv')], {}, (p) => phases.push(p.phase));
    expect(phases[0]).toBe('reading');
    expect(phases).toContain('committing');
    expect(phases.at(-1)).toBe('done');
  });
});
