/**
 * Market data figures: import throughput (candles per second, by phase), range reads of a year of
 * 1m candles, chart previews, tokenizer speed against csv-parse, and feed throughput (ticks per
 * second with index and mark). Prints figures; asserts nothing. `npx tsx test/bench/market.bench.ts`.
 */
import fs from 'node:fs';
import { once } from 'node:events';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse';
import { CsvTokenizer } from '#main/market/import/csv-records';
import { importFiles } from '#main/market/import/import-files';
import { compileScenario } from '#main/market/feed/compile';
import { MarketFeed } from '#main/market/feed/market-feed';
import { MarketService } from '#main/market/market-service';
import { previewBars } from '#main/market/preview-bars';
import { builtinScenario } from '#main/market/scenarios/builtin';
import { openWorkspace } from '#main/store/db';
import { MarketCandlesRepo } from '#main/store/market-candles-repo';

const YEAR_1M = 525_600;
const START = Date.UTC(2024, 0, 1);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'levdesk-market-bench-'));
const fmt = (n: number): string => Math.round(n).toLocaleString('en-US');

async function writeKlines(file: string, rows: number): Promise<void> {
  const out = fs.createWriteStream(file);
  let chunk = '';
  for (let i = 0; i < rows; i++) {
    const t = START + i * 60_000;
    const p = 40_000 + ((i * 7) % 2000);
    chunk += `${t},${p}.10,${p + 5}.00,${p - 5}.00,${p}.40,9319.649,${t + 59_999},190679421.37330,65595,4259.452,87153703.93980,0\n`;
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk);
  await once(out, 'finish');
}

function time<T>(fn: () => T): { value: T; ms: number } {
  const t0 = performance.now();
  const value = fn();
  return { value, ms: performance.now() - t0 };
}

async function main(): Promise<void> {
  const file = path.join(dir, 'BTCUSDT-1m-2024-01.csv');
  await writeKlines(file, YEAR_1M);
  const size = fs.statSync(file).size;
  const ws = openWorkspace(path.join(dir, 'workspace.levdesk.db'));

  // 1. Import: a year of 1m klines in one file (the whole import, then its phases).
  let committingAt = 0;
  const t0 = performance.now();
  await importFiles(
    { files: [file], options: {}, origin: 'import' },
    { db: ws.db, stagingDir: path.join(dir, 'tmp'), now: Date.now, importId: 'bench', onProgress: (p) => p.phase === 'committing' && (committingAt = performance.now()) },
  );
  const total = performance.now() - t0;
  console.log(`import, ${fmt(YEAR_1M)} 1m klines (${(size / 2 ** 20).toFixed(1)} MiB CSV): ${fmt((YEAR_1M / total) * 1000)} candles/s overall (${(total / 1000).toFixed(2)} s)`);
  console.log(`  read + validate + stage: ${fmt((YEAR_1M / (committingAt - t0)) * 1000)} candles/s; merge into the workspace (one transaction, event loop held): ${fmt(t0 + total - committingAt)} ms`);
  const again = time(() => importFiles({ files: [file], options: {}, origin: 'import' }, { db: ws.db, stagingDir: path.join(dir, 'tmp'), now: Date.now, importId: 'bench2' }));
  const reimport = performance.now();
  await again.value;
  console.log(`  the same file again (adds nothing): ${((performance.now() - reimport + again.ms) / 1000).toFixed(2)} s`);

  // 2. Range reads of the year.
  const repo = new MarketCandlesRepo(ws.db);
  const series = repo.list()[0]!;
  const end = START + YEAR_1M * 60_000;
  for (let i = 0; i < 2; i++) repo.range(series.id, START, end); // warm the page cache
  const reads = [0, 1, 2].map(() => time(() => repo.range(series.id, START, end)));
  const best = Math.min(...reads.map((r) => r.ms));
  console.log(`range read, a year of 1m candles (${fmt(reads[0]!.value.length)} rows as objects): ${fmt(best)} ms best of 3 (${fmt((YEAR_1M / best) * 1000)} candles/s)`);
  const month = time(() => repo.range(series.id, START, START + 43_200 * 60_000));
  console.log(`range read, one month of 1m candles (${fmt(month.value.length)}): ${month.ms.toFixed(1)} ms`);
  const count = time(() => repo.count(series.id, START, end));
  console.log(`count over the year (index only): ${count.ms.toFixed(1)} ms`);
  const preview = time(() => previewBars(ws.db, series, null, null, 1500));
  console.log(`chart preview of the year: ${preview.value.candles.length} bars of ${preview.value.interval} (exact OHLC from text) in ${fmt(preview.ms)} ms`);
  const coverage = time(() => repo.recomputeCoverage(series.id));
  console.log(`coverage recount of the year (rows, range, gaps): ${fmt(coverage.ms)} ms`);

  // 3. The CSV tokenizer against csv-parse, 200,000 kline rows in memory.
  const sample = fs.readFileSync(file, 'utf8').slice(0, 200_000 * 121);
  const tok = time(() => {
    const t = new CsvTokenizer();
    let n = 0;
    for (let at = 0; at < sample.length; at += 65_536) n += t.push(sample.slice(at, at + 65_536)).length;
    return n + t.end().length;
  });
  const t1 = performance.now();
  let parsed = 0;
  const parser = parse({ relax_column_count: true });
  parser.on('readable', () => {
    while (parser.read() !== null) parsed += 1;
  });
  parser.end(sample);
  await once(parser, 'end');
  const csvParseMs = performance.now() - t1;
  console.log(`CSV tokenizer: ${fmt((tok.value / tok.ms) * 1000)} rows/s; csv-parse on the same text: ${fmt((parsed / csvParseMs) * 1000)} rows/s`);

  // 4. Feed throughput: ticks with index (5 modelled venues) and mark, as the replay produces them.
  const market = new MarketService({ db: ws.db, dataDir: dir });
  await market.import([path.resolve(import.meta.dirname, '../fixtures/market/BTCUSDT-1h-2022-11.csv'), path.resolve(import.meta.dirname, '../fixtures/market/BTCUSDT-fundingRate-2022-11.csv')]);
  for (const id of ['ftx-2022-11', 'gbm-day', 'funding-squeeze']) {
    const compiled = time(() => new MarketFeed(compileScenario(builtinScenario(id)!.scenario, market.data())));
    const run = time(() => {
      let n = 0;
      for (let e = compiled.value.next(); e; e = compiled.value.next()) if (e.kind === 'tick') n += 1;
      return n;
    });
    const seek = time(() => compiled.value.seekTick(Math.floor(compiled.value.tickCount / 2)));
    console.log(
      `feed ${id}: ${fmt(run.value)} ticks in ${fmt(run.ms)} ms = ${fmt((run.value / run.ms) * 1000)} ticks/s (compile ${fmt(compiled.ms)} ms, seek to the middle ${fmt(seek.ms)} ms)`,
    );
  }
  ws.close();
}

main()
  .catch((err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  })
  .finally(() => fs.rmSync(dir, { recursive: true, force: true }));
