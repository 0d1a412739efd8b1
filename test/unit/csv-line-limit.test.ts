import { describe, expect, it } from 'vitest';
import { CsvLineTooLong, CsvTokenizer, MAX_LINE_CHARS, type CsvRecord } from '#main/market/import/csv-records';

function feed(text: string, chunk: number, max = MAX_LINE_CHARS): CsvRecord[] {
  const t = new CsvTokenizer(max);
  const out: CsvRecord[] = [];
  for (let i = 0; i < text.length; i += chunk) out.push(...t.push(text.slice(i, i + chunk)));
  return out.concat(t.end());
}

describe('the CSV reader refuses a line over its limit', () => {
  it('reads a line just under the limit whatever the chunking', () => {
    const long = 'x'.repeat(MAX_LINE_CHARS - 10);
    for (const chunk of [1000, 4096, 65_536]) {
      const recs = feed(`a,b\n${long},1\nc,d\n`, chunk);
      expect(recs.map((r) => r.line)).toEqual([1, 2, 3]);
      expect(recs[1]!.fields[0]).toHaveLength(MAX_LINE_CHARS - 10);
    }
  });

  it.each([
    ['with a newline after it', (n: number) => `a,b\nc,d\n${'x'.repeat(n)}\ne,f\n`],
    ['without any newline', (n: number) => `a,b\nc,d\n${'x'.repeat(n)}`],
    ['inside quotes', (n: number) => `a,b\nc,d\n"${'x\n'.repeat(n / 2)}"\n`],
  ])('names the line of a long one %s, as soon as the limit is passed', (_label, make) => {
    const limit = 1000;
    const t = new CsvTokenizer(limit);
    const text = make(50 * limit);
    let consumed = 0;
    let error: unknown;
    try {
      for (let i = 0; i < text.length; i += 100) {
        consumed = i + 100;
        t.push(text.slice(i, i + 100));
      }
      t.end();
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(CsvLineTooLong);
    expect((error as CsvLineTooLong).line).toBe(3);
    expect((error as Error).message).toContain('line 3 is longer than');
    // Refused within a chunk of passing the limit, not at the end of the line.
    expect(consumed).toBeLessThanOrEqual(limit + 200);
  });
});
