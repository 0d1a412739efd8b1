import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MarketCandlesRepo } from '#main/store/market-candles-repo';
import { fixture, tempWorkspace, type TempWorkspace } from './market-kit';

/** The first 48 hours of the real FTX month as [ms, open, high, low, close, volume]. */
const ROWS = fs
  .readFileSync(fixture('BTCUSDT-1h-2022-11.csv'), 'utf8')
  .split('\n')
  .slice(1, 49)
  .map((l) => l.split(','))
  .map((f) => [Number(f[0]), f[1]!, f[2]!, f[3]!, f[4]!, f[5]!] as const);

const csv = (header: string, time: (ms: number) => string): string => `${header}\n${ROWS.map(([t, o, h, l, c, v]) => `${time(t)},${o},${h},${l},${c},${v}`).join('\n')}\n`;

describe('generic OHLCV files', () => {
  let w: TempWorkspace;
  beforeEach(() => {
    w = tempWorkspace('market-generic');
  });
  afterEach(() => w.cleanup());

  const forms: { name: string; time: (ms: number) => string; assumption: RegExp }[] = [
    { name: 'epoch seconds', time: (t) => String(t / 1000), assumption: /epoch seconds \(10 digits\)/ },
    { name: 'epoch milliseconds', time: (t) => String(t), assumption: /epoch milliseconds/ },
    { name: 'epoch microseconds', time: (t) => `${t}000`, assumption: /epoch microseconds/ },
    { name: 'epoch nanoseconds', time: (t) => `${t}000000`, assumption: /epoch nanoseconds/ },
    { name: 'ISO with Z', time: (t) => new Date(t).toISOString(), assumption: /interval 1h inferred/ },
    { name: 'ISO without offset (read as UTC, and said so)', time: (t) => new Date(t).toISOString().slice(0, 19).replace('T', ' '), assumption: /no offset and are read as UTC/ },
  ];

  for (const f of forms) {
    it(`detects ${f.name}`, async () => {
      const file = w.write('ohlcv.csv', csv('Date,Open,High,Low,Close,Volume', f.time));
      const s = await w.import([file], { symbol: 'BTCUSDT', venue: 'binance' });
      expect(s.files[0]!.format).toBe('generic-ohlcv');
      expect(s.files[0]!.series[0]).toMatchObject({ interval: '1h', kind: 'trade', rowsAdded: 48, from: ROWS[0]![0], to: ROWS[47]![0] });
      expect(s.files[0]!.assumptions.join(' | ')).toMatch(f.assumption);
      const [series] = new MarketCandlesRepo(w.ws.db).list();
      expect(new MarketCandlesRepo(w.ws.db).range(series!.id, ROWS[0]![0], ROWS[0]![0] + 1)[0]).toMatchObject({ open: '20482.10', close: '20445.40' });
    });
  }

  it('reads local times at a declared offset', async () => {
    const file = w.write('ohlcv.csv', csv('time,open,high,low,close,volume', (t) => new Date(t + 3 * 3_600_000).toISOString().slice(0, 19)));
    const s = await w.import([file], { symbol: 'BTCUSDT', utcOffset: '+03:00' });
    expect(s.files[0]!.series[0]!.from).toBe(ROWS[0]![0]);
    expect(s.files[0]!.assumptions.join(' ')).toMatch(/venue "custom"/);
  });

  it('maps columns by name, in any order, with quoting', async () => {
    const text = `"Close Price","Stamp","Hi","Lo","Op"\n${ROWS.map(([t, o, h, l, c]) => `"${c}","${t}","${h}","${l}","${o}"`).join('\n')}\n`;
    const file = w.write('BTCUSDT.csv', text);
    const s = await w.import([file], { columns: { time: 'stamp', open: 'Op', high: 'Hi', low: 'Lo', close: 'Close Price' } });
    expect(s.files[0]!.series[0]).toMatchObject({ symbol: 'BTCUSDT', rowsAdded: 48 });
  });

  it('needs a symbol when the file does not name one', async () => {
    const file = w.write('ohlcv.csv', csv('time,open,high,low,close,volume', (t) => String(t)));
    await expect(w.import([file])).rejects.toThrow(/pass --symbol/);
  });
});
