import type { McBlock } from '#shared/risk/tokens/mc/kernel';
import type { McConfig } from '#shared/risk/tokens/mc/model';
import type { GridSummary, McSummary, McSummaryJob } from '#shared/risk/tokens/mc/summarise';

/** Messages between the Monte Carlo pool (main) and its workers. Big arrays always travel as transferred buffers. */
export type ToWorker =
  | { readonly type: 'configs'; readonly configs: readonly McConfig[] }
  | { readonly type: 'task'; readonly task: number; readonly config: number; readonly seed: number; readonly block: number; readonly paths: number }
  /** Hand back (and forget) the fan histograms this worker accumulated, one per configuration. */
  | { readonly type: 'collect' }
  | { readonly type: 'summarise'; readonly job: McSummaryJob; readonly taskConfigs: readonly number[]; readonly blocks: readonly McBlock[]; readonly fans: readonly (readonly (Int32Array | null)[])[] };

export type FromWorker =
  | { readonly type: 'ready'; readonly cpuMs: number | null }
  /** cpuMs: this thread's CPU time so far (Linux), or null where the platform does not say. */
  | { readonly type: 'done'; readonly task: number; readonly block: McBlock; readonly cpuMs: number | null }
  | { readonly type: 'fans'; readonly fans: readonly (Int32Array | null)[] }
  | { readonly type: 'summary'; readonly summary: McSummary | GridSummary }
  | { readonly type: 'error'; readonly message: string };
