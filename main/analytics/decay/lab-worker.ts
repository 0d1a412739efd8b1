import { parentPort } from 'node:worker_threads';
import Database from 'better-sqlite3';
import type { MarketData } from '../../market/feed/compile';
import { MarketCandlesRepo } from '../../store/market-candles-repo';
import { MarketFundingRepo } from '../../store/market-funding-repo';
import { runLab } from './lab';
import type { LabInputParsed } from './lab-types';
import { niceThisThread } from './worker-nice';

/** The exact single path, off main's event loop: decimals over up to 60,000 vertices, and its own read-only connection for a stored series. */
export interface LabJob {
  readonly dbPath: string;
  readonly input: LabInputParsed;
}

export type LabReply = { readonly ok: true; readonly result: ReturnType<typeof runLab> } | { readonly ok: false; readonly message: string; readonly name: string };

const port = parentPort;
if (!port) throw new Error('lab-worker runs only as a worker thread');

niceThisThread();
port.on('message', (job: LabJob) => {
  let db: Database.Database | null = null;
  try {
    const open = (): Database.Database => (db ??= new Database(job.dbPath, { readonly: true, fileMustExist: true }));
    const data: MarketData = {
      findSeries: (key) => new MarketCandlesRepo(open()).find(key),
      candles: (id, from, to, limit) => new MarketCandlesRepo(open()).range(id, from, to, limit),
      fundingRange: (venue, symbol, from, to) => new MarketFundingRepo(open()).range(venue, symbol, from, to),
      fundingBefore: (venue, symbol, t) => new MarketFundingRepo(open()).before(venue, symbol, t),
    };
    port.postMessage({ ok: true, result: runLab(data, job.input) } satisfies LabReply);
  } catch (err) {
    const e = err as Error;
    port.postMessage({ ok: false, message: e.message, name: e.name } satisfies LabReply);
  } finally {
    (db as Database.Database | null)?.close();
  }
});
