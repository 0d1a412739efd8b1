import { Worker } from 'node:worker_threads';
import type { Scenario } from '#shared/domain/scenario';
import type { PlanTestResult } from '#shared/ipc/channels/plans';
import { ScenarioDataError, type MarketData } from '../market/feed/compile';
import { runPlanTest, type PlanTestRequest } from './plan-test';
import { bundledWorker } from '../app/worker-entry';
import type { PlanTestJob, PlanTestReply } from './plan-test-worker';

/**
 * Runs a plan's test in a worker thread: a two-hour window's market model and engine take a few
 * hundred milliseconds, which main must not block for. One worker per test (tests are clicked,
 * not streamed). Run from sources (tsx, vitest) there is no worker bundle, and the test runs on
 * the calling thread instead: the same function, so the results are the same.
 */
export function runPlanTestOffMain(dbPath: string, scenario: Scenario, id: string | null, input: PlanTestRequest, inline: () => MarketData): Promise<PlanTestResult> {
  const file = bundledWorker('plan-test-worker')?.source;
  if (!file) return Promise.resolve().then(() => runPlanTest(scenario, id, inline(), input));
  return new Promise((resolve, reject) => {
    const worker = new Worker(file);
    let settled = false;
    worker.once('message', (reply: PlanTestReply) => {
      settled = true;
      void worker.terminate();
      if (reply.ok) resolve(reply.result);
      else reject(reply.dataProblem ? new ScenarioDataError(reply.message) : new Error(reply.message));
    });
    worker.once('error', (err) => {
      settled = true;
      reject(err);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`the plan test worker stopped (exit ${code})`));
    });
    worker.postMessage({ dbPath, scenario, id, input } satisfies PlanTestJob);
  });
}
