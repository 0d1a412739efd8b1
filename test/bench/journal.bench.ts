/**
 * Journal figures (run: npx tsx test/bench/journal.bench.ts, or npm run bench journal): import of
 * 100,000 generic-template fills (50,000 round trips) through the journal worker thread, the book
 * rebuild there, and every statistic over 100,000 trips, with main's event-loop delay measured
 * meanwhile (main only forwards: its budget is 50 ms). Then the statistics pass alone, in-thread.
 * Prints figures; asserts nothing.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { openWorkspace } from '#main/store/db';
import { JournalService } from '#main/journal/journal-service';
import { journalWorkerEntry } from '#main/journal/worker/journal-worker-entry';
import { buildJournalBook } from '#main/journal/journal-book';
import { statsOver } from '#main/journal/stats/compute-stats';
import { tripColumns } from '#main/journal/stats/trip-columns';
import { filterIndices } from '#main/journal/stats/trip-filter';
import type { JournalTrip } from '#shared/journal/journal-trip';
import { loadLine } from './kit/frame-report';
import { writeJournalFills as writeFills } from './kit/journal-fills';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'levdesk-journal-bench-'));
const fileA = path.join(dir, 'fills-a.csv');
const fileB = path.join(dir, 'fills-b.csv');
writeFills(fileA, 50_000, Date.UTC(2024, 0, 1), 0);
writeFills(fileB, 50_000, Date.UTC(2024, 6, 1), 1_000_000);

const ws = openWorkspace(path.join(dir, 'w.db'));
const service = new JournalService(ws.db, { dbPath: ws.path, entry: journalWorkerEntry(true) });
const delay = monitorEventLoopDelay({ resolution: 10 });
const lag = () => `main's event loop meanwhile: max ${(delay.max / 1e6).toFixed(1)} ms, p99 ${(delay.percentile(99) / 1e6).toFixed(1)} ms`;

await service.options(); // start the worker thread (tsx in the thread: the bundle starts faster)
delay.enable();
let t0 = performance.now();
const a = await service.import([fileA], { account: 'bench', preview: false });
console.log(`import 100,000 fills (generic CSV, one transaction, journal worker): ${(performance.now() - t0).toFixed(0)} ms, ${a.rowsAdded} rows added, ${a.trips} trips (rebuild included)  (target ≤ 5,000 ms); ${lag()}`);
delay.reset();
t0 = performance.now();
await service.import([fileB], { account: 'bench', preview: false });
const options = await service.options();
console.log(`second import of 100,000 fills + rebuild of the book (100,000 round trips, exact decimals) in the worker: ${(performance.now() - t0).toFixed(0)} ms, accounts ${options.accounts.join(',')}; ${lag()}`);
for (let run = 0; run < 3; run++) {
  delay.reset();
  t0 = performance.now();
  const stats = await service.stats({ tags: { all: [], any: [], none: ['x'] } });
  console.log(`all statistics over 100,000 trips (filter + ${stats.asset} ${stats.count.toLocaleString('en-US')}) via the worker, run ${run + 1}: ${(performance.now() - t0).toFixed(1)} ms round trip, ${stats.ms} ms in the worker  (target ≤ 200 ms); ${lag()}`);
}
delay.reset();
t0 = performance.now();
const page = await service.trips({}, 50_000, 100, { id: 'net', desc: true });
console.log(`one table page (sorted by net over ${page.total.toLocaleString('en-US')} trips) via the worker: ${(performance.now() - t0).toFixed(1)} ms; ${lag()}`);
t0 = performance.now();
await service.trips({}, 50_100, 100, { id: 'net', desc: true });
console.log(`the next page, same filter and sort (the sorted list is kept between pages): ${(performance.now() - t0).toFixed(1)} ms`);
delay.disable();
service.close();
console.log(loadLine());

// The statistics pass itself on this thread, over the same 100,000 trips (columns parsed once per book).
t0 = performance.now();
const book = buildJournalBook(ws.db);
console.log(`in-thread book rebuild of ${book.trips.length.toLocaleString('en-US')} trips, for reference: ${(performance.now() - t0).toFixed(0)} ms`);
const trips: JournalTrip[] = book.trips;
t0 = performance.now();
const cols = tripColumns(trips);
console.log(`parse the statistics columns once per book: ${(performance.now() - t0).toFixed(1)} ms`);
for (let run = 0; run < 3; run++) {
  t0 = performance.now();
  const stats = statsOver(cols, filterIndices(trips, { tags: { all: [], any: [], none: ['x'] } }), 'USDT');
  console.log(`all statistics over ${trips.length.toLocaleString('en-US')} trips in-thread (filter + USDT ${stats.count.toLocaleString('en-US')}), run ${run + 1}: ${(performance.now() - t0).toFixed(1)} ms  (target ≤ 200 ms)`);
}
ws.close();
fs.rmSync(dir, { recursive: true, force: true });
