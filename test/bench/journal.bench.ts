/**
 * Journal figures (run: npx tsx test/bench/journal.bench.ts, or npm run bench journal): import of
 * 100,000 generic-template fills (50,000 round trips) into a fresh workspace, the book rebuild, and
 * every statistic over 100,000 trips. Prints times; asserts nothing.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { openWorkspace } from '#main/store/db';
import { importJournalFiles } from '#main/journal/import/import-journal';
import { buildJournalBook } from '#main/journal/journal-book';
import { computeStats } from '#main/journal/stats/compute-stats';
import { filterTrips } from '#main/journal/stats/trip-filter';
import type { JournalTrip } from '#shared/journal/journal-trip';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'levdesk-journal-bench-'));
const FILLS = 100_000;
const lines = ['time,symbol,side,price,quantity,fee,fee_asset,realized_pnl,trade_id,position_side'];
let price = 60000;
const symbols = ['BTCUSDT', 'ETHUSDT', 'SOLUSDT', 'BTCUSDC'];
for (let i = 0; i < FILLS; i += 2) {
  const t = Date.UTC(2024, 0, 1) + i * 60_000;
  const sym = symbols[(i / 2) % symbols.length]!;
  const long = (i / 2) % 3 !== 0;
  const entry = price;
  price = Math.max(1000, price * (1 + (((i * 7919) % 200) - 100) / 10_000));
  const exit = Math.round(price * 10) / 10;
  const pnl = ((exit - entry) * 0.01 * (long ? 1 : -1)).toFixed(4);
  lines.push(`${new Date(t).toISOString()},${sym},${long ? 'BUY' : 'SELL'},${entry.toFixed(1)},0.010,0.0240,,0,${i},${long ? 'LONG' : 'SHORT'}`);
  lines.push(`${new Date(t + 30_000).toISOString()},${sym},${long ? 'SELL' : 'BUY'},${exit.toFixed(1)},0.010,0.0240,,${pnl},${i + 1},${long ? 'LONG' : 'SHORT'}`);
  price = exit;
}
const file = path.join(dir, 'fills.csv');
fs.writeFileSync(file, `${lines.join('\n')}\n`);

const ws = openWorkspace(path.join(dir, 'w.db'));
let t0 = performance.now();
const result = importJournalFiles(ws.db, [file], { account: 'bench', preview: false }, () => 0);
const importMs = performance.now() - t0;
console.log(`import ${FILLS.toLocaleString('en-US')} fills (generic CSV, one transaction): ${importMs.toFixed(0)} ms, ${result.rowsAdded} rows added  (target ≤ 5,000 ms)`);

t0 = performance.now();
const book = buildJournalBook(ws.db);
console.log(`rebuild the book (${book.trips.length.toLocaleString('en-US')} round trips, exact decimals): ${(performance.now() - t0).toFixed(0)} ms (once per import, cached after)`);

// 100,000 trips for the statistics: the 50,000 twice (ids made distinct).
const trips: JournalTrip[] = [...book.trips, ...book.trips.map((t) => ({ ...t, id: `${t.id}#2`, rMultiple: t.rMultiple ?? (Number(t.net) / 6) }))];
for (let run = 0; run < 3; run++) {
  t0 = performance.now();
  const stats = computeStats(filterTrips(trips, { tags: { all: [], any: [], none: ['x'] } }), 'USDT');
  const ms = performance.now() - t0;
  console.log(`all statistics over ${trips.length.toLocaleString('en-US')} trips (filter + one asset of ${stats.count.toLocaleString('en-US')}), run ${run + 1}: ${ms.toFixed(1)} ms  (target ≤ 200 ms; main's budget 50 ms)`);
}
ws.close();
fs.rmSync(dir, { recursive: true, force: true });
