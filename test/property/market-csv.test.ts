import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvTokenizer } from '#main/market/import/csv-records';

/** Documents of fields that may hold commas, quotes and newlines, written the RFC 4180 way. */
const field = fc.oneof(
  fc.stringMatching(/^[0-9.\-A-Za-z ]{0,8}$/),
  fc.string({ unit: fc.constantFrom('a', '1', ',', '"', '\n', ' ', '.'), maxLength: 8 }),
);
const record = fc.array(field, { minLength: 1, maxLength: 6 });
const doc = fc.record({
  records: fc.array(record, { minLength: 1, maxLength: 20 }),
  crlf: fc.boolean(),
  bom: fc.boolean(),
  finalNewline: fc.boolean(),
  cuts: fc.array(fc.nat(), { maxLength: 6 }),
});

function quote(f: string): string {
  return /[",\n\r]/.test(f) ? `"${f.replace(/"/g, '""')}"` : f;
}

function tokenize(text: string, cuts: number[]): { fields: string[]; line: number }[] {
  const t = new CsvTokenizer();
  const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
  const out: { fields: string[]; line: number }[] = [];
  let at = 0;
  for (const p of points) {
    out.push(...t.push(text.slice(at, p)));
    at = p;
  }
  out.push(...t.end(text.slice(at)));
  return out;
}

describe('CSV tokenizer', () => {
  it('reads what csv-parse reads, with the same record start lines, however the input is chunked', () => {
    fc.assert(
      fc.property(doc, ({ records, crlf, bom, finalNewline, cuts }) => {
        // A record that is one empty field is a blank line, which both readers skip.
        const rows = records.filter((r) => !(r.length === 1 && r[0] === ''));
        const eol = crlf ? '\r\n' : '\n';
        const text = (bom ? '\ufeff' : '') + rows.map((r) => r.map(quote).join(',')).join(eol) + (finalNewline ? eol : '');
        const expected = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: true, info: true }) as unknown as { record: string[] }[];
        const got = tokenize(text, cuts);
        expect(got.map((r) => r.fields)).toEqual(expected.map((e) => e.record));
        // csv-parse reports the line a record ENDS on; ours is where it starts: check through the content.
        let line = 1;
        got.forEach((r, i) => {
          expect(r.line).toBe(line);
          line += rows[i]!.join(',').split('\n').length - 1 + 1;
        });
      }),
      { numRuns: 300 },
    );
  });

  it('names the line of an unterminated quote', () => {
    const t = new CsvTokenizer();
    t.push('a,b\nc,"d\n');
    expect(() => t.end('e')).toThrow(/ends inside a quoted field/);
  });

  it('refuses text after a closing quote', () => {
    const t = new CsvTokenizer();
    expect(() => t.push('a,"b"c\n')).toThrow(/after a closing quote/);
  });
});
