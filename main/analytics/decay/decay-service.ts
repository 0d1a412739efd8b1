import type { z } from 'zod';
import type { LabOutput } from '#shared/domain/decay-lab';
import type { GridInputSchema, McViewInputSchema } from '#shared/ipc/channels/decay';
import type { MarketData } from '../../market/feed/compile';
import { mcRule } from './mc-rule';
import { runDecayGrid, type GridResult } from './grid';
import { runLabOffMain } from './lab-runner';
import type { LabInputParsed } from './lab-types';
import { runDecayMonteCarlo, type McRunResult } from './monte-carlo';

export interface DecayProgress {
  readonly job: 'monte-carlo' | 'grid';
  readonly done: number;
  readonly total: number;
}

export interface DecayServiceDeps {
  readonly data: () => MarketData;
  readonly onProgress?: (p: DecayProgress) => void;
  /** Worker threads per run (default: every core). */
  readonly workers?: number;
}

/**
 * The Decay view's backend, all of it on worker threads: the exact single path (decimal) in its own
 * worker per request; Monte Carlo runs and grids on the pool, one at a time: a new run cancels the
 * one before (the view only ever shows the latest).
 */
export class DecayService {
  private running: AbortController | null = null;

  constructor(private readonly deps: DecayServiceDeps) {}

  /** The exact single path on a worker thread (dbPath: the workspace file it reads a stored series from). */
  simulate(input: LabInputParsed, dbPath: string): Promise<LabOutput> {
    return runLabOffMain(dbPath, input, this.deps.data);
  }

  async monteCarlo(input: z.output<typeof McViewInputSchema>): Promise<McRunResult> {
    const signal = this.start();
    try {
      return await runDecayMonteCarlo(
        {
          model: input.model,
          days: input.days,
          stepsPerDay: input.stepsPerDay,
          paths: input.paths,
          seed: input.seed,
          maintenanceMarginRate: input.maintenanceMarginRate,
          fanPoints: input.fanPoints,
          histogramBins: input.histogramBins,
          tokens: input.tokens.map((t) => ({ leverage: t.leverage, rebalance: mcRule(t.rebalance), managementFeePerDay: t.fees.managementFeePerDay, fundingPerDay: t.fees.fundingPerDay })),
        },
        this.poolOptions('monte-carlo', signal),
      );
    } finally {
      this.finish(signal);
    }
  }

  async grid(input: z.output<typeof GridInputSchema>): Promise<GridResult> {
    const signal = this.start();
    try {
      return await runDecayGrid(input, this.poolOptions('grid', signal));
    } finally {
      this.finish(signal);
    }
  }

  cancel(): boolean {
    if (!this.running) return false;
    this.running.abort();
    this.running = null;
    return true;
  }

  close(): void {
    this.cancel();
  }

  private start(): AbortSignal {
    this.running?.abort();
    const c = new AbortController();
    this.running = c;
    return c.signal;
  }

  private finish(signal: AbortSignal): void {
    if (this.running?.signal === signal) this.running = null;
  }

  private poolOptions(job: DecayProgress['job'], signal: AbortSignal) {
    let last = 0;
    return {
      signal,
      ...(this.deps.workers ? { workers: this.deps.workers } : {}),
      onProgress: (done: number, total: number) => {
        // At most ~20 progress events a second: the stream is shared with the Trade view.
        const now = performance.now();
        if (done === total || now - last > 50) {
          last = now;
          this.deps.onProgress?.({ job, done, total });
        }
      },
    };
  }
}
