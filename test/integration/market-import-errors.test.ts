import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportProblem } from '#shared/domain/market-import';
import { ImportProblemError } from '#main/market/import/problem';
import { fixture, tempWorkspace, type TempWorkspace } from './market-kit';

const REAL = fs.readFileSync(fixture('BTCUSDT-1h-2022-11.csv'), 'utf8').split('\n');

/** The real FTX-month file with one edit: `edit(lines)` changes the array of lines (index 0 = header = line 1). */
function variant(edit: (lines: string[]) => void): string {
  const lines = [...REAL];
  edit(lines);
  return lines.join('\n');
}

function setField(lines: string[], lineNo: number, column: number, value: string): void {
  const f = lines[lineNo - 1]!.split(',');
  f[column - 1] = value;
  lines[lineNo - 1] = f.join(',');
}

async function problemOf(w: TempWorkspace, files: string[], options = {}): Promise<ImportProblem> {
  try {
    await w.import(files, options);
  } catch (err) {
    if (err instanceof ImportProblemError) return err.problem;
    throw err;
  }
  throw new Error('the import was expected to fail');
}

describe('a bad file is refused with its place, and adds nothing', () => {
  let w: TempWorkspace;
  let before: unknown;
  beforeEach(async () => {
    w = tempWorkspace('market-errors');
    // Something already stored, so "nothing added" is checked against a non-empty workspace.
    await w.import([fixture('BTCUSDT-fundingRate-2022-11.csv')]);
    before = w.snapshot();
  });
  afterEach(() => {
    expect(w.snapshot()).toEqual(before);
    expect(fs.readdirSync(`${w.dir}/tmp`)).toEqual([]); // the staging file is gone
    w.cleanup();
  });

  const cases: { name: string; edit: (l: string[]) => void; expect: Partial<Omit<ImportProblem, 'message'>> & { message: RegExp } }[] = [
    { name: 'a non-numeric price', edit: (l) => setField(l, 5, 3, 'abc'), expect: { line: 5, column: 3, field: 'high', found: 'abc', message: /high \(column 3\): expected a decimal/ } },
    { name: 'a price in another notation', edit: (l) => setField(l, 6, 5, '2.04E+4'), expect: { line: 6, column: 5, field: 'close', message: /close/ } },
    { name: 'a zero price', edit: (l) => setField(l, 7, 4, '0'), expect: { line: 7, column: 4, field: 'low', message: /above zero/ } },
    { name: 'high below low', edit: (l) => setField(l, 10, 3, '1000.00'), expect: { line: 10, column: 3, field: 'high', message: /high \(column 3\) 1000.00 is below low/ } },
    { name: 'low above the close', edit: (l) => setField(l, 11, 4, l[10]!.split(',')[2]!), expect: { line: 11, column: 4, field: 'low', message: /above the open .* or close/ } },
    {
      name: 'time going backwards',
      edit: (l) => {
        const a = l[19]!;
        l[19] = l[20]!;
        l[20] = a;
      },
      expect: { line: 21, column: 1, field: 'time', message: /time going backwards: 2022-11-01T18:00:00Z/ },
    },
    { name: 'a duplicate candle', edit: (l) => l.splice(30, 0, l[29]!), expect: { line: 31, column: 1, field: 'time', message: /duplicate candle: time \(column 1\) 2022-11-02T04:00:00Z appears twice/ } },
    { name: 'a missing column', edit: (l) => (l[49] = l[49]!.split(',').slice(0, 11).join(',')), expect: { line: 50, column: 12, field: 'columns', message: /expected 12 columns .*found 11/ } },
    { name: 'a close_time that does not end the candle', edit: (l) => setField(l, 60, 7, '1667264399998'), expect: { line: 60, column: 7, field: 'close_time', message: /does not end the 1h candle/ } },
    {
      name: 'a time off the candle grid',
      edit: (l) => {
        const f = l[69]!.split(',');
        setField(l, 70, 1, String(Number(f[0]) + 1000));
        setField(l, 70, 7, String(Number(f[6]) + 1000));
      },
      expect: { line: 70, column: 1, field: 'time', message: /is not the start of a 1h candle/ },
    },
    { name: 'a non-integer trade count', edit: (l) => setField(l, 80, 9, '12.5'), expect: { line: 80, column: 9, field: 'count', message: /count/ } },
    { name: 'a negative volume', edit: (l) => setField(l, 90, 6, '-1.000'), expect: { line: 90, column: 6, field: 'volume', message: /non-negative/ } },
  ];

  for (const c of cases) {
    it(c.name, async () => {
      const file = w.write('BTCUSDT-1h-2022-11.csv', variant(c.edit));
      const p = await problemOf(w, [file]);
      const { message, ...rest } = c.expect;
      expect(p).toMatchObject({ file, ...rest });
      expect(p.message).toMatch(message);
    });
  }

  it('a good file and a bad file together: nothing from either is added', async () => {
    const bad = w.write('BTCUSDT-1h-2022-11-bad.csv', variant((l) => setField(l, 300, 2, 'x')));
    const p = await problemOf(w, [fixture('BTCUSDT-1m-2025-10.EXCERPT-2025-10-10T2000Z-2159Z.csv'), bad]);
    expect(p).toMatchObject({ file: bad, line: 300, column: 2 });
  });

  it('a declared interval that contradicts the data', async () => {
    const p = await problemOf(w, [fixture('BTCUSDT-1h-2022-11.csv')], { interval: '4h' });
    expect(p).toMatchObject({ line: 2, column: 7, field: 'close_time' });
    expect(p.message).toMatch(/makes this a 1h candle, but the declared interval is 4h/);
  });

  it('a volume in a declared mark-price file', async () => {
    const p = await problemOf(w, [fixture('BTCUSDT-1h-2022-11.csv')], { kind: 'mark' });
    expect(p).toMatchObject({ line: 2, column: 6, field: 'volume' });
  });

  it('an unknown layout', async () => {
    const file = w.write('prices.csv', '1,2\n3,4\n');
    const p = await problemOf(w, [file]);
    expect(p.message).toMatch(/unrecognised format/);
  });

  it('an empty file and a header-only file', async () => {
    expect((await problemOf(w, [w.write('BTCUSDT-1h-2022-12.csv', '')])).message).toMatch(/is empty/);
    expect((await problemOf(w, [w.write('BTCUSDT-1h-2022-10.csv', `${REAL[0]}\n`)])).message).toMatch(/no data rows/);
  });

  it('a file that is not a zip archive', async () => {
    const p = await problemOf(w, [w.write('BTCUSDT-5m-2025-10-10.zip', 'not a zip at all')]);
    expect(p.message).toMatch(/not a readable zip archive/);
  });

  it('a file that does not exist', async () => {
    const p = await problemOf(w, [`${w.dir}/nope.csv`]);
    expect(p.message).toMatch(/no such file/);
  });

  it('broken quoting', async () => {
    const p = await problemOf(w, [w.write('x.csv', 'time,open,high,low,close\n"2024-01-01,1,1,1,1\n')]);
    expect(p.message).toMatch(/ends inside a quoted field/);
  });

  it('a funding file with a duplicate settlement (after removing the jitter)', async () => {
    const text = 'calc_time,funding_interval_hours,last_funding_rate\n1669824000015,8,0.0001\n1669824000002,8,0.0001\n';
    const p = await problemOf(w, [w.write('BTCUSDT-fundingRate-2022-12.csv', text)]);
    expect(p).toMatchObject({ line: 3, column: 1, field: 'calc_time' });
    expect(p.message).toMatch(/duplicate funding settlement: 2022-11-30T16:00:00Z/);
  });

  it('a funding file going backwards, and one with a word for a rate', async () => {
    const back = 'calc_time,funding_interval_hours,last_funding_rate\n1669824000000,8,0.0001\n1669795200000,8,0.0001\n';
    expect(await problemOf(w, [w.write('BTCUSDT-fundingRate-2022-12.csv', back)])).toMatchObject({ line: 3, message: expect.stringMatching(/going backwards/) });
    const word = 'calc_time,funding_interval_hours,last_funding_rate\n1669824000000,8,high\n';
    expect(await problemOf(w, [w.write('BTCUSDT-fundingRate-2022-11b.csv', word)], { symbol: 'BTCUSDT' })).toMatchObject({ line: 2, column: 3, field: 'last_funding_rate', found: 'high' });
  });

  it('a bookDepth row with an impossible percentage', async () => {
    const text = 'timestamp,percentage,depth,notional\n2025-10-10 00:00:07,-5,8243.012,979983314.2056\n2025-10-10 00:00:07,0,1,1\n';
    const p = await problemOf(w, [w.write('BTCUSDT-bookDepth-2025-10-10.csv', text)]);
    expect(p).toMatchObject({ line: 3, column: 2, field: 'percentage' });
  });

  it('a generic file without a close column', async () => {
    const p = await problemOf(w, [w.write('ETHUSDT.csv', 'time,open,high,low,last\n2024-01-01T00:00:00Z,1,2,1,2\n')]);
    expect(p.field).toBe('close');
    expect(p.message).toMatch(/has no close column/);
  });

  it('a generic file that switches its time form', async () => {
    const text = 'timestamp,open,high,low,close\n1704067200000,1,2,1,2\n2024-01-01T00:01:00Z,1,2,1,2\n';
    const p = await problemOf(w, [w.write('ETHUSDT.csv', text)]);
    expect(p).toMatchObject({ line: 3, column: 1, field: 'time' });
  });
});

describe('a gap is a warning, not an error', () => {
  it('names the missing range and still imports', async () => {
    const w = tempWorkspace('market-gap');
    try {
      const file = w.write('BTCUSDT-1h-2022-11.csv', variant((l) => l.splice(39, 3)));
      const s = await w.import([file]);
      expect(s.rowsAdded).toBe(717);
      expect(s.files[0]!.warnings).toEqual([
        { file, line: 40, message: 'gap: 3 1h candles missing from 2022-11-02T14:00:00Z to 2022-11-02T16:00:00Z', range: { from: Date.parse('2022-11-02T14:00:00Z'), to: Date.parse('2022-11-02T16:00:00Z') } },
      ]);
    } finally {
      w.cleanup();
    }
  });
});
