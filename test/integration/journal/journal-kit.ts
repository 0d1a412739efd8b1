import fs from 'node:fs';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { runCli } from '#main/cli/run';

export const JOURNAL_FIXTURES = path.resolve(import.meta.dirname, '../../fixtures/journal');
export const USDM = ['trade', 'order', 'position', 'transaction'].map((k) => path.join(JOURNAL_FIXTURES, 'binance-usdm-2025', `accountA_usdm_${k}-history.csv`));
export const COINM = ['trade', 'order', 'position', 'transaction'].map((k) => path.join(JOURNAL_FIXTURES, 'binance-coinm-2025', `accountA_coinm_${k}-history.csv`));

export async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d: Buffer) => (out += d.toString()));
  stderr.on('data', (d: Buffer) => (err += d.toString()));
  const code = await runCli(args, { stdout, stderr, stdin: new PassThrough() });
  return { code, out, err };
}

/**
 * A minimal CSV reader for the tests' own sums, deliberately independent of the importer's
 * tokenizer and column mapping: the exports quote every field and never contain commas in them.
 */
export function readExport(file: string): Array<Record<string, string>> {
  const lines = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '').split('\n').filter((l) => l.trim() !== '');
  const split = (l: string) => l.split(',').map((f) => f.replace(/^"|"$/g, ''));
  const header = split(lines[0]!);
  return lines.slice(1).map((l) => Object.fromEntries(split(l).map((v, i) => [header[i]!, v])));
}
