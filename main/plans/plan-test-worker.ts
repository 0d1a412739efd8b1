import { parentPort } from 'node:worker_threads';
import Database from 'better-sqlite3';
import type { Scenario } from '#shared/domain/scenario';
import type { MarketData } from '../market/feed/compile';
import { MarketCandlesRepo } from '../store/market-candles-repo';
import { MarketFundingRepo } from '../store/market-funding-repo';
import { runPlanTest, type PlanTestRequest } from './plan-test';

/** A plan's test, off main's event loop: its own read-only connection to the workspace. */
export interface PlanTestJob {
  readonly dbPath: string;
  readonly scenario: Scenario;
  readonly id: string | null;
  readonly input: PlanTestRequest;
}

export type PlanTestReply = { readonly ok: true; readonly result: ReturnType<typeof runPlanTest> } | { readonly ok: false; readonly message: string; readonly dataProblem: boolean };

parentPort?.on('message', (job: PlanTestJob) => {
  let db: Database.Database | null = null;
  try {
    db = new Database(job.dbPath, { readonly: true, fileMustExist: true });
    const candles = new MarketCandlesRepo(db);
    const funding = new MarketFundingRepo(db);
    const data: MarketData = {
      findSeries: (key) => candles.find(key),
      candles: (id, from, to, limit) => candles.range(id, from, to, limit),
      fundingRange: (venue, symbol, from, to) => funding.range(venue, symbol, from, to),
      fundingBefore: (venue, symbol, t) => funding.before(venue, symbol, t),
    };
    parentPort!.postMessage({ ok: true, result: runPlanTest(job.scenario, job.id, data, job.input) } satisfies PlanTestReply);
  } catch (err) {
    const e = err as Error;
    parentPort!.postMessage({ ok: false, message: e.message, dataProblem: e.name === 'ScenarioDataError' } satisfies PlanTestReply);
  } finally {
    db?.close();
  }
});
