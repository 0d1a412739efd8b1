import type { EngineEvent } from '#shared/domain/trading-commands';
import type { Effect } from '#main/engine/effects';
import type { LiquidationIndexData } from '#main/engine/index/liquidation-index';
import type { EngineSnapshot } from '#main/engine/state/snapshot';

/**
 * What main asks the trading worker (trading-worker.ts), in order; the worker handles one at a time.
 * - `restore`: rebuild the engine of this workspace file as of event `toSeq` (latest snapshot and
 *   the events after it), apply `then` (the tick that opens a big crowd: crowd-open.ts), and send
 *   the state to main in slices. The worker keeps its engine: it is main's replica from then on.
 * - `apply`: the events main applied after that (the replica follows; it never decides anything).
 * - `resync`: main rewound the log; rebuild the replica as of `toSeq` from the workspace.
 * - `snapshot`: write a snapshot of the replica at `seq` into the workspace, unless the log's
 *   generation moved on meanwhile (a rewind or a new session: TradingLogRepo.generation).
 */
export type WorkerJob =
  | {
      readonly kind: 'restore';
      readonly dbPath: string;
      readonly toSeq: number;
      readonly verify: boolean;
      readonly then: readonly EngineEvent[];
      /** One Int32 the worker sets while it holds the workspace's write lock for a snapshot (TradingReplica.writing). */
      readonly writing: SharedArrayBuffer;
    }
  | { readonly kind: 'apply'; readonly events: readonly EngineEvent[]; readonly lastSeq: number }
  | { readonly kind: 'resync'; readonly toSeq: number }
  | { readonly kind: 'snapshot'; readonly id: number; readonly seq: number; readonly generation: number };

/**
 * The worker's answers. To a `restore`, in this order: `applied` (the effects of the `then`
 * events), `state` (the snapshot without its accounts, the index without its entries and heap
 * items, and those as JSON slices in one transferred buffer: handing it over costs main nothing,
 * and main parses it a slice per task), then `verified` (the replica's state hash, and that the
 * stored snapshot restored to its hash). To a `snapshot`: `snapshotted` (written or not, and how
 * long it took). `error` at any point.
 */
export type WorkerMessage =
  | { readonly kind: 'applied'; readonly effects: ReadonlyArray<readonly Effect[]> }
  | {
      readonly kind: 'state';
      readonly snapshotSeq: number;
      readonly head: EngineSnapshot | null;
      readonly index: LiquidationIndexData | null;
      readonly slices: ArrayBuffer;
      readonly parts: readonly StatePart[];
      readonly ms: number;
    }
  | { readonly kind: 'verified'; readonly hash: string; readonly ms: number }
  | { readonly kind: 'snapshotted'; readonly id: number; readonly seq: number; readonly written: boolean; readonly ms: number }
  | { readonly kind: 'error'; readonly message: string };

/** One JSON slice of the state in the buffer (bytes `from` to `to`): accounts, index entries, or items of heap `heap`. */
export interface StatePart {
  readonly rows: 'accounts' | 'entries' | 'heapItems';
  readonly heap: number;
  readonly from: number;
  readonly to: number;
}

/** Accounts (or index rows) per message: a few milliseconds of deserialising on main each. */
export const STATE_SLICE = 250;
