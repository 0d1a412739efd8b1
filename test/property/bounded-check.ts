import fc from 'fast-check';

/**
 * Property runs bounded by time, replayable by seed.
 *
 * The heavy engine properties run hundreds of long event sequences; on a slow or shared machine a
 * fixed run count can take many minutes. `assertBounded` runs up to `numRuns` but stops adding
 * runs once its share of the time budget is spent (fast-check's interruptAfterTimeLimit plugin:
 * a run in progress finishes, no new one starts), so CI time stays bounded and a fast machine
 * still gets every run. A failure is never hidden by the budget: it is reported with the seed and
 * path to replay it.
 *
 * Environment:
 *   FC_NUM_RUNS            runs per property (overrides the file's default; ENGINE_PROPERTY_RUNS
 *                          is still read, for older scripts)
 *   PROPERTY_TIME_LIMIT_MS time budget of one test file, split among its properties by `share`
 *                          (default 240000); 0 = no limit
 *   FC_SEED, FC_PATH       replay: the seed (and shrink path) printed by a failure
 */

const DEFAULT_FILE_BUDGET_MS = 240_000;

export interface BoundedOptions {
  /** Runs when FC_NUM_RUNS / ENGINE_PROPERTY_RUNS are not set. */
  readonly numRuns: number;
  /** This property's share of the file's time budget (0..1]; default 1. */
  readonly share?: number;
  /** A fixed seed (a property that must always see the same case); FC_SEED overrides it. */
  readonly seed?: number;
}

export interface BoundedReport {
  /** Runs actually made (fewer than asked when the budget ran out). */
  readonly numRuns: number;
  readonly interrupted: boolean;
  readonly seed: number;
  readonly budgetMs: number | null;
}

function envNumber(name: string): number | null {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return null;
  const n = Number(raw);
  if (!Number.isFinite(n)) throw new Error(`${name}=${raw} is not a number`);
  return n;
}

/** The run count a property asks for: FC_NUM_RUNS, else ENGINE_PROPERTY_RUNS, else the default. */
export function requestedRuns(fallback: number): number {
  return envNumber('FC_NUM_RUNS') ?? envNumber('ENGINE_PROPERTY_RUNS') ?? fallback;
}

/** This property's budget in ms, or null for none. */
export function budgetFor(share = 1): number | null {
  const total = envNumber('PROPERTY_TIME_LIMIT_MS') ?? DEFAULT_FILE_BUDGET_MS;
  if (total <= 0) return null;
  return Math.max(1, Math.floor(total * Math.min(1, Math.max(0, share))));
}

/** The line a failure prints: the environment that replays it. */
export function replayLine(seed: number, path: string | null): string {
  return `replay with: FC_SEED=${seed}${path ? ` FC_PATH=${path}` : ''}`;
}

/**
 * fc.assert with a time budget and a replay line. Throws (failing the test) with fast-check's own
 * report, the counterexample and `FC_SEED=… FC_PATH=…` when the property fails; returns how many
 * runs were made otherwise, so a test that counts events per run can scale its expectation.
 */
export function assertBounded<Ts>(property: fc.IProperty<Ts>, options: BoundedOptions): BoundedReport {
  const budgetMs = budgetFor(options.share);
  const seedEnv = envNumber('FC_SEED');
  const path = process.env.FC_PATH?.trim() || undefined;
  const params: fc.Parameters<Ts> = {
    numRuns: requestedRuns(options.numRuns),
    ...(seedEnv !== null ? { seed: seedEnv } : options.seed !== undefined ? { seed: options.seed } : {}),
    ...(path && seedEnv !== null ? { path } : {}),
    ...(budgetMs !== null ? { plugins: [fc.interruptAfterTimeLimit(budgetMs) as fc.Plugin<Ts>] } : {}),
  };
  const details = fc.check(property, params);
  if (details.failed) {
    const line = replayLine(details.seed, details.counterexamplePath);
    // Printed as well as thrown: a long report can be cut by the runner, the line must survive.
    console.error(`property failed; ${line}`);
    const report = fc.defaultReportMessage(details) ?? 'property failed';
    // An interrupted shrink reports the counterexample without the error: add it.
    const cause = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance ?? '');
    throw new Error(`${report}${cause && !report.includes(cause) ? `\nGot error: ${cause}` : ''}\n${line}`);
  }
  if (details.interrupted) {
    // Not a failure, but say so: fewer cases ran than were asked for.
    console.warn(`property stopped at its ${budgetMs} ms budget after ${details.numRuns} of ${params.numRuns} runs (seed ${details.seed})`);
  }
  return { numRuns: details.numRuns, interrupted: details.interrupted, seed: details.seed, budgetMs };
}
