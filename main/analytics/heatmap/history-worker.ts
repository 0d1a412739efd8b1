import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { TradingLogRepo } from '../../store/trading-log-repo';
import { replayHistory, type HeatmapHistory } from './history-replay';

/** Rebuild the heatmap's history of a reopened workspace's session, off main: its own read-only connection. */
export interface HistoryJob {
  readonly dbPath: string;
  readonly symbol: string;
  readonly toSeq: number;
}

export type HistoryReply = { readonly ok: true; readonly history: HeatmapHistory } | { readonly ok: false; readonly message: string };

// The job comes as workerData: it is there whenever this module runs (from a bundle, or after tsx registered).
const job = workerData as HistoryJob | null;
if (parentPort && job) run(job);

function run(job: HistoryJob): void {
  let db: Database.Database | null = null;
  try {
    db = new Database(job.dbPath, { readonly: true, fileMustExist: true });
    const history = replayHistory(new TradingLogRepo(db).events(1, job.toSeq), job.symbol, job.toSeq);
    const p = history.parts;
    // The columns move to main without a copy.
    const transfer = [p.tFrom, p.tTo, p.price, p.qtySteps, p.leverage, p.kind, p.cross, p.mine].map((a) => a.buffer as ArrayBuffer);
    parentPort!.postMessage({ ok: true, history } satisfies HistoryReply, transfer);
  } catch (err) {
    parentPort!.postMessage({ ok: false, message: (err as Error).message } satisfies HistoryReply);
  } finally {
    db?.close();
  }
}
