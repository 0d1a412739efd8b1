import type { LiquidationIndexData } from '#main/engine/index/liquidation-index';
import type { EngineSnapshot } from '#main/engine/state/snapshot';

/** What main asks the restore worker: rebuild the trading engine of this workspace file. */
export interface RestoreJob {
  readonly dbPath: string;
  /** The last event main sees in the log (the worker restores exactly that far). */
  readonly toSeq: number;
  /** Check the snapshot's hash and that the restored state hashes the same (JournalOptions.verify). */
  readonly verify: boolean;
  /** Send nothing but the final state hash (`verified`): main wants the hash of its state at toSeq, not an engine. */
  readonly hashOnly?: boolean;
  /**
   * With verify: main checks every n-th account piece itself (main-piece-check.ts) from the
   * accounts it restores anyway, for less than the worker pays to parse, restore and write one
   * out again; the worker checks the others. 0 or absent: the worker checks all.
   */
  readonly mainChecks?: number;
}

/**
 * The worker's answers, in this order. The snapshot travels in small pieces, each the UTF-8 bytes
 * of a JSON text in a transferred buffer, which main decodes and parses in a slice of its own.
 * Node delivers every message queued on a port in one task, and deserialises each there: as
 * structured clones (or as strings) the pieces of a 100,000-trader snapshot held main ~1 s; a
 * transferred buffer is handed over without a copy.
 * `head` (the snapshot without its accounts), its `accounts` slices as they are cut and
 * `accountsEnd` (main restores them as they arrive, before the worker has checked the body's
 * hash), `index` (the liquidation index without its entries and heap items,
 * cut meanwhile), its `entries` and `heapItems` slices, then `data` (every piece is there), then
 * `verified` once the worker has also checked that the snapshot restores to itself and replayed
 * the tail (its final hash is the engine's state hash), or `error` at any point.
 */
export type RestoreMessage =
  /**
   * `mainChecks`: every how many account pieces main checks one (the n-th, 2n-th, …), 0 for none:
   * the job's, or 0 when the worker restores and checks the whole state (a tail follows the snapshot).
   */
  | { readonly kind: 'head'; readonly snapshotSeq: number; readonly head: EngineSnapshot | null; readonly mainChecks: number }
  /** Every account piece has been sent. */
  | { readonly kind: 'accountsEnd' }
  | { readonly kind: 'index'; readonly index: LiquidationIndexData | null }
  /** JSON of an AccountSnap[] slice. */
  | { readonly kind: 'accounts'; readonly json: Uint8Array }
  /** JSON of a slice of LiquidationIndexData['entries']. */
  | { readonly kind: 'entries'; readonly json: Uint8Array }
  /** JSON of a slice of the items of heap `heap` of the index. */
  | { readonly kind: 'heapItems'; readonly heap: number; readonly json: Uint8Array }
  | { readonly kind: 'data'; readonly parseMs: number }
  | { readonly kind: 'verified'; readonly hash: string; readonly ms: number }
  | { readonly kind: 'error'; readonly message: string };

/** Accounts (or index rows) per message: a few milliseconds of parsing on main each. */
export const RESTORE_SLICE = 500;
