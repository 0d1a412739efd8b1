import type { McBlock } from '#shared/risk/tokens/mc/kernel';
import type { McConfig } from '#shared/risk/tokens/mc/model';

/** Messages between the Monte Carlo pool (main) and its workers. */
export type ToWorker = { readonly type: 'configs'; readonly configs: readonly McConfig[] } | { readonly type: 'task'; readonly task: number; readonly config: number; readonly seed: number; readonly block: number; readonly paths: number };

export type FromWorker =
  | { readonly type: 'ready' }
  | { readonly type: 'done'; readonly task: number; readonly block: McBlock }
  | { readonly type: 'error'; readonly message: string };
