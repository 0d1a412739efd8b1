import type { LiquidationIndexData } from '#main/engine/index/liquidation-index';
import type { AccountSnap, EngineSnapshot } from '#main/engine/state/snapshot';

/** What main asks the restore worker: rebuild the trading engine of this workspace file. */
export interface RestoreJob {
  readonly dbPath: string;
  /** The last event main sees in the log (the worker restores exactly that far). */
  readonly toSeq: number;
  /** Check the snapshot's hash and that the restored state hashes the same (JournalOptions.verify). */
  readonly verify: boolean;
  /** Send nothing but the final state hash (`verified`): main wants the hash of its state at toSeq, not an engine. */
  readonly hashOnly?: boolean;
}

/**
 * The worker's answers, in this order. The snapshot travels in small pieces (each message is
 * deserialised on main as one task: a whole 100,000-trader snapshot would be one long one):
 * `head` (the snapshot without its accounts, the index without its entries and heap items),
 * then `accounts`, `entries` and `heapItems` slices, then `data` (main can start building), then
 * `verified` once the worker has also restored the snapshot itself, checked its hash and replayed
 * the tail (its final hash is the engine's state hash), or `error` at any point.
 */
export type RestoreMessage =
  | { readonly kind: 'head'; readonly snapshotSeq: number; readonly head: EngineSnapshot | null; readonly index: LiquidationIndexData | null }
  | { readonly kind: 'accounts'; readonly accounts: readonly AccountSnap[] }
  | { readonly kind: 'entries'; readonly entries: LiquidationIndexData['entries'] }
  | { readonly kind: 'heapItems'; readonly heap: number; readonly items: LiquidationIndexData['heaps'][number]['heap']['items'] }
  | { readonly kind: 'data'; readonly parseMs: number }
  | { readonly kind: 'verified'; readonly hash: string; readonly ms: number }
  | { readonly kind: 'error'; readonly message: string };

/** Accounts (or index rows) per message: a few milliseconds of deserialising on main each. */
export const RESTORE_SLICE = 1000;
